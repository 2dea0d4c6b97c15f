// A Socket.IO middleware in a module of its own (the server registers it: `io.use(authenticate(sessions))`):
// `socket.handshake.auth` is the JSON the client sent when it connected, so a value may be {"$ne": null}.
'use strict';

const { execFile } = require('child_process');

function authenticate(sessions) {
  return async (socket, next) => {
    const { token, apiKey } = socket.handshake.auth || {};
    let session = null;
    if (typeof token === 'string' && token.length > 0) {
      // A value checked to be a string is no operator object.
      // ok: js.nosqli.query-object
      session = await sessions.findOne({ token, expiresAt: { $gt: new Date() } });
    } else if (apiKey) {
      // ruleid: js.nosqli.query-object
      session = await sessions.findOne({ apiKey, revoked: false });
    }
    if (!session) return next(new Error('unauthorized'));
    socket.data.user = session.userId;
    return next();
  };
}

function traceClient(socket) {
  const agent = socket.handshake.headers['user-agent'] || '';
  // ruleid: js.cmdi.child-process
  require('child_process').exec(`logger -t chat "client ${agent}"`);
  // ok: js.cmdi.child-process
  execFile('logger', ['-t', 'chat', `client ${agent}`]);
  // The server's own view of the connection.
  // ok: js.cmdi.child-process
  require('child_process').exec(`logger -t chat "at ${socket.handshake.time}"`);
}

module.exports = { authenticate };
module.exports.register = (io) => io.on("connection", (s) => traceClient(s));
