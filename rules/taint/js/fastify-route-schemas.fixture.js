// Fastify validates a request against the route's schema before the handler runs (and coerces the query's and
// path's numbers): a field the schema types as a number, an enum, a const, a format or a words-only pattern holds
// no free text. A plain string, or a union, still does.
const fastify = require('fastify')({ logger: true });
const { Type } = require('@sinclair/typebox');
const { exec } = require('child_process');

fastify.get('/logs', {
  schema: {
    querystring: {
      type: 'object',
      properties: {
        service: { type: 'string', enum: ['api', 'worker'] },
        lines: { type: 'integer', minimum: 1 },
        grep: { type: 'string', maxLength: 40 },
        since: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      },
      required: ['service'],
    },
  },
}, async (request, reply) => {
  // ok: js.cmdi.child-process
  exec('journalctl -u ' + request.query.service + ' -n ' + request.query.lines);
  // ruleid: js.cmdi.child-process
  exec('journalctl -u app | grep ' + request.query.grep);
  // ruleid: js.cmdi.child-process
  exec('journalctl --since ' + request.query.since);
  const { service } = request.query;
  // ok: js.cmdi.child-process
  exec('systemctl status ' + service);
  return reply.send('ok');
});

fastify.get('/hosts/:name', {
  schema: {
    params: { name: { type: 'string', pattern: '^[a-z0-9-]+$' } },
    querystring: { count: { type: 'integer' } },
  },
}, async (request) => {
  // ok: js.cmdi.child-process
  exec(`ping -c ${request.query.count} ${request.params.name}`);
  return 'ok';
});

fastify.route({
  method: 'POST',
  url: '/jobs',
  schema: { body: Type.Object({ id: Type.Integer(), label: Type.String() }) },
  handler: async (request) => {
    // ok: js.cmdi.child-process
    exec('job-runner --id ' + request.body.id);
    // ruleid: js.cmdi.child-process
    exec('job-runner --label ' + request.body.label);
    return 'queued';
  },
});

const statusSchema = { querystring: { type: 'object', properties: { unit: { type: 'string', enum: ['a', 'b'] } } } };
fastify.get('/status', { schema: statusSchema }, async (request) => {
  // ok: js.cmdi.child-process
  exec('systemctl status ' + request.query.unit);
  return 'ok';
});

const listOptions = {
  schema: {
    params: { type: 'object', properties: { shard: { type: 'integer' } } },
    querystring: { type: 'object', properties: { owner: { type: 'string' } } },
  },
};
fastify.get('/shards/:shard', listOptions, async (request) => {
  // ok: js.cmdi.child-process
  exec('shard-tool inspect ' + request.params.shard);
  // ruleid: js.cmdi.child-process
  exec('shard-tool owners ' + request.query.owner);
  return 'ok';
});
