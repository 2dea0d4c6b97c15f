// CORS origin callbacks: the names the callback is given must be the ones it calls back with (the rule ties them
// through pattern metavariables, its regexes having no backreferences).
const express = require('express');
const cors = require('cors');

const app = express();
const allowedOrigin = process.env.ALLOWED_ORIGIN;

// ruleid: js.cors.credentials-any-origin
app.use(cors({ origin: (requestOrigin, done) => { done(null, requestOrigin); }, credentials: true }));
// ruleid: js.cors.credentials-any-origin
app.use(cors({ credentials: true, origin: (o, next) => next(null, o) }));
// ruleid: js.cors.credentials-any-origin
app.use(cors({ origin: (o, callback) => { callback(null, true); }, credentials: true }));

// ok: js.cors.credentials-any-origin
app.use(cors({ origin: (o, cb) => cb(null, allowedOrigin), credentials: true }));
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: (o, cb) => { cb(null, allowedOrigin); }, credentials: true }));
// ok: js.cors.credentials-any-origin
app.use(cors({ origin: (o, cb) => cb(null, o === allowedOrigin), credentials: true }));
