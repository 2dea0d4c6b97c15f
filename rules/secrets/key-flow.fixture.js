// A literal key reaches a crypto or token API through a name assigned once (issue 16).
const crypto = require('crypto');
const jwt = require('jsonwebtoken');

// ruleid: secrets.crypto.jwt-secret
const JWT_KEY = 'pR7vX2kQ9mW4zL8nT3cY6bH1sF5dG0jA';
// ruleid: secrets.crypto.hmac-key
const webhookKey = Buffer.from('Dw3Ex8Fy2Gz7Ha1Ib6Jc4Kd9Le5Mf0Ng');
// ok: secrets.crypto.cipher-key
// A default key named as one is still a key in the code.
// ruleid: secrets.generic.secret-assignment
let cipherKey = 'Nh2Oi7Pj3Qk8Rl4Sm9Tn5Uo1Vp6Wq0Xr';
cipherKey = process.env.CIPHER_KEY;
// ok: secrets.crypto.hmac-key
const fromEnv = process.env.HMAC_KEY || 'fallback';

function sign(payload, data, iv, key) {
  const t = jwt.sign(payload, JWT_KEY, { expiresIn: '1h' });
  const mac = crypto.createHmac('sha256', webhookKey).update(data).digest('hex');
  const c = crypto.createCipheriv('aes-256-cbc', cipherKey, iv);
  const m2 = crypto.createHmac('sha256', fromEnv).update(data).digest('hex');
  const m3 = crypto.createHmac('sha256', key).update(data).digest('hex');
  return [t, mac, c, m2, m3];
}

const verify = (token, material) => jwt.verify(token, material);
// ok: secrets.crypto.jwt-secret
const material = 'Ys4Zt9Au3Bv8Cw2Dx7Ey1Fz6Ga5Hb0Ic';
// A name only mentioned in a comment: // jwt.sign(payload, commentKey)
// ok: secrets.crypto.jwt-secret
const commentKey = 'Jd3Ke8Lf2Mg7Nh1Oi6Pj4Qk9Rl5Sm0Tn';

module.exports = { sign, verify, material, commentKey };
