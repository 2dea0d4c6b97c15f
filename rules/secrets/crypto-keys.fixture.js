// Literal keys passed straight into crypto and token APIs: no variable name says "secret" (issue 16).
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const session = require('express-session');

function sign(payload, token, iv, data) {
  // ruleid: secrets.crypto.hmac-key
  const mac = crypto.createHmac('sha256', 'sfpFteX5ESBoeLd9XCgoFf2hCVoFiyn7').update(data).digest('hex');
  // ok: secrets.crypto.hmac-key
  const mac2 = crypto.createHmac('sha256', process.env.HMAC_KEY).update(data).digest('hex');
  // ok: secrets.crypto.hmac-key
  const mac3 = crypto.createHmac('sha256', 'secret').update(data).digest('hex');
  // ruleid: secrets.crypto.jwt-secret
  const t = jwt.sign({ sub: payload.id, role: 'admin' }, 'Wcz9wjxw3sFqyxYsq7T2nkoXsPgjqffX', { expiresIn: '1h' });
  // ruleid: secrets.crypto.jwt-secret
  jwt.verify(token, "ej2g3TzAV8zBdJwLuXK8v6wBtKjNh5Cb");
  // ok: secrets.crypto.jwt-secret
  jwt.verify(token, config.jwtSecret);
  // ok: secrets.crypto.jwt-secret
  jwt.sign(payload, 'changeme');
  // ruleid: secrets.crypto.cipher-key
  const c = crypto.createCipheriv('aes-256-cbc', 'LePG3EnbsRTi4FQ82rdSu5vRjkfnwF3X', iv);
  // ruleid: secrets.crypto.cipher-key
  const d = crypto.createDecipheriv('aes-256-cbc', Buffer.from('xFRhLmv5ejE9NrfgYckBqMF7QvUHa25d'), iv);
  // ok: secrets.crypto.cipher-key
  const e = crypto.createCipheriv('aes-256-cbc', key, iv);
  return [mac, mac2, mac3, t, c, d, e];
}

app.use(session({
  // ruleid: secrets.framework.session-secret
  secret: '8DCY6tUmqHqSSnXpEs6H4ooq9QBn6TMo',
  resave: false,
  cookie: { secure: true, httpOnly: true, sameSite: 'lax' },
}));
// ok: secrets.framework.session-secret
app.use(session({ secret: 'keyboard cat', resave: false, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));
// ok: secrets.framework.session-secret
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));
