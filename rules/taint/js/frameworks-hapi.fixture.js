// Hapi (https://hapi.dev/api/#request): request.query, request.params and request.payload come from the client.
const Hapi = require('@hapi/hapi');
const { exec } = require('child_process');
const db = require('./db');

const server = Hapi.server({ port: 3000 });
server.route({
  method: 'POST',
  path: '/users/{id}',
  handler: async (request, h) => {
    // ruleid: js.sqli.string-query
    await db.query('UPDATE users SET name = ' + request.payload.name + ' WHERE id = ' + request.params.id);
    // ruleid: js.cmdi.child-process
    exec('notify ' + request.query.channel);
    // ok: js.sqli.string-query
    await db.query('UPDATE users SET name = ? WHERE id = ?', [request.payload.name, request.params.id]);
    return h.response('ok');
  },
});
