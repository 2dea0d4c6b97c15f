// URLs whose scheme and host, or first path segment on this site, are fixed: only what follows varies.
const express = require('express');
const axios = require('axios');

const app = express();

function safeRedirect(to, fallback = '/') {
  if (!to || typeof to !== 'string') return fallback;
  if (!to.startsWith('/') || to.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f]/.test(to)) return fallback;
  return to;
}

app.get('/wiki', (req, res) => {
  // A template whose first text is a path on this site: only the rest of the path varies.
  // ok: js.open-redirect.redirect
  res.redirect(`/wiki/${req.query.slug}`);
});

app.get('/wiki/back', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect(safeRedirect(req.query.next, `/wiki/${req.query.slug}`));
});

app.get('/out', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect(`https://docs.example.com/${req.query.page}?ref=app`);
});

app.get('/root', (req, res) => {
  // "/" alone: the input may start with "/" and name a host ("//evil.example").
  // ruleid: js.open-redirect.redirect
  res.redirect(`/${req.query.path}`);
});

app.get('/host', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(`https://${req.query.host}/welcome`);
});

app.get('/lead', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(`${req.query.base}/welcome`);
});

app.get('/avatar', async (req, res) => {
  // ok: js.ssrf.http-client
  const r = await axios.get(`https://avatars.example.com/u/${req.query.user}`);
  res.send(r.data);
});

app.get('/proxy', async (req, res) => {
  // ruleid: js.ssrf.http-client
  const r = await axios.get(`https://${req.query.host}/status`);
  res.send(r.data);
});

const API = 'https://api.example.com';

app.get('/repos', async (req, res) => {
  // ok: js.ssrf.http-client
  const a = await axios.get(`${API}/users/${req.query.user}/repos`);
  // ok: js.ssrf.http-client
  const b = await axios.get(API + '/users/' + req.query.user);
  // "https://api.example.com" then "@evil.example": another host.
  // ruleid: js.ssrf.http-client
  const c = await axios.get(`${API}${req.query.path}`);
  // ruleid: js.ssrf.http-client
  const d = await axios.get(`${req.query.base}/users`);
  res.json([a.data, b.data, c.data, d.data]);
});
