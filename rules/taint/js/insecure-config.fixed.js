const https = require('https');
const tls = require('tls');
const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const cors = require('cors');
const jwt = require('jsonwebtoken');

// ruleid: js.tls.verify-disabled
const agent = new https.Agent({ rejectUnauthorized: true });

function connect(host) {
  // ruleid: js.tls.verify-disabled
  return tls.connect({ host, port: 443, rejectUnauthorized: true });
}

// ruleid: js.tls.verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
// ruleid: js.tls.verify-disabled
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '1';

// ok: js.tls.verify-disabled
const goodAgent = new https.Agent({ rejectUnauthorized: true });
// ok: js.tls.verify-disabled
const caAgent = new https.Agent({ ca: process.env.CA_PEM });
// ok: js.tls.verify-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';

const app = express();

app.post('/login', (req, res) => {
  // ruleid: js.cookies.insecure-cookie
  res.cookie('sid', 'abc');
  // ruleid: js.cookies.insecure-cookie
  res.cookie('sid', 'abc', { httpOnly: true });
  // ruleid: js.cookies.insecure-cookie
  res.cookie('sid', 'abc', { secure: false, httpOnly: true, sameSite: 'lax' });
  // ok: js.cookies.insecure-cookie
  res.cookie('sid', 'abc', { secure: true, httpOnly: true, sameSite: 'strict' });
  // ok: js.cookies.insecure-cookie
  res.cookie('sid', 'abc', cookieOptions());
  // ok: js.cookies.insecure-cookie
  res.cookie('theme', 'dark', { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 86400000 });
  res.send('ok');
});

// ruleid: js.cookies.insecure-cookie
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: false } }));
// ruleid: js.cookies.insecure-cookie
app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));
// ok: js.cookies.insecure-cookie
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));
// ruleid: js.cookies.insecure-cookie
app.use(cookieSession({ name: 'session', keys: [process.env.KEY1] }));
// ok: js.cookies.insecure-cookie
app.use(cookieSession({ name: 'session', keys: [process.env.KEY1], secure: true }));

function cookieOptions() {
  return { secure: true, httpOnly: true, sameSite: 'lax' };
}

function auth(token, key) {
  // ruleid: js.jwt.verification-off
  return jwt.verify(token, key, { algorithms: ['none'] });
}

function auth2(token, key) {
  // ruleid: js.jwt.verification-off
  return jwt.verify(token, key, { algorithms: ['HS256', 'none'] });
}

function currentUser(req) {
  // ruleid: js.jwt.verification-off
  const user = jwt.decode(req.headers.authorization.slice(7));
  return user;
}

function good(token, key) {
  // ok: js.jwt.verification-off
  return jwt.verify(token, key, { algorithms: ['HS256'] });
}

function header(token) {
  // ok: js.jwt.verification-off
  const header = jwt.decode(token, { complete: true }).header;
  return header.kid;
}

function expiry(token) {
  // ok: js.jwt.verification-off
  const exp = jwt.decode(token).exp;
  return exp;
}

// ruleid: js.cors.credentials-any-origin
app.use(cors({ origin: true, credentials: true }));
// ruleid: js.cors.credentials-any-origin
app.use(cors({ credentials: true, origin: '*' }));
app.use((req, res, next) => {
  // ruleid: js.cors.credentials-any-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: '*' }));
// ok: js.cors.credentials-any-origin
app.use(cors());
