// SSRF through each HTTP client's call forms (the clients' own documentation): the URL positional, in a config
// object, as an instance's base URL, and Node's http(s) options objects.
const express = require('express');
const axios = require('axios');
const got = require('got');
const fetch = require('node-fetch');
const undici = require('undici');
const superagent = require('superagent');
const needle = require('needle');
const request = require('request');
const http = require('http');
const https = require('node:https');
const app = express();

const ALLOWED_HOSTS = new Set(['api.example.com', 'cdn.example.com']);
const config = { allowedHosts: ['api.example.com'] };

app.get('/axios', async (req, res) => {
  const target = req.query.url;
  // ruleid: js.ssrf.http-client
  await axios(target);
  // ruleid: js.ssrf.http-client
  await axios.post(target, { a: 1 });
  // ruleid: js.ssrf.http-client
  await axios({ method: 'get', url: target });
  // ruleid: js.ssrf.http-client
  await axios.request({ url: target, timeout: 1000 });
  const url = req.body.webhook;
  // ruleid: js.ssrf.http-client
  await axios.request({ method: 'post', url, data: {} });
  res.end();
});

app.get('/axios-instance', async (req, res) => {
  // ruleid: js.ssrf.http-client
  const api = axios.create({ baseURL: 'https://' + req.query.tenant + '.internal/', timeout: 2000 });
  res.json((await api.get('/status')).data);
});

app.get('/fetch', async (req, res) => {
  // ruleid: js.ssrf.http-client
  const r1 = await fetch(req.query.feed);
  // ruleid: js.ssrf.http-client
  const r2 = await globalThis.fetch(new Request(req.query.feed, { method: 'GET' }));
  // ruleid: js.ssrf.http-client
  const r3 = await undici.request(req.query.feed);
  // ruleid: js.ssrf.http-client
  const r4 = await undici.fetch(req.query.feed);
  // ruleid: js.ssrf.http-client
  const pool = new undici.Pool(req.query.origin);
  res.json([r1.status, r2.status, r3.statusCode, r4.status, !!pool]);
});

app.get('/got', async (req, res) => {
  // ruleid: js.ssrf.http-client
  const a = await got(req.query.u).text();
  // ruleid: js.ssrf.http-client
  const b = await got.post(req.query.u, { json: {} }).json();
  // ruleid: js.ssrf.http-client
  const c = await got({ url: req.query.u, method: 'GET' });
  // ruleid: js.ssrf.http-client
  const client = got.extend({ prefixUrl: req.query.base });
  res.json([a, b, c.body, !!client]);
});

app.get('/others', (req, res) => {
  const link = req.query.link;
  // ruleid: js.ssrf.http-client
  superagent.get(link).end(() => {});
  // ruleid: js.ssrf.http-client
  superagent('POST', link).send({}).end(() => {});
  // ruleid: js.ssrf.http-client
  needle.get(link, () => {});
  // ruleid: js.ssrf.http-client
  needle('post', link, { a: 1 });
  // ruleid: js.ssrf.http-client
  needle.request('get', link, {}, () => {});
  // ruleid: js.ssrf.http-client
  request.get(link, () => {});
  // ruleid: js.ssrf.http-client
  request({ uri: link, json: true }, () => {});
  res.end();
});

app.get('/node-http', (req, res) => {
  const host = req.query.host;
  // ruleid: js.ssrf.http-client
  http.get({ host, path: '/health', port: 80 }, () => {});
  // ruleid: js.ssrf.http-client
  https.request({ hostname: req.query.host, path: '/' }, () => {}).end();
  // ruleid: js.ssrf.http-client
  https.get(new URL(req.query.link), () => {});
  // ruleid: js.ssrf.http-client
  http.request(req.query.link, { method: 'POST' }).end();
  res.end();
});

// An options object kept in a variable, and requests made through a created instance.
app.get('/gaps', async (req, res) => {
  const opts = { method: 'get', url: req.query.url };
  // ruleid: js.ssrf.http-client
  await axios(opts);
  const post = { method: 'post', url: 'https://api.example.com/hook', data: req.body };
  // ok: js.ssrf.http-client
  await axios(post);
  const api = axios.create({ timeout: 1000 });
  // An absolute URL overrides the instance's baseURL.
  // ruleid: js.ssrf.http-client
  await api.get(req.query.url);
  const users = axios.create({ baseURL: 'https://users.internal.example/' });
  // A path from "/" stays on the base URL's host.
  // ok: js.ssrf.http-client
  await users.get('/users/' + req.params.id);
  // ok: js.ssrf.http-client
  await users.get(`/users/${req.params.id}`);
  res.end();
});

// ---- negatives ----
app.get('/n-allowlist', async (req, res) => {
  const u = new URL(req.query.url);
  if (!ALLOWED_HOSTS.has(u.hostname)) {
    return res.status(400).end();
  }
  // ok: js.ssrf.http-client
  await axios.get(u.toString());
  const v = req.query.other;
  if (ALLOWED_HOSTS.has(new URL(v).hostname)) {
    // ok: js.ssrf.http-client
    await fetch(v);
  }
  res.end();
});

app.get('/n-allowlist-lower', async (req, res) => {
  const u = new URL(req.query.url);
  if (!config.allowedHosts.includes(u.hostname.toLowerCase())) return res.status(400).end();
  // ok: js.ssrf.http-client
  await axios.get(u.href);
  const w = new URL(req.query.other);
  if (u.hostname.toLowerCase().length > 3) {
    // ruleid: js.ssrf.http-client
    await axios.get(w.href);
  }
  res.end();
});

app.get('/n-fixed-host', async (req, res) => {
  const q = req.query.q;
  // Only the path, query, headers or body come from the request.
  // ok: js.ssrf.http-client
  await axios.get('https://api.example.com/search', { params: { q } });
  // ok: js.ssrf.http-client
  await axios({ method: 'get', url: 'https://api.example.com/search', params: { q } });
  // ok: js.ssrf.http-client
  await axios.post('https://api.example.com/items', { name: req.body.name });
  // ok: js.ssrf.http-client
  await got.post('https://api.example.com/items', { json: req.body });
  // ok: js.ssrf.http-client
  http.get({ host: 'api.example.com', path: '/users/' + encodeURIComponent(q) }, () => {});
  // ok: js.ssrf.http-client
  https.request({ hostname: 'api.example.com', path: '/u?q=' + q, headers: { 'x-user': req.get('x-user') } }).end();
  // ok: js.ssrf.http-client
  await fetch('https://api.example.com/search?q=' + encodeURIComponent(q));
  // ok: js.ssrf.http-client
  await undici.request('https://api.example.com/items', { method: 'POST', body: JSON.stringify(req.body) });
  // ok: js.ssrf.http-client
  superagent.post('https://api.example.com/items').send(req.body).end(() => {});
  // ok: js.ssrf.http-client
  needle.post('https://api.example.com/items', req.body, () => {});
  // ok: js.ssrf.http-client
  request.post({ url: 'https://api.example.com/items', json: req.body }, () => {});
  // ok: js.ssrf.http-client
  const api = axios.create({ baseURL: 'https://api.example.com/', headers: { 'x-q': q } });
  // ok: js.ssrf.http-client
  const port = got({ url: 'https://api.example.com/', searchParams: { port: parseInt(req.query.port, 10) } });
  res.json([!!api, !!port]);
});
