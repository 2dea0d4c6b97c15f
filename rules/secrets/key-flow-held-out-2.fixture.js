// Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
// not tuned on. `todoruleid` marks the flows key-flow misses.
import { expressjwt } from 'express-jwt';
import cookieParser from 'cookie-parser';

// todoruleid: secrets.framework.session-secret
const cookieSign = 'rRoaQs8kOqiUJowqI99DvD7D';
export const cookies = cookieParser(cookieSign);

// todoruleid: secrets.crypto.jwt-secret
const apiJwt = 'lUFfdByE18BzDQKANPU5eePAFiQkEU7O';
export const requireAuth = expressjwt({ secret: apiJwt, algorithms: ['HS256'] });
