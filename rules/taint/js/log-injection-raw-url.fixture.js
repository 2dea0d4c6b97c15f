// The request target as Node received it (req.url, req.originalUrl, req.path) is never percent-decoded, and a raw
// CR or LF would end the request line, so it cannot forge a log line; decoded parts (params, query) still can.
const express = require('express');
const app = express();

app.use((req, res, next) => {
  // ok: js.log-injection.logger
  console.log(`Loading ${req.path}`);
  // ok: js.log-injection.logger
  console.log('request ' + req.originalUrl);
  // ok: js.log-injection.logger
  logger.info(`GET ${req.url}`);
  next();
});

app.get('/files/:name', (req, res) => {
  // Route parameters are decoded: %0A is a line break here.
  // ruleid: js.log-injection.logger
  console.log(`Loading ${req.params.name}`);
  // A decoded copy of the target is decoded input again.
  // ruleid: js.log-injection.logger
  console.log('path ' + decodeURIComponent(req.path));
  // The query string parsed from the target is decoded too.
  // ruleid: js.log-injection.logger
  logger.info(`search ${new URL(req.url, 'http://x').searchParams.get('q')}`);
  res.end();
});
