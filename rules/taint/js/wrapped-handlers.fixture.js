// Handlers registered through a wrapper that hands them what the framework gives it: an error-catching or
// guarding helper around a Socket.IO event's function or an Express route's, whatever the parameters are called.
const { Server } = require('socket.io');
const express = require('express');
const { exec, execFile } = require('child_process');
const fs = require('fs');

function guarded(socket, handler) {
  return async (payload, ack) => {
    try {
      await handler(payload, ack);
    } catch (e) {
      socket.emit('failure', e.message);
    }
  };
}

const asyncRoute = (fn) => (rq, rs, next) => Promise.resolve(fn(rq, rs, next)).catch(next);

const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('archive', guarded(socket, async (data) => {
    // ruleid: js.cmdi.child-process
    exec('tar czf /tmp/out.tgz ' + data.folder);
  }));
  socket.on('archive-safe', guarded(socket, async (data) => {
    // ok: js.cmdi.child-process
    execFile('tar', ['czf', '/tmp/out.tgz', '--', String(data.folder)]);
  }));
  socket.on('count', guarded(socket, async (msg) => {
    // ok: js.cmdi.child-process
    exec('seq ' + parseInt(msg.n, 10));
  }));
});

const app = express();
app.get('/files', asyncRoute(async (rq, rs) => {
  // ruleid: js.path-traversal.fs
  rs.send(fs.readFileSync('/srv/files/' + rq.query.name));
}));
app.get('/files/fixed', asyncRoute(async (rq, rs) => {
  // ok: js.path-traversal.fs
  rs.send(fs.readFileSync('/srv/files/index.txt'));
}));
