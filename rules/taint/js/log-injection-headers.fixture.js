// Header values as received hold no CR or LF (Node's parser refuses them and folded lines), nor do the host and
// client IP Express derives from them. Decoded, they can.
const express = require('express');
const logger = require('./logger');
const app = express();

app.use((req, res, next) => {
  const origin = req.headers.origin;
  // ok: js.log-injection.logger
  logger.warn(`Origin (${origin}) does not match host (${req.headers.host})`);
  // ok: js.log-injection.logger
  logger.info('forwarded for ' + req.headers['x-forwarded-for']);
  // ok: js.log-injection.logger
  console.log('agent', req.get('user-agent'), req.ip);
  // ok: js.log-injection.logger
  logger.debug(`Request Domain: ${req.hostname}`);
  next();
});

// ---- still reported ----
app.use((req, res, next) => {
  const [, token] = (req.headers.authorization || '').split(' ');
  const user = Buffer.from(req.headers.authorization.slice(6), 'base64').toString();
  // ruleid: js.log-injection.logger
  logger.warn('login attempt by ' + user);
  // ruleid: js.log-injection.logger
  logger.info('referer ' + decodeURIComponent(req.get('referer')));
  // ruleid: js.log-injection.logger
  logger.info('cookie ' + req.cookies.session);
  next(token);
});
