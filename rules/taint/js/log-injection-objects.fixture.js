// console.* prints an object literal through util.inspect, which quotes its strings and escapes CR/LF.
const express = require('express');
const app = express();

app.post('/upload', (req, res) => {
  // ok: js.log-injection.logger
  console.log({ body: req.body });
  // ok: js.log-injection.logger
  console.info({
    user: req.body.user,
    note: req.query.note,
  });
  // A string built from the input is printed as it is.
  // ruleid: js.log-injection.logger
  console.log('upload from ' + req.body.user);
  // Indexing an array literal gives back the string.
  // ruleid: js.log-injection.logger
  console.log([req.body.user][0]);
  // After a label the object is still printed through util.inspect (Chartbrew's Slack controller).
  // ok: js.log-injection.logger
  console.error('Error details:', { message: 'failed', channelId: req.body.channel });
  // ok: js.log-injection.logger
  console.warn('%s:', 'upload', { user: req.body.user });
  // ruleid: js.log-injection.logger
  console.error('Error details:', 'channel ' + req.body.channel);
  res.end();
});

// pino and bunyan take a merging object first and write it as JSON (strings quoted, CR/LF escaped); winston
// gives an object message to its formats (JSON, or "[object Object]" in a printf), log4js prints it with
// util.inspect. Either way the object's strings cannot start a line.
const logger = require('./logger');

app.get('/files/:key', (req, res) => {
  const key = req.params.key;
  // ok: js.log-injection.logger
  logger.error({ err: new Error('missing'), key }, 'Failed to fetch object');
  // ok: js.log-injection.logger
  logger.info({ user: req.query.user });
  // The message after the object is printed as it is.
  // ruleid: js.log-injection.logger
  logger.warn({ key }, 'missing ' + key);
  // ruleid: js.log-injection.logger
  logger.info(`fetching ${key}`);
  // winston: a lone object is the log entry, and a printf format prints its `message` as it is.
  // ruleid: js.log-injection.logger
  logger.info({ message: 'fetching ' + key, key });
  // An object after a label: winston's metadata (JSON), pino's interpolation value, util.inspect: escaped.
  // ok: js.log-injection.logger
  logger.error('reset failed', { email: req.body.email, key });
  // ok: js.log-injection.logger
  logger.warn('lookup', 'missing', { key });
  // The label itself from the request is printed as it is.
  // ruleid: js.log-injection.logger
  logger.error('reset failed for ' + req.body.email, { key });
  res.end();
});
