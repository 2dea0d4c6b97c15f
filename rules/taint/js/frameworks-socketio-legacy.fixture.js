// The older Socket.IO form calls the module directly: `require('socket.io')(server)`. That call is not recorded as
// an import of socket.io, so its event handlers are not recognised: a known gap.
const io = require('socket.io')(3000);
const { exec } = require('child_process');

io.on('connection', (socket) => {
  socket.on('ping-host', (host) => {
    // todoruleid: js.cmdi.child-process
    exec('ping -c 1 ' + host);
  });
});
