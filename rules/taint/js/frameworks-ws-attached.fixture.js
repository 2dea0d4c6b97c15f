// A module the server passes its ws WebSocketServer to (`attach(wss)`): it imports nothing of ws, but a socket named
// as one (`ws`, `socket`) receiving 'message' events is a WebSocket, and each message is the client's.
const { exec } = require('child_process');

module.exports = function attach(wss, worker) {
  wss.on('connection', (ws) => {
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      // ruleid: js.code-injection.eval
      const value = eval(`(${msg.expression})`);
      ws.send(String(value));
    });
  });
  wss.on('connection', (socket) => {
    socket.on('message', function onMessage(data) {
      // ruleid: js.cmdi.child-process
      exec('notify-send ' + data);
    });
  });
  // A worker thread's or a child process's messages are the application's own.
  worker.on('message', (data) => {
    // ok: js.cmdi.child-process
    exec('notify-send ' + data);
  });
  process.on('message', (m) => {
    // ok: js.code-injection.eval
    eval(m.code);
  });
};
