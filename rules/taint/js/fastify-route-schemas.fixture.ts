// A Fastify route schema in TypeScript: the property schemas kept as `as const` constants, the route generic.
import Fastify from 'fastify';
import { exec } from 'child_process';

const fastify = Fastify();
const unitSchema = { type: 'string', enum: ['api', 'worker'] } as const;
const linesSchema = { type: 'integer', minimum: 1 } satisfies Record<string, unknown>;

fastify.get<{ Querystring: { unit: string; lines: number; grep: string } }>(
  '/logs',
  { schema: { querystring: { type: 'object', properties: { unit: unitSchema, lines: linesSchema, grep: { type: 'string' } } } } },
  async (req) => {
    // ok: js.cmdi.child-process
    exec('journalctl -u ' + req.query.unit + ' -n ' + req.query.lines);
    // ruleid: js.cmdi.child-process
    exec('grep ' + req.query.grep + ' /var/log/app.log');
    return 'ok';
  },
);
