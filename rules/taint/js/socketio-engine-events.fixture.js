// engine.io's own events on a Socket.IO server (`io.engine.on('connection_error', err => …)`): the error object
// engine.io made (a fixed code and message), not what a client emitted. A client's event is still input.
const { Server } = require('socket.io');
const winston = require('winston');

const io = new Server(3000);

io.engine.on('connection_error', (err) => {
  // ok: js.log-injection.logger
  winston.error(`[socket.io] Connection error: [${err.code}]-${err.message}`);
});

io.engine.on('initial_headers', (headers) => {
  // ok: js.log-injection.logger
  winston.info(`headers ${headers}`);
});

io.on('connection', (socket) => {
  socket.on('report', (msg) => {
    // ruleid: js.log-injection.logger
    winston.error(`client report: ${msg}`);
  });
});
