// Socket.IO (https://socket.io/docs/v4/listening-to-events/) and ws (https://github.com/websockets/ws#readme):
// what a client emits or sends is as untrusted as a request body.
const { Server } = require('socket.io');
const { exec } = require('child_process');
const fs = require('fs');
const path = require('path');
const db = require('./db');

const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('search', (term, ack) => {
    // ruleid: js.sqli.string-query
    db.query("SELECT * FROM items WHERE name = '" + term + "'", ack);
  });
  socket.on('ping-host', (payload) => {
    // ruleid: js.cmdi.child-process
    exec('ping -c 1 ' + payload.host);
  });
  socket.on('read', async ({ file }) => {
    // ruleid: js.path-traversal.fs
    fs.readFile('/srv/files/' + file, () => {});
  });
  socket.on('read-one', ([file]) => {
    // ruleid: js.path-traversal.fs
    fs.readFileSync('/srv/files/' + file);
    // ok: js.path-traversal.fs
    fs.readFileSync('/srv/files/' + path.basename(file));
  });
  socket.on('disconnect', (reason) => {
    // The reason is set by the server library, not the client.
    // ok: js.sqli.string-query
    db.query("INSERT INTO log (reason) VALUES ('" + reason + "')");
  });
  socket.on('count', (n) => {
    // ok: js.sqli.string-query
    db.query('SELECT * FROM items LIMIT ' + parseInt(n, 10));
  });
});
