// Socket.IO handlers kept in a module of their own, registered by the server (`registerChatHandlers(io, socket)`):
// the module imports no socket.io, and the socket is a parameter.
const { exec } = require('child_process');

module.exports = function registerChatHandlers(io, socket) {
  socket.on('calc', (expression, ack) => {
    // ruleid: js.code-injection.eval
    ack(eval(expression));
  });

  socket.on('whois', ({ domain }, ack) => {
    // ruleid: js.cmdi.child-process
    exec(`whois ${domain}`, (err, out) => ack(out));
  });

  socket.on('disconnect', (reason) => {
    // ok: js.cmdi.child-process
    exec(`logger socket closed: ${reason}`);
  });
};

function watch(stream) {
  stream.on('data', (chunk) => {
    // ok: js.code-injection.eval
    eval(chunk.toString());
  });
}

module.exports.watch = watch;
