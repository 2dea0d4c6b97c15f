const express = require('express');
const axios = require('axios');
const fetch = require('node-fetch');
const got = require('got');
const http = require('http');
const app = express();

app.get('/proxy', async (req, res) => {
  // ruleid: js.ssrf.http-client
  const r = await axios.get(req.query.url);
  res.json(r.data);
});

app.get('/avatar', async (req, res) => {
  // The host itself comes from the request.
  // ruleid: js.ssrf.http-client
  await axios.get('https://' + req.query.host + '/avatar.png');
  const target = 'http://' + req.query.host + '/avatar.png';
  // ruleid: js.ssrf.http-client
  const r = await fetch(target);
  // ruleid: js.ssrf.http-client
  await got(new URL(req.query.next));
  // ruleid: js.ssrf.http-client
  http.get(req.body.callback, () => {});
  res.send(await r.text());
});

// ---- negatives ----
const ALLOWED_HOSTS = ['api.example.com', 'cdn.example.com'];
app.get('/n1', async (req, res) => {
  const host = req.query.host;
  if (!ALLOWED_HOSTS.includes(host)) {
    return res.status(400).end();
  }
  // ok: js.ssrf.http-client
  await axios.get('https://' + host + '/status');
  // A fixed URL with user data only in the query string is still a fixed host.
  // ok: js.ssrf.http-client
  await axios.get('https://api.example.com/search?q=' + req.query.q);
  // ok: js.ssrf.http-client
  await axios.get('https://api.example.com/health');
  const url = req.query.url;
  if (url.startsWith('https://api.example.com/')) {
    // ok: js.ssrf.http-client
    await fetch(url);
  }
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.ssrf.http-client
  axios.get(req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.ssrf.http-client
    axios.get(req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.ssrf.http-client
    axios.get(choice);
  }
  // ok: js.ssrf.http-client
  axios.get(process.env.APP_SETTING);
});
