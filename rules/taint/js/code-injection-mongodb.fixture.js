// MongoDB operators that run JavaScript on the server ($where, $function, $accumulator, mapReduce), fed from
// Express, Koa, Fastify, Hapi, Socket.IO and Lambda sources; the negatives keep input out of the code (query
// operators, `args`, numbers, allow-lists).
const express = require('express');
const Koa = require('koa');
const Router = require('@koa/router');
const fastify = require('fastify')();
const Hapi = require('@hapi/hapi');
const { Server } = require('socket.io');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');

const client = new MongoClient('mongodb://localhost:27017');
const db = client.db('shop');
const users = db.collection('users');
const orders = db.collection('orders');
const Post = mongoose.model('Post', new mongoose.Schema({ owner: String, score: Number }));

const app = express();
app.use(express.json());

app.get('/users/by-name', async (req, res) => {
  // ruleid: js.code-injection.mongodb-js
  const found = await users.findOne({ $where: 'this.name === "' + req.query.name + '"' });
  res.json(found);
});

app.post('/users/filter', async (req, res) => {
  const { expression } = req.body;
  // ruleid: js.code-injection.mongodb-js
  const rows = await users.find({ active: true, $where: expression }).toArray();
  res.json(rows);
});

app.get('/posts/score', async (req, res) => {
  // Mongoose's Query#$where takes the same JavaScript.
  // ruleid: js.code-injection.mongodb-js
  const posts = await Post.find({ owner: 'me' }).$where(`this.score > ${req.query.min}`).exec();
  res.json(posts);
});

app.post('/orders/computed', async (req, res) => {
  const rows = await orders
    // A string built by concatenation is not an operator object.
    // ok: js.nosqli.query-object
    .find({
      $expr: {
        $function: {
          // ruleid: js.code-injection.mongodb-js
          body: 'function(total) { return total ' + req.body.op + ' 100; }',
          args: ['$total'],
          lang: 'js',
        },
      },
    })
    .toArray();
  res.json(rows);
});

app.post('/orders/accumulate', async (req, res) => {
  const rows = await orders
    .aggregate([
      {
        $group: {
          _id: '$customer',
          spent: {
            $accumulator: {
              init: 'function() { return 0; }',
              accumulate: 'function(state, total) { return state + total; }',
              accumulateArgs: ['$total'],
              merge: 'function(a, b) { return a + b; }',
              // ruleid: js.code-injection.mongodb-js
              finalize: req.body.finalize,
              lang: 'js',
            },
          },
        },
      },
    ])
    .toArray();
  res.json(rows);
});

app.post('/orders/report', async (req, res) => {
  const field = req.body.groupBy;
  const map = 'function() { emit(this.' + field + ', this.total); }';
  // ruleid: js.code-injection.mongodb-js
  const out = await orders.mapReduce(map, 'function(k, v) { return Array.sum(v); }', { out: { inline: 1 } });
  res.json(out);
});

app.post('/posts/report', async (req, res) => {
  // ruleid: js.code-injection.mongodb-js
  const out = await Post.mapReduce({ map: 'function() { emit(this.owner, 1); }', reduce: req.body.reduce });
  res.json(out);
});

// A helper that builds the filter: the flow is through the call.
function byExpression(expr) {
  // ruleid: js.code-injection.mongodb-js
  return users.find({ $where: expr }).toArray();
}
app.get('/users/expr', async (req, res) => {
  res.json(await byExpression(req.query.expr));
});

// Koa.
const koa = new Koa();
const router = new Router();
router.get('/users/:group', async (ctx) => {
  // ruleid: js.code-injection.mongodb-js
  ctx.body = await users.find({ $where: `this.group == '${ctx.params.group}'` }).toArray();
});
koa.use(router.routes());

// Fastify.
fastify.get('/users/older', async (request, reply) => {
  // ruleid: js.code-injection.mongodb-js
  const rows = await users.find({ $where: 'this.age > ' + request.query.age }).toArray();
  return reply.send(rows);
});

// Hapi.
const server = Hapi.server({ port: 3000 });
server.route({
  method: 'GET',
  path: '/users/search',
  handler: async (request, h) => {
    // ruleid: js.code-injection.mongodb-js
    const rows = await users.find({ $where: request.query.where }).toArray();
    return h.response(rows);
  },
});

// Socket.IO.
const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('query', async (msg) => {
    // ruleid: js.code-injection.mongodb-js
    socket.emit('rows', await users.find({ $where: msg.condition }).toArray());
  });
});

// AWS Lambda behind API Gateway.
exports.handler = async (event) => {
  const { condition } = JSON.parse(event.body);
  // ruleid: js.code-injection.mongodb-js
  const rows = await users.find({ $where: condition }).toArray();
  return { statusCode: 200, body: JSON.stringify(rows) };
};

// ---- negatives ----
app.get('/n/operators', async (req, res) => {
  // The same condition with query operators: no JavaScript runs.
  // ok: js.code-injection.mongodb-js
  const rows = await users.find({ age: { $gt: Number(req.query.age) } }).toArray();
  res.json(rows);
});

app.get('/n/function-constant', async (req, res) => {
  // ok: js.code-injection.mongodb-js
  const rows = await users.find({ $where: function () { return this.credits > this.debits; } }).toArray();
  res.json(rows);
});

app.post('/n/function-args', async (req, res) => {
  const rows = await orders
    .find({
      $expr: {
        $function: {
          // Input is an argument of the function, not its source.
          // ok: js.code-injection.mongodb-js
          body: 'function(total, limit) { return total > limit; }',
          args: ['$total', parseFloat(req.body.limit)],
          lang: 'js',
        },
      },
    })
    .toArray();
  res.json(rows);
});

app.get('/n/number', async (req, res) => {
  // ok: js.code-injection.mongodb-js
  const rows = await users.find({ $where: 'this.age > ' + parseInt(req.query.age, 10) }).toArray();
  res.json(rows);
});

const GROUP_FIELDS = ['customer', 'region'];
app.post('/n/report', async (req, res) => {
  const field = req.body.groupBy;
  if (!GROUP_FIELDS.includes(field)) return res.status(400).end();
  const map = 'function() { emit(this.' + field + ', this.total); }';
  // ok: js.code-injection.mongodb-js
  const out = await orders.mapReduce(map, 'function(k, v) { return Array.sum(v); }', { out: { inline: 1 } });
  res.json(out);
});

app.get('/n/map-reduce-query', async (req, res) => {
  // Constant functions; the request only picks the documents.
  // ok: js.code-injection.mongodb-js
  const out = await orders.mapReduce('function() { emit(this.customer, this.total); }', 'function(k, v) { return Array.sum(v); }', { query: { status: String(req.query.status) }, out: { inline: 1 } });
  res.json(out);
});

app.get('/n/where-method', async (req, res) => {
  // Mongoose's where(path) names a field, it does not run code.
  // ok: js.code-injection.mongodb-js
  const posts = await Post.where('owner').equals(String(req.query.owner)).exec();
  res.json(posts);
});

app.post('/n/accumulate-args', async (req, res) => {
  const rows = await orders
    .aggregate([
      { $match: { status: 'paid' } },
      {
        $group: {
          _id: '$customer',
          spent: {
            $accumulator: {
              // ok: js.code-injection.mongodb-js
              init: 'function(start) { return start; }',
              initArgs: [Number(req.body.start)],
              accumulate: 'function(state, total) { return state + total; }',
              accumulateArgs: ['$total'],
              merge: 'function(a, b) { return a + b; }',
              lang: 'js',
            },
          },
        },
      },
    ])
    .toArray();
  res.json(rows);
});

app.get('/n/config', async (req, res) => {
  // The server's own setting, not the request.
  // ok: js.code-injection.mongodb-js
  const rows = await users.find({ $where: process.env.USER_FILTER }).toArray();
  res.json({ rows, page: req.query.page });
});

router.get('/n/koa/:group', async (ctx) => {
  // ok: js.code-injection.mongodb-js
  ctx.body = await users.find({ group: String(ctx.params.group), $where: 'this.active === true' }).toArray();
});

fastify.get('/n/users/older', async (request, reply) => {
  // ok: js.code-injection.mongodb-js
  const rows = await users.find({ $where: 'this.age > ' + Number(request.query.age) }).toArray();
  return reply.send(rows);
});

function notAHandler(res) {
  // A local object that happens to be called req.
  const req = { query: { expr: 'this.active' } };
  // ok: js.code-injection.mongodb-js
  return users.find({ $where: req.query.expr }).toArray();
}

app.get('/n/dead', async (req, res) => {
  if (false) {
    // ok: js.code-injection.mongodb-js
    await users.find({ $where: req.query.expr }).toArray();
  }
  res.end();
});

io.on('connection', (socket) => {
  socket.on('query-safe', async (msg) => {
    // ok: js.code-injection.mongodb-js
    socket.emit('rows', await users.find({ name: String(msg.name) }).toArray());
  });
});
