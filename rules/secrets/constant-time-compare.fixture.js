const crypto = require('crypto');

function authorized(req) {
  const token = req.get('x-deploy-token') || '';
  // ruleid: secrets.generic.constant-time-compare
  return token.length === 24 && crypto.timingSafeEqual(Buffer.from(token), Buffer.from('Rk3v9Xq2Lm7Wp4Tz8Nb5Hc1J'));
}

function verify(sig, body) {
  const expected = crypto.createHmac('sha256', process.env.HOOK_SECRET).update(body).digest('hex');
  // ok: secrets.generic.constant-time-compare
  return crypto.timingSafeEqual(Buffer.from(sig, 'base64'), Buffer.from(expected, 'base64'));
}
module.exports = { authorized, verify };
