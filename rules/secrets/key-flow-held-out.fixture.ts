// Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
// not tuned on. `todoruleid` marks the flows key-flow misses.
import jwt from 'jsonwebtoken';
import { createCipheriv, randomBytes } from 'crypto';

// ruleid: secrets.crypto.jwt-secret
const k = 'r6InPvtw2RktAUMhC0bZGUX0Cv42rVsXyoP07fQu';

export function verify(token: string) {
  return jwt.verify(token, k);
}

// ruleid: secrets.crypto.cipher-key
const aesKey = Buffer.from('e19f3679cd68150e8d4fa771b6b7effd641b8429339831be54ad77af61deed10', 'hex');

export function seal(text: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', aesKey, iv);
  return iv.toString('hex') + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
