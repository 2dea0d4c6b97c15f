// Log injection across loggers and call shapes: a CR/LF in the input starts a forged log line in a text log.
const express = require('express');
const Fastify = require('fastify');
const Router = require('@koa/router');
const winston = require('winston');
const util = require('util');
const logger = require('./logger');

const app = express();

app.post('/login', (req, res) => {
  // console joins its arguments with spaces; a string argument is printed as is.
  // ruleid: js.log-injection.logger
  console.log('login attempt for', req.body.username);
  // printf-style: the value is substituted into the format string unescaped.
  // ruleid: js.log-injection.logger
  logger.warn('failed login for %s from %s', req.body.username, req.ip);
  // A header value holds no CR/LF (Node's parser refuses them; see log-injection-headers.fixture.js).
  // ok: js.log-injection.logger
  console.error('bad token from %s: %s', req.ip, req.get('Authorization'));
  res.sendStatus(401);
});

app.get('/search', (req, res) => {
  const { q, page } = req.query;
  // winston's log(level, message).
  // ruleid: js.log-injection.logger
  winston.log('info', `search q=${q} page=${page}`);
  // ruleid: js.log-injection.logger
  logger.info(util.format('search for %s', q));
  // ruleid: js.log-injection.logger
  console.trace('slow search: ' + q);
  res.json([]);
});

// A helper that logs its argument: the flow is through the call.
function audit(action, who) {
  // ruleid: js.log-injection.logger
  logger.info('audit ' + action + ' by ' + who);
}
app.delete('/items/:id', (req, res) => {
  audit('delete ' + req.params.id, 'admin');
  res.end();
});

// Fastify: the request carries its own pino child logger.
const fastify = Fastify({ logger: true });
fastify.post('/orders', async (request, reply) => {
  // ruleid: js.log-injection.logger
  request.log.info('order note: ' + request.body.note);
  // ruleid: js.log-injection.logger
  fastify.log.warn(`coupon ${request.query.coupon} rejected`);
  return { saved: true };
});

// Koa: the context is the request.
const router = new Router();
router.get('/track', async (ctx) => {
  const ref = ctx.get('Referer');
  // A header value holds no CR/LF; decoded, it can.
  // ok: js.log-injection.logger
  console.info('visit from ' + ref);
  // ruleid: js.log-injection.logger
  console.info('visit from ' + decodeURIComponent(ctx.get('Referer')));
  ctx.status = 204;
});

class AccountController {
  constructor(log) {
    this.logger = log;
  }

  rename(req, res) {
    // ruleid: js.log-injection.logger
    this.logger.error(`rename to ${req.body.displayName} failed`);
    res.end();
  }
}
const accounts = new AccountController(logger);
app.post('/rename', (req, res) => accounts.rename(req, res));

// ---- negatives ----
app.post('/n/escaped', (req, res) => {
  const name = req.body.username;
  // ok: js.log-injection.logger
  logger.info('login for ' + name.replace(/\n|\r/g, ' '));
  // ok: js.log-injection.logger
  logger.info('login for %s', JSON.stringify(name));
  // Every whitespace run, line breaks included, becomes one space.
  // ok: js.log-injection.logger
  console.log('login for', name.replace(/\s+/g, ' '));
  // Control characters (CR and LF among them) are removed.
  // ok: js.log-injection.logger
  logger.warn('login for ' + name.replace(/[\x00-\x1f\x7f]/g, ''));
  // ok: js.log-injection.logger
  logger.info('login for ' + encodeURIComponent(name));
  res.end();
});

app.get('/n/numbers', (req, res) => {
  // ok: js.log-injection.logger
  logger.info('page %d requested', parseInt(req.query.page, 10));
  // ok: js.log-injection.logger
  console.log('body size', req.body.length);
  res.end();
});

app.get('/n/objects', (req, res) => {
  // util.inspect quotes strings inside a whole parsed container and escapes CR/LF.
  // ok: js.log-injection.logger
  console.log('query', req.query);
  // ok: js.log-injection.logger
  console.debug('headers:', req.headers);
  res.end();
});

const LEVELS = ['debug', 'info'];
app.post('/n/level', (req, res) => {
  const level = req.body.level;
  if (LEVELS.includes(level)) {
    // ok: js.log-injection.logger
    logger.info('log level set to ' + level);
  }
  // The request is logged by its server-made id only.
  // ok: js.log-injection.logger
  logger.info('request %s handled', res.locals.requestId);
  res.sendStatus(204);
});

app.post('/n/regex-keeps-newlines', (req, res) => {
  // ruleid: js.log-injection.logger
  logger.info('note ' + req.body.note.replace(/[^\w\s]/g, ''));
  res.end();
});
