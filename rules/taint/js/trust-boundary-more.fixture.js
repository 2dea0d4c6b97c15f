// Trust boundary: request data stored in the server-side session (express-session, cookie-session, koa-session,
// @fastify/session and secure-session, hapi yar), where later requests read it as the server's own decision.
const express = require('express');
const Koa = require('koa');
const Router = require('@koa/router');
const crypto = require('crypto');
const { authenticate, audit } = require('./auth');

const app = express();
const LANGS = ['en', 'de', 'fr'];

app.post('/checkout', (req, res) => {
  // ruleid: js.trust-boundary.session-from-request
  req.session.cart = { items: req.body.items, coupon: req.body.coupon };
  res.redirect('/pay');
});

app.post('/impersonate', (req, res) => {
  const { userId } = req.body;
  // ruleid: js.trust-boundary.session-from-request
  req.session.userId = userId;
  res.redirect('/');
});

app.get('/admin-mode', (req, res) => {
  // The client decides whether it is an administrator: input compared with a constant is still its choice.
  // ruleid: js.trust-boundary.session-from-request
  req.session.isAdmin = req.get('x-admin') === 'true';
  // ruleid: js.trust-boundary.session-from-request
  req.session.beta = 'yes' == req.query.beta;
  res.end();
});

app.post('/verify', async (req, res) => {
  const expected = await codes.get(req.session.userId);
  // The server compares the input with its own stored value: that is its check, not the client's choice.
  // ok: js.trust-boundary.session-from-request
  req.session.verified = req.body.code === expected;
  // A server value compared with a constant.
  // ok: js.trust-boundary.session-from-request
  req.session.isAdmin = expected.role === 'admin';
  res.end();
});

app.post('/profile', (req, res) => {
  // ruleid: js.trust-boundary.session-from-request
  req.session.profile = { ...req.session.profile, ...req.body };
  res.end();
});

app.post('/tenant/:tenant', (req, res) => {
  const key = 'tenant';
  // ruleid: js.trust-boundary.session-from-request
  req.session[key] = req.params.tenant;
  res.end();
});

app.post('/cookie-session', (req, res) => {
  // cookie-session: the whole session object replaced.
  // ruleid: js.trust-boundary.session-from-request
  req.session = { user: req.body.user, role: req.body.role };
  res.end();
});

function remember(req, field, value) {
  // ruleid: js.trust-boundary.session-from-request
  req.session[field] = value;
}
app.post('/remember', (req, res) => {
  remember(req, 'plan', req.body.plan);
  res.end();
});

// Koa: koa-session on the context.
const koa = new Koa();
const router = new Router();
router.post('/role', (ctx) => {
  // ruleid: js.trust-boundary.session-from-request
  ctx.session.role = ctx.request.body.role;
  ctx.status = 204;
});
koa.use(router.routes());

// Fastify: @fastify/session (property) and @fastify/secure-session (set).
function fastifyRoutes(fastify) {
  fastify.post('/login', async (request, reply) => {
    // ruleid: js.trust-boundary.session-from-request
    request.session.user = request.body.username;
    // ruleid: js.trust-boundary.session-from-request
    request.session.set('scope', request.body.scope);
    return reply.code(204).send();
  });
}

// Hapi: yar.
function hapiRoutes(server) {
  server.route({
    method: 'POST',
    path: '/prefs',
    handler: (request, h) => {
      // ruleid: js.trust-boundary.session-from-request
      request.yar.set('prefs', request.payload);
      return h.response().code(204);
    },
  });
}

app.post('/async', async (req, res) => {
  await audit('role-change');
  const { role } = req.body;
  // ruleid: js.trust-boundary.session-from-request
  req.session.role = role;
  res.end();
});

app.get('/return-to', (req, res) => {
  // A session held in a variable (`const s = req.session`) is the session.
  const session = req.session;
  // ruleid: js.trust-boundary.session-from-request
  session.returnTo = req.query.next;
  res.redirect('/login');
});

app.get('/session-copy', (req, res) => {
  let saved = req.session;
  // Rebinding the variable writes nothing to the session.
  // ok: js.trust-boundary.session-from-request
  saved = req.query.next;
  const copy = { ...req.session };
  // ok: js.trust-boundary.session-from-request
  copy.returnTo = req.query.next;
  res.json({ saved, copy });
});

// ---- negatives ----
app.post('/n-login', async (req, res) => {
  // What the server decided after checking the password, not what was sent.
  const account = await authenticate(req.body.email, req.body.password);
  // ok: js.trust-boundary.session-from-request
  req.session.userId = account.id;
  // ok: js.trust-boundary.session-from-request
  req.session.csrf = crypto.randomBytes(32).toString('hex');
  res.redirect('/');
});

app.get('/n-lang', (req, res) => {
  const lang = req.query.lang;
  if (!LANGS.includes(lang)) return res.status(400).end();
  // ok: js.trust-boundary.session-from-request
  req.session.lang = lang;
  res.end();
});

app.get('/n-counter', (req, res) => {
  // ok: js.trust-boundary.session-from-request
  req.session.views = (req.session.views || 0) + 1;
  // ok: js.trust-boundary.session-from-request
  req.session.flash = 'Saved';
  // ok: js.trust-boundary.session-from-request
  req.session.lastSeen = Date.now();
  res.end();
});

app.post('/n-locals', (req, res) => {
  // Per-request data stays out of the session.
  // ok: js.trust-boundary.session-from-request
  res.locals.theme = req.body.theme;
  res.end();
});

app.post('/n-read', (req, res) => {
  // Reading the session into the response, or comparing against it, writes nothing.
  // ok: js.trust-boundary.session-from-request
  const same = req.session.csrf === req.body.csrf;
  res.json({ same, user: req.session.userId });
});

app.post('/n-other-object', (req, res) => {
  // A draft object of the handler, not the session.
  const draft = {};
  // ok: js.trust-boundary.session-from-request
  draft.session = req.body.session;
  res.json(draft);
});

function notAHandler(store, value) {
  // ok: js.trust-boundary.session-from-request
  store.session.value = value;
}

router.post('/n-koa-role', (ctx) => {
  const role = ctx.request.body.role;
  if (role === 'viewer' || role === 'editor') {
    // ok: js.trust-boundary.session-from-request
    ctx.session.role = role;
  }
  ctx.status = 204;
});

module.exports = { fastifyRoutes, hapiRoutes, notAHandler };
