// The older Socket.IO form calls the module directly: `require('socket.io')(server)`. The call counts as an
// import of socket.io, so its event handlers are recognised as in the `new Server()` form.
const io = require('socket.io')(3000);
const { exec } = require('child_process');

io.on('connection', (socket) => {
  socket.on('ping-host', (host) => {
    // ruleid: js.cmdi.child-process
    exec('ping -c 1 ' + host);
  });
  socket.on('disconnect', (reason) => {
    // ok: js.cmdi.child-process
    exec('logger ' + reason);
  });
});
