/**
 * Filters for things that look like secrets and are not: placeholders and templates, sequential or repeated
 * strings, ids and hashes in generic rules; minified text. Path classes (tests, examples, vendored) are in
 * `../path-class.ts`, shared by every host.
 * Each returns a short reason so tests and debug output can say why a match was dropped.
 */

const PLACEHOLDER_WORDS =
  /changeme|change[_-]me|replace[_-]?me|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass)|your[_-]|<[^>]*>|placeholder|example|sample|dummy|redacted|insert[_-]?(?:your|key|token|here)|(?:key|token|secret|password)[_-]?here|not[_-]?a[_-]?real|notreal|foobar|lorem|todo|fixme|xxxx/i;

/** A placeholder, template or reference to somewhere else, not a literal secret. */
export function placeholderReason(secret: string): string | undefined {
  if (PLACEHOLDER_WORDS.test(secret)) return 'placeholder text';
  if (/\$\{[^}]*\}|\$\([^)]*\)|\{\{.*?\}\}|%[A-Za-z_][A-Za-z0-9_]*%|^\$[A-Za-z_][A-Za-z0-9_]{2,}$/.test(secret)) return 'template variable';
  if (/process\.env|os\.environ|getenv|System\.getenv|import\.meta\.env|secrets\.|vault:/i.test(secret)) return 'reference to the environment';
  if (/\*{3,}|•{2,}|…/.test(secret)) return 'already masked';
  return undefined;
}

/** Repeated or sequential strings such as `aaaaaaaa`, `12345678`, `abcdefgh`, `ababab…`. */
export function sequenceReason(secret: string): string | undefined {
  let run = 1;
  let asc = 1;
  let desc = 1;
  for (let i = 1; i < secret.length; i++) {
    const d = secret.charCodeAt(i) - secret.charCodeAt(i - 1);
    run = d === 0 ? run + 1 : 1;
    asc = d === 1 && isAlnum(secret.charCodeAt(i)) ? asc + 1 : 1;
    desc = d === -1 && isAlnum(secret.charCodeAt(i)) ? desc + 1 : 1;
    if (run >= 6) return 'repeated characters';
    if (asc >= 6 || desc >= 6) return 'sequential characters';
  }
  if (secret.length >= 8 && new Set(secret).size <= 3) return 'too few distinct characters';
  return undefined;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH_RE = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const SRI_RE = /^(?:sha(?:1|256|384|512))[-:]/i;

/** For generic rules: values whose shape says id, hash, path, URL or code rather than credential. */
export function genericValueReason(value: string, name: string): string | undefined {
  if (UUID_RE.test(value)) return 'UUID';
  if (HASH_RE.test(value) && /hash|sha|md5|digest|checksum|commit|rev|etag|integrity|id$/i.test(name)) return 'hash';
  if (SRI_RE.test(value)) return 'integrity hash';
  if (/^[a-z]+:\/\/[^:@]*$/i.test(value) || /^[.~]?\/[\w./-]*$/.test(value) || /^[\w-]+(?:\.[\w-]+)*\.(?:pem|key|crt|json|ya?ml|txt|p12|pfx|jks)$/i.test(value)) {
    return 'URL or file path';
  }
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(value) || /\(\)?$/.test(value)) return 'code expression';
  if (/^(?:true|false|null|none|nil|undefined|required|optional|string|secret|password|token)$/i.test(value)) return 'keyword';
  if (value.toLowerCase() === name.toLowerCase()) return 'same as its name';
  // Letters only (a word, a label, a CamelCase identifier) is not what generated credentials look like.
  if (/^[A-Za-z]+$/.test(value) && value.length < 40) return 'letters only';
  // Event names, URNs, constant names: short word-like parts joined by separators (`msal:acquireTokenStart`).
  const parts = value.split(/[:._-]/);
  if (parts.length >= 2 && parts.every((p) => /^[A-Za-z]{0,30}\d{0,3}$/.test(p)) && /[A-Za-z]{3}/.test(value)) return 'identifier';
  if (/^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z0-9]{1,5}$/.test(value)) return 'file path';
  if (/^[A-Za-z][a-z]+(?:[ _-][A-Za-z][a-z]+)*$/.test(value)) return 'plain words';
  return undefined;
}

/** Long lines and few of them: a minified or generated file. */
export function looksMinified(text: string, lineCount: number): boolean {
  return text.length > 10_000 && text.length / Math.max(1, lineCount) > 1_000;
}
