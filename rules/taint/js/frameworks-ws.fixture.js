// ws (https://github.com/websockets/ws#simple-server): a connection's 'message' event carries the client's data.
import { WebSocketServer } from 'ws';
import { exec } from 'child_process';
import db from './db.js';

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws, request) => {
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    // ruleid: js.sqli.string-query
    db.query('SELECT * FROM rooms WHERE name = ' + msg.room);
    // ruleid: js.cmdi.child-process
    exec('say ' + data.toString());
    // ok: js.cmdi.child-process
    exec('say hello');
  });
  ws.on('close', (code) => {
    // ok: js.sqli.string-query
    db.query('INSERT INTO closes (code) VALUES (' + code + ')');
  });
});
