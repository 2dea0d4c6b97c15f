// A client picked between two modules by the URL's scheme (`secure ? https : http`) is either module: its get() and
// request() are the outgoing request either way.
const http = require('http');
const https = require('https');
const express = require('express');

const app = express();
const cache = { get: (key) => key };

function fetchStatus(target, cb) {
  const client = target.startsWith('https:') ? https : http;
  // ruleid: js.ssrf.http-client
  client.get(target, (upstream) => cb(upstream.statusCode)).on('error', cb);
}

app.get('/status', (req, res) => fetchStatus(String(req.query.target), (s) => res.json({ s })));

app.get('/proxy', (req, res) => {
  const url = new URL(String(req.query.url));
  const transport = url.protocol === 'https:' ? https : http;
  // ruleid: js.ssrf.http-client
  transport.request(url, (up) => up.pipe(res)).end();
});

// ---- negatives ----
app.get('/n/cache', (req, res) => {
  // One arm is the application's own object, not a module.
  const store = req.query.fresh ? cache : https;
  // ok: js.ssrf.http-client
  res.json(store.get(String(req.query.key)));
});
