// CORS with credentials for any origin: the cors middleware (Express, Koa), @fastify/cors, NestJS, Socket.IO and
// Apollo options, an origin callback that accepts everything, and the request's Origin echoed by hand.
const express = require('express');
const cors = require('cors');
const Koa = require('koa');
const koaCors = require('@koa/cors');
const fastify = require('fastify')();
const fastifyCors = require('@fastify/cors');
const { Server } = require('socket.io');
const { NestFactory } = require('@nestjs/core');

const app = express();

// ruleid: js.cors.credentials-any-origin
app.use(cors({ credentials: true, origin: (origin, callback) => callback(null, true) }));

// ruleid: js.cors.credentials-any-origin
app.use('/api', cors({ origin: (origin, cb) => cb(null, origin), credentials: true, maxAge: 600 }));

const corsOptions = {
  // ruleid: js.cors.credentials-any-origin
  origin: true,
  credentials: true,
  methods: ['GET', 'POST'],
};
app.use(cors(corsOptions));

// ruleid: js.cors.credentials-any-origin
fastify.register(fastifyCors, { origin: '*', credentials: true });

const koa = new Koa();
// ruleid: js.cors.credentials-any-origin
koa.use(koaCors({ origin: (ctx) => ctx.get('Origin'), credentials: true }));
koa.use(async (ctx, next) => {
  // ruleid: js.cors.credentials-any-origin
  ctx.set('Access-Control-Allow-Origin', ctx.get('Origin'));
  ctx.set('Access-Control-Allow-Credentials', 'true');
  await next();
});

async function bootstrap(AppModule) {
  const nest = await NestFactory.create(AppModule);
  // ruleid: js.cors.credentials-any-origin
  nest.enableCors({ origin: true, credentials: true });
  return nest;
}

function realtime(httpServer) {
  // ruleid: js.cors.credentials-any-origin
  return new Server(httpServer, { cors: { origin: '*', credentials: true } });
}

app.use((req, res, next) => {
  // ruleid: js.cors.credentials-any-origin
  res.header('Access-Control-Allow-Origin', req.get('origin'));
  res.header('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  // ruleid: js.cors.credentials-any-origin
  res.set('Access-Control-Allow-Origin', req.headers['origin']);
  res.set('Access-Control-Allow-Credentials', 'true');
  next();
});

app.use((req, res, next) => {
  const origin = req.headers.origin;
  // ruleid: js.cors.credentials-any-origin
  res.setHeader('Access-Control-Allow-Origin', origin || '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});

fastify.addHook('onSend', async (request, reply) => {
  // ruleid: js.cors.credentials-any-origin
  reply.header('Access-Control-Allow-Origin', request.headers.origin);
  reply.header('Access-Control-Allow-Credentials', 'true');
});

// ---- negatives ----
const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

// ok: js.cors.credentials-any-origin
app.use(cors({ origin: (origin, cb) => cb(null, ALLOWED_ORIGINS.includes(origin)), credentials: true }));
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: /\.example\.com$/, credentials: true }));
// ok: js.cors.credentials-any-origin
fastify.register(fastifyCors, { origin: ALLOWED_ORIGINS, credentials: true });
// ok: js.cors.credentials-any-origin
koa.use(koaCors({ origin: 'https://app.example.com', credentials: true }));
// Public, cookie-less API: any origin may read it, but no credentials are sent.
// ok: js.cors.credentials-any-origin
app.use('/public', cors({ origin: true }));

async function bootstrapStrict(AppModule) {
  const nest = await NestFactory.create(AppModule);
  // ok: js.cors.credentials-any-origin
  nest.enableCors({ origin: 'https://admin.example.com', credentials: true });
  return nest;
}

function realtimeStrict(httpServer) {
  // ok: js.cors.credentials-any-origin
  return new Server(httpServer, { cors: { origin: ALLOWED_ORIGINS, credentials: true } });
}

app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED_ORIGINS.includes(origin)) {
    // ok: js.cors.credentials-any-origin
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});

app.use((req, res, next) => {
  // ok: js.cors.credentials-any-origin
  res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com');
  // A wildcard without credentials: browsers send no cookies to it.
  // ok: js.cors.credentials-any-origin
  res.header('Access-Control-Allow-Origin', '*');
  // Echoing the origin into another header is not CORS.
  // ok: js.cors.credentials-any-origin
  res.setHeader('Vary', req.headers.origin ? 'Origin' : 'Accept');
  next();
});

async function clientCall() {
  // A browser request that sends cookies is the client side of CORS, not a policy.
  // ok: js.cors.credentials-any-origin
  return fetch('https://api.example.com/me', { credentials: 'include', mode: 'cors' });
}

module.exports = { bootstrap, realtime, bootstrapStrict, realtimeStrict, clientCall };
