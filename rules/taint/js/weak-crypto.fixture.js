const crypto = require('crypto');
const md5 = require('md5');

function storeUser(db, name, password) {
  // ruleid: js.weak-crypto.weak-hash
  const digest = crypto.createHash('md5').update(password).digest('hex');
  return db.save(name, digest);
}

function sign(payload, secretKey) {
  // ruleid: js.weak-crypto.weak-hash
  return crypto.createHash('sha1').update(secretKey + payload).digest('hex');
}

function tokenDigest(token) {
  // ruleid: js.weak-crypto.weak-hash
  return md5(token);
}

function etag(body) {
  // ok: js.weak-crypto.weak-hash
  return crypto.createHash('md5').update(body).digest('hex');
}

function cacheKey(url) {
  // ok: js.weak-crypto.weak-hash
  return crypto.createHash('sha1').update(url).digest('base64');
}

function strong(password) {
  // ok: js.weak-crypto.weak-hash
  return crypto.createHash('sha256').update(password).digest('hex');
}

function newSession() {
  // ruleid: js.weak-crypto.weak-random
  const sessionId = Math.random().toString(36).slice(2);
  return sessionId;
}

function resetLink(user) {
  // ruleid: js.weak-crypto.weak-random
  user.resetToken = Math.floor(Math.random() * 1e9).toString(16);
  return user;
}

function invite() {
  return {
    email: 'a@example.com',
    // ruleid: js.weak-crypto.weak-random
    token: 'inv_' + Math.random().toString(36),
  };
}

function tempPassword() {
  // ruleid: js.weak-crypto.weak-random
  let password = Math.random().toString(36).slice(-10);
  return password;
}

function jitter() {
  // ok: js.weak-crypto.weak-random
  const delay = Math.random() * 1000;
  return delay;
}

function goodToken() {
  // ok: js.weak-crypto.weak-random
  const token = crypto.randomBytes(32).toString('hex');
  return token;
}

function goodId() {
  // ok: js.weak-crypto.weak-random
  const sessionId = crypto.randomUUID();
  return sessionId;
}

function twoStep(password) {
  const h = crypto.createHash('md5');
  // The hash object is made on another line: update() is tied to MD5 through its name.
  // ruleid: js.weak-crypto.weak-hash
  h.update(password);
  return h.digest('hex');
}

function twoStepStrong(password, fileBody) {
  const h = crypto.createHash('sha256');
  // ok: js.weak-crypto.weak-hash
  h.update(password);
  const etag = crypto.createHash('md5');
  // An MD5 of content that is not a secret (an ETag).
  // ok: js.weak-crypto.weak-hash
  etag.update(fileBody);
  return [h.digest('hex'), etag.digest('hex')];
}

function twoStepOtherObject(password) {
  const sum = crypto.createHash('md5');
  const strong = crypto.createHash('sha512');
  // Only the object made with MD5 counts.
  // ok: js.weak-crypto.weak-hash
  strong.update(password);
  return [sum.digest('hex'), strong.digest('hex')];
}
