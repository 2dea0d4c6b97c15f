/** Structural checks that tell a real credential from a look-alike, run after the regex. */
import { azureIdentifiableChecksumState, caskChecksumState } from './azure-keys';
import { createHmac } from 'node:crypto';
import { placeholderReason } from './false-positive-filters';
import { shannonEntropy } from './entropy';
import { PUBLISHED_JWT_KEYS } from './published-examples';
import type { SecretChecksum, SecretValidator } from './rule-schema';

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
  // Supabase's anon key is made to ship in browser code (row-level security guards the data); its service-role
  // key, the same shape with `"role": "service_role"`, is the secret.
  if (payload.iss === 'supabase' && payload.role === 'anon') return 'public key (Supabase anon role)';
  const keys = Object.keys(payload);
  if (keys.some((k) => SECRETISH_CLAIMS.test(k))) return undefined;
  if ('iss' in payload && 'sub' in payload) return undefined;
  return 'payload grants nothing';
}


/**
 * True when an HS256/384/512 JWT's signature verifies with a published or trivial key: anyone can mint such a
 * token, so it is a test or development token, not a secret a leak gives away.
 */
export function jwtSignedWithPublishedKey(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const alg = jsonObject(decodeBase64Url(parts[0]!))?.alg;
  const bits = typeof alg === 'string' ? /^HS(256|384|512)$/.exec(alg)?.[1] : undefined;
  if (!bits) return false;
  const body = `${parts[0]}.${parts[1]}`;
  const signature = parts[2]!.replace(/=+$/, '');
  return PUBLISHED_JWT_KEYS.some((key) => createHmac(`sha${bits}`, key).update(body).digest('base64url') === signature);
}

/** `Basic` credentials must decode to `user:password` with a non-empty password. */
export function basicAuthReason(b64: string): string | undefined {
  const text = Buffer.from(b64, 'base64').toString('utf8');
  if (!/^[\x20-\x7e]+$/.test(text)) return 'does not decode to text';
  const colon = text.indexOf(':');
  // An empty user is how a token goes as Basic credentials (Azure DevOps `:<PAT>`): long enough to be one. An empty
  // password too (Stripe's and Lob's `<key>:`): the key is the user, long and random enough to be one.
  if (colon === text.length - 1 && colon >= 20 && !/\s/.test(text) && shannonEntropy(text.slice(0, colon)) >= 3.5) return placeholderReason(text.slice(0, colon));
  if (colon < 0 || colon === text.length - 1 || (colon === 0 && text.length < 21)) return 'does not decode to user:password';
  // Tests of OAuth clients encode names, not credentials: `CLIENT_ID:CLIENT_SECRET` (perhaps URL-encoded).
  let password = text.slice(colon + 1);
  try {
    password = decodeURIComponent(password);
  } catch {
    // not URL-encoded: checked as it is
  }
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[^A-Za-z0-9]*$/.test(password)) return 'decodes to a placeholder name';
  return placeholderReason(password);
}

/** A format string, template, variable reference or path (`%s`, `{{x}}`, `${X}`, `$VAR`, `%APPDATA%`, `@file`, `./x`): no password. */
const TEMPLATE_OR_PATH = /%[-+ #0-9.]*[sdvqr]|\{\}|\$\{|\{\{|\$\(|^\$[A-Za-z_]|^%[A-Za-z_]\w*%$|^@|\/\/|^\.{0,2}\//;

/**
 * A short value under a password name that reads as a password a person chose (`Summer2024!`, `Bl4ckRiver`): 8 to
 * 16 characters, letters with at least two other character classes, or letters around digits (`cl0udy4life`).
 * Not a word with a number after it (`release2024`), an identifier (`auth.pass_label`, `resetPassword2`) or a
 * format string; placeholders and plain words are the shared filters' (they run first).
 */
export function chosenPasswordReason(value: string): string | undefined {
  if (value.length < 8 || value.length > 16) return 'not 8 to 16 characters';
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /\d/.test(value);
  const symbol = /[^A-Za-z0-9]/.test(value);
  if (!lower && !upper) return 'no letters';
  const classes = Number(lower) + Number(upper) + Number(digit) + Number(symbol);
  if (classes < 3 && !/[A-Za-z]\d+[A-Za-z]/.test(value)) return 'one or two character classes';
  if (TEMPLATE_OR_PATH.test(value)) return 'a template or path';
  // Identifiers: dotted, snake or kebab lower-case words, or camelCase words with a number after them.
  if (/^[a-z][a-z0-9]*(?:[._:/-][a-z0-9]+)+$/.test(value)) return 'identifier';
  if (/^[a-z]+(?:[A-Z][a-z]+)+\d*$|^(?:[A-Z][a-z]+){2,}\d*$/.test(value)) return 'identifier';
  // A label or message: a word and a closing `:`, `?`, `!` or `...` (`Password:`, `Confirm?`).
  if (/^[A-Za-z]+(?:[ _-][A-Za-z]+)*(?::|\?|\.{3}|…)$/.test(value)) return 'a label';
  return undefined;
}

/**
 * A value a format's position says is a password (a `.pgpass` entry's last field): a chosen one (see
 * `chosenPasswordReason`), or from 17 characters a generated one: two character classes or more, no template or path.
 */
export function passwordReason(value: string): string | undefined {
  if (value.length <= 16) return chosenPasswordReason(value);
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
  if (classes < 2) return 'one character class';
  if (TEMPLATE_OR_PATH.test(value)) return 'a template or path';
  return undefined;
}

/** Words a settings file puts under a password key that are not passwords (`password: required`, `pass: none`). */
const SETTING_WORDS = /^(?:true|false|null|nil|none|yes|no|on|off|empty|blank|required|optional|string|str|text|env|file|prompt|ask|unset|default|hidden|masked|plain|plaintext|md5|sha1|sha256|scram|bcrypt|argon2|crypt|auth|login|basic|digest|token|secret|password|passwd|ldap|kerberos|oauth|local|always|never|auto|any|disabled|enabled|null_password|undefined)$/i;

/**
 * A 4 to 7 character value under a settings file's password key (`db.password=MAcri7`): letters with one more
 * character class (mixed case, digits or symbols). Plain words (`postgres`, `secret`) and digit runs are the
 * sample defaults every configuration ships; placeholders and sequences are the shared filters' (they run first).
 */
export function shortPasswordReason(value: string): string | undefined {
  // Longer values are the other password rules' (`chosen-password` from 8 characters).
  if (value.length < 4 || value.length > 7) return 'not 4 to 7 characters';
  // A translated label (`Contraseña`, `Hasło`, `パスワード`): passwords in settings files are ASCII.
  if (/[^\x21-\x7e]/.test(value)) return 'not ASCII';
  if (SETTING_WORDS.test(value)) return 'a setting word';
  // A YAML tag, alias or anchor (`!vault`, `*db_pass`), not a value.
  if (/^[!*&]/.test(value)) return 'a YAML tag or alias';
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  if (!lower && !upper) return 'no letters';
  const classes = Number(lower) + Number(upper) + Number(/\d/.test(value)) + Number(/[^A-Za-z0-9]/.test(value));
  if (classes < 2) return 'one character class';
  // A capitalised word (`Admin`, `Postgres`): a sample default, as a lower-case one is.
  if (/^[A-Z][a-z]+$/.test(value)) return 'a word';
  if (TEMPLATE_OR_PATH.test(value)) return 'a template or path';
  // A constant or class name (`DB_PASS`, `PasswordField`), a dotted or kebab identifier, a version (`v1.2`).
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^(?:[A-Z][a-z]+){2,}\d*$|^[a-z]+(?:[A-Z][a-z]+)+\d*$/.test(value)) return 'identifier';
  if (/^[a-z][a-z0-9]*(?:[._:/-][a-z0-9]+)+$|^v?\d+(?:\.\d+)+$/i.test(value)) return 'identifier';
  return undefined;
}

export function validatorReason(kind: SecretValidator, secret: string): string | undefined {
  if (kind === 'short-password') return shortPasswordReason(secret);
  if (kind === 'password') return passwordReason(secret);
  return kind === 'jwt' ? jwtReason(secret) : kind === 'chosen-password' ? chosenPasswordReason(secret) : basicAuthReason(secret);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, the zlib one) of a string's UTF-8 bytes. */
export function crc32(text: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A 32-bit number in base62 (digits, upper case, lower case), left-padded with `0` to six characters. */
export function base62(n: number): string {
  let out = '';
  for (let v = n >>> 0; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62]! + out;
  return out.padStart(6, '0');
}

/**
 * Checks a token's built-in checksum. `crc32-base62` is the format GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`)
 * and npm (`npm_`) documented in 2021: a 3-letter prefix and `_`, 30 random base62 characters, then the base62
 * CRC32 of those 30 characters in 6 characters. Undefined when the token does not have that shape (fine-grained
 * PATs, longer refresh tokens, legacy npm UUIDs), so no verdict is given. `azure-marvin32` and `azure-cask-marvin32`
 * are Microsoft's identifiable Azure keys (azure-keys.ts).
 */
export function checksumState(kind: SecretChecksum, token: string): 'valid' | 'invalid' | undefined {
  if (kind === 'azure-marvin32') return azureIdentifiableChecksumState(token);
  if (kind === 'azure-cask-marvin32') return caskChecksumState(token);
  if (kind === 'cfxk-crc32-base62') return cfxChecksumState(token);
  if (kind === 'chieftools-crc32-base62') return chiefToolsChecksumState(token);
  if (kind !== 'crc32-base62' || !/^[a-z]{3}_[A-Za-z0-9]{36}$/.test(token)) return undefined;
  return base62(crc32(token.slice(4, -6))) === token.slice(-6) ? 'valid' : 'invalid';
}

/**
 * Cfx.re server keys (format announced by Cfx.re in 2021): `cfxk_` + base62 random bytes, `_`, then the base62
 * CRC32 of everything before that `_` (prefix included), not padded: leading zeros are ignored on both sides.
 */
function cfxChecksumState(token: string): 'valid' | 'invalid' | undefined {
  const m = /^(cfxk_[A-Za-z0-9]+)_([A-Za-z0-9]{1,6})$/.exec(token);
  if (!m) return undefined;
  const strip = (s: string): string => s.replace(/^0+/, '');
  return strip(base62(crc32(m[1]!))) === strip(m[2]!) ? 'valid' : 'invalid';
}

/**
 * Chief Tools tokens (docs.chief.tools/api/tokens): `ct` + a 1-4 character type, `_`, 30-242 random base62
 * characters, then the base62 CRC32 of the random part, left-padded to 6 (GitHub's scheme, longer bodies).
 */
function chiefToolsChecksumState(token: string): 'valid' | 'invalid' | undefined {
  const m = /^ct[A-Za-z0-9]{1,4}_([A-Za-z0-9]{30,242})([A-Za-z0-9]{6})$/.exec(token);
  if (!m) return undefined;
  return base62(crc32(m[1]!)) === m[2] ? 'valid' : 'invalid';
}
