// Weak hashes of secrets and predictable random secrets, across libraries and code shapes.
const { createHash, createHmac, randomBytes, randomInt, randomUUID, scryptSync } = require('node:crypto');
const CryptoJS = require('crypto-js');
const cryptoMd5 = require('crypto-js/md5');
const sha1 = require('sha1');
const hashMd5 = require('md5');
const bcrypt = require('bcrypt');
const { v4: uuidv4 } = require('uuid');

// ---- weak hashes ----
function legacyLogin(user, passwd) {
  // ruleid: js.weak-crypto.weak-hash
  return createHash('md5').update(passwd, 'utf8').digest('hex') === user.hash;
}

function saltedSha1(salt, password) {
  // Salting does not make SHA-1 slow.
  // ruleid: js.weak-crypto.weak-hash
  return createHash('SHA1').update(`${salt}:${password}`).digest('base64');
}

function apiKeyFingerprint(apiKey) {
  // ruleid: js.weak-crypto.weak-hash
  return createHash('md4').update(apiKey).digest('hex');
}

// crypto-js in a browser bundle.
function clientHash(form) {
  // ruleid: js.weak-crypto.weak-hash
  const pwHash = CryptoJS.MD5(form.password).toString();
  // ruleid: js.weak-crypto.weak-hash
  const sig = CryptoJS.SHA1(form.token + form.nonce).toString();
  // ruleid: js.weak-crypto.weak-hash
  const old = cryptoMd5(form.oldPassword).toString();
  return { pwHash, sig, old };
}

function hashedToken(resetToken) {
  // ruleid: js.weak-crypto.weak-hash
  return sha1(resetToken);
}

function viaAlias(password) {
  // The md5 package under another local name.
  // ruleid: js.weak-crypto.weak-hash
  return hashMd5(password);
}

// ---- weak hash near misses ----
function gravatar(email) {
  // MD5 of an e-mail address is Gravatar's URL scheme, not a secret.
  // ok: js.weak-crypto.weak-hash
  return 'https://www.gravatar.com/avatar/' + hashMd5(email.trim().toLowerCase());
}

function webhookSignature(secret, body) {
  // HMAC-SHA1 (GitHub's legacy X-Hub-Signature) is a keyed MAC, not a bare hash.
  // ok: js.weak-crypto.weak-hash
  return createHmac('sha1', secret).update(body).digest('hex');
}

function storePassword(password) {
  // ok: js.weak-crypto.weak-random
  const salt = randomBytes(16);
  // ok: js.weak-crypto.weak-hash
  return salt.toString('hex') + ':' + scryptSync(password, salt, 64).toString('hex');
}

async function bcryptPassword(password) {
  // ok: js.weak-crypto.weak-hash
  return bcrypt.hash(password, 12);
}

function contentId(fileBuffer) {
  // ok: js.weak-crypto.weak-hash
  return CryptoJS.MD5(CryptoJS.lib.WordArray.create(fileBuffer)).toString();
}

function tokenLookupKey(token) {
  // SHA-256 of a random token for a lookup column.
  // ok: js.weak-crypto.weak-hash
  return createHash('sha256').update(token).digest('hex');
}

// ---- weak random ----
function makeOtp(user) {
  // ruleid: js.weak-crypto.weak-random
  const otp = Math.floor(100000 + Math.random() * 900000);
  user.otp = otp;
  return otp;
}

class ApiClient {
  rotate() {
    // ruleid: js.weak-crypto.weak-random
    this.apiKey = 'ak_' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }
}

function newSessionId() {
  // ruleid: js.weak-crypto.weak-random
  const session_id = `${Date.now()}-${Math.random().toString(16).slice(2)}`;
  return session_id;
}

function verifyEmail(user) {
  // ruleid: js.weak-crypto.weak-random
  var verificationCode = String(Math.random()).substring(2, 8);
  return { user, verificationCode };
}

function csrf() {
  // A function named for the secret it returns.
  // ruleid: js.weak-crypto.weak-random
  return Math.random().toString(36).slice(2);
}

function generateResetToken(user) {
  const prefix = user.id.toString(36);
  // ruleid: js.weak-crypto.weak-random
  return prefix + Math.floor(Math.random() * 1e16).toString(36);
}

// ---- returned-value near misses ----
function randomColor() {
  // ok: js.weak-crypto.weak-random
  return '#' + Math.floor(Math.random() * 0xffffff).toString(16);
}

function tokenRefreshDelay() {
  // A delay about a token, not the token.
  // ok: js.weak-crypto.weak-random
  return 1000 + Math.random() * 500;
}

function sessionId() {
  // ok: js.weak-crypto.weak-random
  return crypto.randomUUID();
}

// ---- weak random near misses ----
function goodOtp() {
  // ok: js.weak-crypto.weak-random
  const otp = randomInt(100000, 1000000);
  return otp;
}

function goodApiKey() {
  // ok: js.weak-crypto.weak-random
  const apiKey = 'ak_' + randomBytes(24).toString('base64url');
  return apiKey;
}

function goodSession() {
  // ok: js.weak-crypto.weak-random
  const sessionId = uuidv4();
  // ok: js.weak-crypto.weak-random
  const nonce = randomUUID();
  return { sessionId, nonce };
}

function retryDelay(attempt) {
  // ok: js.weak-crypto.weak-random
  const backoff = 2 ** attempt * 100 + Math.random() * 100;
  return backoff;
}

function passwordPolicyDemo() {
  // The length of a generated password, not the password: a quantity.
  // ok: js.weak-crypto.weak-random
  const passwordLength = 12 + Math.floor(Math.random() * 5);
  // ok: js.weak-crypto.weak-random
  const tokenCount = Math.ceil(Math.random() * 3);
  return { passwordLength, tokenCount };
}

module.exports = { legacyLogin, saltedSha1, apiKeyFingerprint, clientHash, hashedToken, viaAlias, makeOtp, ApiClient };
