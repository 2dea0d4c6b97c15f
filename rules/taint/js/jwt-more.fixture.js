// JWT signature checks switched off: the `none` algorithm accepted or issued (jsonwebtoken, express-jwt), or a
// token only decoded (jsonwebtoken.decode, jose.decodeJwt, jwt-decode, jose's UnsecuredJWT) where it decides who
// the caller is.
const express = require('express');
const jsonwebtoken = require('jsonwebtoken');
const { decode: decodeToken, verify } = require('jsonwebtoken');
const jose = require('jose');
const { jwtDecode } = require('jwt-decode');
const { expressjwt } = require('express-jwt');

const app = express();
const NONE = 'none';

function authenticate(req, res, next) {
  const token = req.get('authorization').replace(/^Bearer /, '');
  // ruleid: js.jwt.verification-off
  req.user = jsonwebtoken.decode(token);
  next();
}

function readSession(cookie) {
  // ruleid: js.jwt.verification-off
  const session = decodeToken(cookie);
  return session.sub;
}

function claimsOf(token) {
  // ruleid: js.jwt.verification-off
  const claims = jose.decodeJwt(token);
  return claims.roles;
}

function accountOf(token) {
  // ruleid: js.jwt.verification-off
  const account = jwtDecode(token);
  return account.id;
}

function unsecured(token) {
  // jose's UnsecuredJWT reads tokens with alg "none", which carry no signature at all.
  // ruleid: js.jwt.verification-off
  const { payload } = jose.UnsecuredJWT.decode(token);
  return payload.sub;
}

function verifyLegacy(token, key) {
  // ruleid: js.jwt.verification-off
  return verify(token, key, { algorithms: ['RS256', "none"] });
}

function verifyAny(token, key) {
  // ruleid: js.jwt.verification-off
  return jsonwebtoken.verify(token, key, { complete: true, algorithms: [`none`] });
}

// express-jwt with the none algorithm accepts unsigned tokens on every route behind it.
// ruleid: js.jwt.verification-off
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256', 'none'] }));

function issueGuestToken(user) {
  // An unsigned token: whoever receives it cannot tell it from a forged one.
  // ruleid: js.jwt.verification-off
  return jsonwebtoken.sign({ sub: user.id }, null, { algorithm: 'none' });
}

class AuthService {
  currentIdentity(token) {
    // ruleid: js.jwt.verification-off
    const identity = jsonwebtoken.decode(token, { json: true });
    return identity;
  }
}

// ---- negatives ----
function verified(token) {
  // ok: js.jwt.verification-off
  const user = jsonwebtoken.verify(token, process.env.JWT_PUBLIC_KEY, { algorithms: ['RS256'] });
  return user;
}

async function verifiedWithJose(token, jwks) {
  // ok: js.jwt.verification-off
  const { payload } = await jose.jwtVerify(token, jwks, { algorithms: ['ES256'], issuer: 'https://id.example.com' });
  return payload;
}

function keyId(token) {
  // The header names the key to verify with; nothing is trusted from it yet.
  // ok: js.jwt.verification-off
  const decoded = jsonwebtoken.decode(token, { complete: true });
  // ok: js.jwt.verification-off
  const header = jose.decodeProtectedHeader(token);
  return decoded.header.kid || header.kid;
}

function refreshAt(token) {
  // Client side: when to refresh, not who the user is.
  // ok: js.jwt.verification-off
  const { exp } = jwtDecode(token);
  return exp * 1000 - 60000;
}

// ok: js.jwt.verification-off
app.use(expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }));

function issue(user) {
  // ok: js.jwt.verification-off
  return jsonwebtoken.sign({ sub: user.id }, process.env.JWT_SECRET, { algorithm: 'HS256', expiresIn: '15m' });
}

function allowed(token, key) {
  // "none" inside another option's value is not the none algorithm.
  // ok: js.jwt.verification-off
  return jsonwebtoken.verify(token, key, { algorithms: ['HS512'], audience: 'nonexistent-audience' });
}

function afterVerify(token, key) {
  jsonwebtoken.verify(token, key, { algorithms: ['HS256'] });
  // The signature was checked on the line above; decode only reads the verified claims.
  // ok: js.jwt.verification-off
  const claims = jsonwebtoken.decode(token);
  return claims;
}

function logTokenAge(token) {
  // ok: js.jwt.verification-off
  const iat = jsonwebtoken.decode(token).iat;
  return Date.now() / 1000 - iat;
}

function algorithmName() {
  // ok: js.jwt.verification-off
  return NONE.toUpperCase();
}
