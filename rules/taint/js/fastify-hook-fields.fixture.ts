// A Fastify request hook stores input on the request (`request.region = …`): the route handlers read it there.
import Fastify from 'fastify';
import knex from 'knex';

const db = knex({ client: 'pg' });
const app = Fastify();

app.addHook('preHandler', async (request) => {
  const query = request.query as Record<string, string | undefined>;
  request.region = query.region ?? String(request.headers['x-region'] ?? 'emea');
  request.tenant = 'acme';
});

app.addHook('onSend', async (request, reply, payload) => {
  // An onSend hook gets the response payload, not the request's input.
  return payload;
});

app.get('/sales', async (request) => {
  // ruleid: js.sqli.string-query
  return db.raw(`SELECT * FROM sales WHERE region = '${request.region}'`);
});

app.get('/tenants', async (request) => {
  // ok: js.sqli.string-query
  return db.raw(`SELECT * FROM sales WHERE tenant = '${request.tenant}'`);
});
