// Routers that pick a function from a table by the request (a Lambda's route key, an action name): every function
// the table names gets the request, so each one's sinks are found; a constant key runs its entry only.
const { exec } = require('child_process');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ host: 'db' });

async function listFiles(event) {
  const dir = (event.queryStringParameters || {}).dir || '.';
  // ruleid: js.cmdi.child-process
  exec(`ls -la ${dir}`);
  return { statusCode: 200 };
}

async function findOrder(event) {
  const id = event.pathParameters.id;
  // ruleid: js.sqli.string-query
  const [rows] = await pool.query(`SELECT * FROM orders WHERE id = '${id}'`);
  return { statusCode: 200, body: JSON.stringify(rows) };
}

async function findCustomer(event) {
  // ok: js.sqli.string-query
  const [rows] = await pool.query('SELECT * FROM customers WHERE id = ?', [event.pathParameters.id]);
  return { statusCode: 200, body: JSON.stringify(rows) };
}

const ROUTES = {
  'GET /files': listFiles,
  'GET /orders/{id}': findOrder,
  'GET /customers/{id}': findCustomer,
};

exports.handler = async (event) => {
  const route = ROUTES[event.routeKey];
  if (!route) {
    return { statusCode: 404 };
  }
  return route(event);
};

// Called straight off the table, and with a shorthand entry.
async function purge(event) {
  // ruleid: js.cmdi.child-process
  exec('rm -rf /tmp/cache/' + event.queryStringParameters.key);
}

const ADMIN = { purge };

exports.admin = async (event) => ADMIN[event.queryStringParameters.op](event);

// A constant key runs its entry only: `report` never gets the request here.
async function report(event) {
  // ok: js.cmdi.child-process
  exec('generate-report ' + event.queryStringParameters.kind);
}

async function health() {
  return { statusCode: 200 };
}

const JOBS = { report, health };

exports.status = async (event) => JOBS.health(event);

// Picked only when the key is the table's own: the branch that picks is the table's.
async function rotate(event) {
  // ruleid: js.cmdi.child-process
  exec('logrotate -f /etc/logrotate.d/' + event.queryStringParameters.unit);
}

const MAINTENANCE = { rotate };

exports.maintenance = async (event) => {
  const op = event.queryStringParameters.op;
  const run = Object.prototype.hasOwnProperty.call(MAINTENANCE, op) ? MAINTENANCE[op] : null;
  return run ? run(event) : { statusCode: 404 };
};

// A table of methods written in place: each one's body is its entry.
const COMMANDS = {
  whois(args, reply) {
    // ruleid: js.cmdi.child-process
    exec(`whois ${args.join(' ')}`, (err, out) => reply(out));
  },
  uptime(args, reply) {
    // ok: js.cmdi.child-process
    exec('uptime', (err, out) => reply(out));
  },
  calc: (args, reply) => {
    // ruleid: js.code-injection.eval
    reply(String(eval(args.join(' '))));
  },
};

exports.chat = async (event) => {
  const [name, ...args] = JSON.parse(event.body).text.slice(1).split(' ');
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : null;
  return command ? command(args, () => {}) : { statusCode: 404 };
};

// A table of handlers written in place that take the event itself: each one's parameter is the request.
const INLINE_ROUTES = {
  'GET /reports': async (event) => {
    const params = event.queryStringParameters || {};
    // ruleid: js.sqli.string-query
    return pool.query(`SELECT * FROM reports WHERE owner = '${params.owner}'`);
  },
  async 'DELETE /reports/{id}'(event) {
    // ruleid: js.sqli.string-query
    return pool.query('DELETE FROM reports WHERE id = ' + event.pathParameters.id);
  },
  'GET /health': async (event) => {
    // ok: js.sqli.string-query
    return pool.query('SELECT 1', [event.requestContext.requestId]);
  },
};

exports.reports = async (event) => {
  const route = INLINE_ROUTES[`${event.httpMethod} ${event.resource}`];
  return route ? route(event) : { statusCode: 404 };
};
