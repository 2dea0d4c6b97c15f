/** Structural checks that tell a real credential from a look-alike, run after the regex. */
import type { SecretValidator } from './rule-schema';

function decodeBase64Url(s: string): string | undefined {
  try {
    const b = Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return b.toString('utf8');
  } catch {
    return undefined;
  }
}

function jsonObject(s: string | undefined): Record<string, unknown> | undefined {
  if (!s) return undefined;
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const SECRETISH_CLAIMS = /^(?:role|roles|scope|scopes|scp|permissions|perms|admin|is_admin|secret|password|api_?key|token|service_role|grants?|groups|aud)$/i;

/**
 * A JWT is reported when it decodes, is signed (alg not `none`), and its payload grants something: role, scope,
 * permissions or audience claims, or an issuer with a subject. Plain demo tokens (only name/iat) are not.
 */
export function jwtReason(token: string): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return 'not three JWT parts';
  const header = jsonObject(decodeBase64Url(parts[0]!));
  const payload = jsonObject(decodeBase64Url(parts[1]!));
  if (!header || typeof header.alg !== 'string') return 'header is not a JWT header';
  if (header.alg.toLowerCase() === 'none') return 'unsigned JWT';
  if (!payload) return 'payload is not JSON';
  const keys = Object.keys(payload);
  if (keys.some((k) => SECRETISH_CLAIMS.test(k))) return undefined;
  if ('iss' in payload && 'sub' in payload) return undefined;
  return 'payload grants nothing';
}

/** `Basic` credentials must decode to `user:password` with a non-empty password. */
export function basicAuthReason(b64: string): string | undefined {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  if (!/^[\x20-\x7e]+$/.test(text)) return 'does not decode to text';
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) return 'does not decode to user:password';
  return undefined;
}

export function validatorReason(kind: SecretValidator, secret: string): string | undefined {
  return kind === 'jwt' ? jwtReason(secret) : basicAuthReason(secret);
}
