// Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
// not tuned on. The flows key-flow missed then were `todoruleid` until session 24.
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');
const crypto = require('crypto');

const app = express();
// ruleid: secrets.framework.session-secret
const sessionKey = 'fjt39b7PTuvddnW5yIr3V5Vk';
// ruleid: js.cookies.insecure-cookie
app.use(session({ secret: sessionKey, resave: false, saveUninitialized: true }));

// ruleid: secrets.crypto.jwt-secret
const signing = 'JaT8BeZaHUJGuNauqQ6iuFwdPlIx8ruR';
function issue(user) {
  return jwt.sign({ sub: user.id, role: user.role }, signing, { expiresIn: '1h' });
}

// ruleid: secrets.crypto.hmac-key
const hookKey = 'ad2782f68a5b0744144bdc4ca07de156';
app.post('/webhook', express.raw({ type: '*/*' }), (req, res) => {
  const digest = crypto.createHmac('sha256', hookKey).update(req.body).digest('hex');
  if (digest !== req.get('X-Signature')) return res.sendStatus(401);
  res.sendStatus(204);
});

module.exports = { app, issue };
