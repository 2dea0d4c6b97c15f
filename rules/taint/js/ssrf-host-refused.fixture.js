// A parsed URL's host checked before the request, the check written as a refusal with an early return
// (`if (u.hostname !== 'api.example.com') return …`): past it the host is the allowed one.
const express = require('express');
const axios = require('axios');

const app = express();
const ALLOWED_HOSTS = ['api.example.com', 'cdn.example.com'];

app.get('/proxy/not-equal', async (req, res) => {
  const u = new URL(req.query.url);
  if (u.hostname !== 'api.example.com') return res.sendStatus(400);
  // ok: js.ssrf.http-client
  const r = await axios.get(u.href);
  res.json(r.data);
});

app.get('/proxy/index-of', async (req, res) => {
  const u = new URL(req.query.url);
  if (ALLOWED_HOSTS.indexOf(u.host) === -1) {
    return res.status(400).send('host not allowed');
  }
  // ok: js.ssrf.http-client
  const r = await axios.get(u.toString());
  res.json(r.data);
});

app.get('/proxy/index-of-holds', async (req, res) => {
  const u = new URL(req.query.url);
  if (ALLOWED_HOSTS.indexOf(u.hostname) >= 0) {
    // ok: js.ssrf.http-client
    await axios.get(u.href);
  }
  res.end();
});

app.get('/proxy/refusing-branch', async (req, res) => {
  const u = new URL(req.query.url);
  if (u.hostname !== 'api.example.com') {
    // The request is made where the host is not the allowed one.
    // ruleid: js.ssrf.http-client
    await axios.get(u.href);
  }
  res.end();
});

app.get('/proxy/no-return', async (req, res) => {
  const u = new URL(req.query.url);
  if (u.hostname !== 'api.example.com') res.locals.unexpectedHost = true;
  // Noted, not refused.
  // ruleid: js.ssrf.http-client
  await axios.get(u.href);
  res.end();
});

app.get('/proxy/other-url', async (req, res) => {
  const checked = new URL(req.query.a);
  const other = new URL(req.query.b);
  if (checked.hostname !== 'api.example.com') return res.sendStatus(400);
  // ruleid: js.ssrf.http-client
  await axios.get(other.href);
  res.end();
});

app.get('/proxy/host-variable', async (req, res) => {
  // The host kept in a variable, then checked against the allow-list.
  const target = req.query.url;
  const host = new URL(target).hostname;
  if (!ALLOWED_HOSTS.includes(host)) return res.sendStatus(400);
  // ok: js.ssrf.http-client
  await axios.get(target);
  res.end();
});

app.get('/proxy/other-host-variable', async (req, res) => {
  const target = req.query.url;
  const host = new URL(req.query.other).hostname;
  if (!ALLOWED_HOSTS.includes(host)) return res.sendStatus(400);
  // ruleid: js.ssrf.http-client
  await axios.get(target);
  res.end();
});

// The URL text itself requested after its parse's host was refused unless allowed (`new URL(url)` then `get(url)`).
app.get('/proxy/source-text', async (req, res) => {
  const target = req.query.url;
  const u = new URL(target);
  if (u.hostname !== 'api.example.com') return res.sendStatus(400);
  // ok: js.ssrf.http-client
  const r = await axios.get(target);
  res.json(r.data);
});

app.get('/proxy/source-text-index-of', async (req, res) => {
  const target = req.query.url;
  const u = new URL(target);
  if (ALLOWED_HOSTS.indexOf(u.hostname) === -1) return res.sendStatus(400);
  // ok: js.ssrf.http-client
  const r = await axios.get(target);
  res.json(r.data);
});

app.get('/proxy/source-text-other', async (req, res) => {
  const target = req.query.url;
  const other = req.query.fallback;
  const u = new URL(target);
  if (u.hostname !== 'api.example.com') return res.sendStatus(400);
  // ruleid: js.ssrf.http-client
  const r = await axios.get(other);
  res.json(r.data);
});
