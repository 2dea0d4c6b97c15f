// Express middleware that signs sessions, cookies and tokens with a key held by a name (issue 16):
// express-session and express-jwt options, cookie-parser's secret argument.
const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const { expressjwt } = require('express-jwt');

const app = express();

// ruleid: secrets.framework.session-secret
const SESSION_SECRET = 'yXdHWqw691kUjOVcjhpYjqoWudqL';
// ok: js.cookies.insecure-cookie
app.use(session({
  name: 'sid',
  secret: SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
}));

// ruleid: secrets.framework.session-secret
app.use(cookieParser('B0IIbaBOlw6beQdstsM2cXdXG2RdrcKy'));
// ok: secrets.framework.session-secret
app.use(cookieParser(process.env.COOKIE_SECRET));

// ruleid: secrets.crypto.jwt-secret
app.use('/api', expressjwt({ secret: 'mEgBz0LJkuk7sIuCXAUvg0PowzXKwEXC', algorithms: ['HS256'] }));
// ok: secrets.crypto.jwt-secret
app.use('/v2', expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));

// A key read from the environment with a literal fallback is assigned an expression, not a literal: not key-flow's,
// but the fallback is used whenever the variable is unset, so the name's rule reports it.
// ok: secrets.crypto.jwt-secret
// ruleid: secrets.generic.token-assignment
const tokenKey = process.env.TOKEN_KEY || 'Q30bBALdYgeiJfywqwTgG74Qa61bjJ';
app.use('/v3', expressjwt({ secret: tokenKey, algorithms: ['HS256'] }));

function mount(router, cookieSecret) {
  // ok: secrets.framework.session-secret
  router.use(cookieParser(cookieSecret));
}

module.exports = { app, mount };
