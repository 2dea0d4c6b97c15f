// A Socket.IO server alone in its file (few words: the import of socket.io is what says it is one).
const { Server } = require('socket.io');
const { exec } = require('child_process');

const io = new Server(3000);
io.on('connection', (socket) => {
  socket.on('run', (cmd) => {
    // ruleid: js.cmdi.child-process
    exec('ls ' + cmd);
  });
  socket.on('disconnect', (reason) => {
    // ok: js.cmdi.child-process
    exec('logger ' + reason);
  });
});
