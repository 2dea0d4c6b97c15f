const express = require('express');
const logger = require('./logger');
const app = express();

app.post('/login', (req, res) => {
  // A user name with "\n" forges a second log line.
  // ruleid: js.log-injection.logger
  logger.info('login attempt for ' + req.body.username);
  // ruleid: js.log-injection.logger
  console.log(`search: ${req.query.q}`);
  res.end();
});

// ---- negatives ----
app.post('/n1', (req, res) => {
  // ok: js.log-injection.logger
  logger.info('login attempt for ' + JSON.stringify(req.body.username));
  // ok: js.log-injection.logger
  logger.info('login attempt for ' + req.body.username.replace(/[\r\n]/g, ''));
  // ok: js.log-injection.logger
  console.log('request received');
  res.end();
});

// console.* prints an object argument through util.inspect, which quotes its strings and escapes CR/LF, so a
// whole parsed container cannot forge a line; a body parsed as text (express.text()) is a plain string.
app.get('/debug/:id', (req, res) => {
  // ok: js.log-injection.logger
  console.log(req.query);
  // ok: js.log-injection.logger
  console.debug(req.params, 'route parameters');
  // ok: js.log-injection.logger
  console.info(req.headers);
  // ruleid: js.log-injection.logger
  console.log(req.body);
  // ruleid: js.log-injection.logger
  console.log(req.query.filter);
  res.end();
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.log-injection.logger
  logger.info('value ' + req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.log-injection.logger
    logger.info('value ' + req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.log-injection.logger
    logger.info('value ' + choice);
  }
  // ok: js.log-injection.logger
  logger.info('value ' + process.env.APP_SETTING);
});
