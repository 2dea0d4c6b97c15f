// Shapes of the false positives found by the held-out study (docs/accuracy.md), with values of our own.
const crypto = require('crypto');
const bcrypt = require('bcrypt');

async function derive(settings) {
  // A hashing or key-derivation call takes the password as its data: the next argument is a salt, not a password.
  // ok: secrets.generic.password-assignment
  const key = crypto.pbkdf2Sync('password', 'Xq7vR2mK9pLs', 100000, 32, 'sha256');
  // ok: secrets.generic.password-assignment
  const digest = await bcrypt.hash('password', 'Wt4$Np8Lq2Rz');
  // ok: secrets.generic.password-assignment
  const same = await bcrypt.compare('password', 'Wt4$Np8Lq2Rz');
  // A setter still names the setting it stores.
  // ruleid: secrets.generic.password-assignment
  settings.set('password', 'Wt4$Np8Lq2Rz');
  return [key, digest, same];
}

module.exports = { derive };
