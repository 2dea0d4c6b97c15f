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
