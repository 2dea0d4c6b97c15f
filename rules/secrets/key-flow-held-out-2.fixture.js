// Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
// not tuned on. The flows key-flow missed then were `todoruleid` until session 24.
import { expressjwt } from 'express-jwt';
import cookieParser from 'cookie-parser';

// ruleid: secrets.framework.session-secret
const cookieSign = 'rRoaQs8kOqiUJowqI99DvD7D';
export const cookies = cookieParser(cookieSign);

// ruleid: secrets.crypto.jwt-secret
const apiJwt = 'lUFfdByE18BzDQKANPU5eePAFiQkEU7O';
export const requireAuth = expressjwt({ secret: apiJwt, algorithms: ['HS256'] });
