// Cookies set without Secure, HttpOnly or SameSite, across Express, Fastify, Koa, Next.js and the cookie package.
const express = require('express');
const session = require('express-session');
const cookieSession = require('cookie-session');
const Fastify = require('fastify');
const Koa = require('koa');
const cookie = require('cookie');
const http = require('http');
const { NextResponse } = require('next/server');
const { cookies } = require('next/headers');

const app = express();

app.post('/login', (req, res) => {
  const token = req.app.locals.issue(req.body.user);
  // Secure and HttpOnly, but no SameSite.
  // ruleid: js.cookies.insecure-cookie
  res.cookie('sid', token, { httpOnly: true, secure: true, maxAge: 3600000 });
  // ruleid: js.cookies.insecure-cookie
  res.cookie('remember', '1', { maxAge: 30 * 86400000, signed: true });
  // ruleid: js.cookies.insecure-cookie
  res.cookie('sid', token, { secure: true, httpOnly: false, sameSite: 'strict' });
  // SameSite=None without Secure is rejected by browsers anyway; here Secure is explicitly off.
  // ruleid: js.cookies.insecure-cookie
  res.cookie('embed', token, { sameSite: 'none', secure: false, httpOnly: true });
  res.redirect('/');
});

app.post('/nest-style', (request, response) => {
  // ruleid: js.cookies.insecure-cookie
  response.cookie('refresh', request.body.refresh, { httpOnly: true });
  response.end();
});

// express-session with a cookie that goes over plain HTTP.
// ruleid: js.cookies.insecure-cookie
app.use(session({ name: 'app.sid', secret: process.env.SESSION_SECRET, cookie: { httpOnly: true, maxAge: 600000 } }));

// ruleid: js.cookies.insecure-cookie
app.use(cookieSession({ name: 'sess', keys: [process.env.COOKIE_KEY], secure: false, httpOnly: true }));

// Fastify (@fastify/cookie).
const fastify = Fastify();
fastify.post('/signin', async (request, reply) => {
  // ruleid: js.cookies.insecure-cookie
  reply.setCookie('session', request.body.session, { path: '/' });
  // ok: js.cookies.insecure-cookie
  reply.setCookie('session', request.body.session, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
  return reply.send();
});

// Koa: HttpOnly by default, but not Secure or SameSite.
const koa = new Koa();
koa.use(async (ctx) => {
  // ruleid: js.cookies.insecure-cookie
  ctx.cookies.set('cart', ctx.state.cartId, { signed: true });
  // ok: js.cookies.insecure-cookie
  ctx.cookies.set('cart', ctx.state.cartId, { signed: true, secure: true, sameSite: 'strict' });
  // A null value deletes the cookie.
  // ok: js.cookies.insecure-cookie
  ctx.cookies.set('cart', null);
});

// Next.js route handler and server action.
async function POST(request) {
  const res = NextResponse.json({ done: 1 });
  // ruleid: js.cookies.insecure-cookie
  res.cookies.set('token', 'v1', { path: '/' });
  // ruleid: js.cookies.insecure-cookie
  res.cookies.set({ name: 'theme', value: 'dark', httpOnly: true, secure: true });
  // ruleid: js.cookies.insecure-cookie
  cookies().set('locale', 'en', { maxAge: 86400 });
  // ok: js.cookies.insecure-cookie
  res.cookies.set({ name: 'token', value: 'v1', httpOnly: true, secure: true, sameSite: 'lax' });
  return res;
}

// A plain http server with the cookie package.
http.createServer((req, res) => {
  // ruleid: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', cookie.serialize('sid', 'abc', { httpOnly: true, maxAge: 3600 }));
  // ok: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', cookie.serialize('sid', 'abc', { httpOnly: true, secure: true, sameSite: 'strict' }));
  // A raw header string: its attributes are read.
  // ruleid: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', 'sid=abc; Path=/');
  // ruleid: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', `sid=${req.headers['x-sid']}; Secure; Path=/`);
  // ruleid: js.cookies.insecure-cookie
  res.setHeader('set-cookie', 'theme=dark');
  // ok: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', 'sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax');
  // ok: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', `sid=${req.headers['x-sid']}; path=/; secure; httponly; samesite=strict`);
  // A cookie being deleted (expired, or Max-Age=0: HedgeDoc's mock logout) carries nothing.
  // ok: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', 'mock-session=0; Path=/; expires=Thu, 01 Jan 1970 00:00:00 GMT');
  // ok: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', 'sid=; Max-Age=0; Path=/');
  // ruleid: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', 'sid=abc; Max-Age=0600; Path=/');
  // ruleid: js.cookies.insecure-cookie
  res.setHeader('Set-Cookie', 'sid=abc; expires=Thu, 01 Jan 2099 00:00:00 GMT');
  // Another header with a string value.
  // ok: js.cookies.insecure-cookie
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // Reading a cookie sets nothing.
  // ok: js.cookies.insecure-cookie
  const parsed = cookie.parse(req.headers.cookie || '');
  res.end(String(parsed.sid === undefined));
});

// ---- negatives ----
const isProd = process.env.NODE_ENV === 'production';
const COOKIE_DEFAULTS = { httpOnly: true, secure: true, sameSite: 'lax' };
app.get('/n', (req, res) => {
  // The options come from a shared object: their keys cannot be known here.
  // ok: js.cookies.insecure-cookie
  res.cookie('sid', 'v', COOKIE_DEFAULTS);
  // ok: js.cookies.insecure-cookie
  res.cookie('sid', 'v', { ...COOKIE_DEFAULTS, maxAge: 1000 });
  // Secure set from the environment, not a false literal.
  // ok: js.cookies.insecure-cookie
  res.cookie('sid', 'v', { secure: isProd, httpOnly: true, sameSite: 'strict' });
  // Clearing a cookie sets no value.
  // ok: js.cookies.insecure-cookie
  res.clearCookie('sid');
  res.end();
});

// ok: js.cookies.insecure-cookie
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: 'auto', httpOnly: true, sameSite: 'lax' } }));
// ok: js.cookies.insecure-cookie
app.use(cookieSession({ name: 'sess', keys: [process.env.COOKIE_KEY], secure: true, sameSite: 'strict' }));

// A Map or a cache with a cookie-like name is not a cookie.
const jar = new Map();
// ok: js.cookies.insecure-cookie
jar.set('sid', 'v');

module.exports = { POST };
