// rejectUnauthorized in a TLS *server*'s options is about client certificates: without requestCert none is asked
// for, so the option does nothing; with requestCert it lets clients without a valid certificate in.
const https = require('https');
const fs = require('fs');

function serve(app, config) {
  const options = {
    key: fs.readFileSync(config.sslKeyPath, 'utf8'),
    cert: fs.readFileSync(config.sslCertPath, 'utf8'),
    requestCert: false,
    // ok: js.tls.verify-disabled
    rejectUnauthorized: false,
  };
  return https.createServer(options, app);
}

function serveMutualTls(app, config) {
  return https.createServer({
    key: config.key,
    cert: config.cert,
    requestCert: true,
    // ruleid: js.tls.verify-disabled
    rejectUnauthorized: false,
  }, app);
}

function client(url) {
  // ruleid: js.tls.verify-disabled
  return https.get(url, { rejectUnauthorized: false });
}

function serveReversed(app, config) {
  // ok: js.tls.verify-disabled
  return https.createServer({ rejectUnauthorized: false, requestCert: false, key: config.key, cert: config.cert }, app);
}
