/**
 * The one redaction of text that may quote input, for every error message Vigil shows or logs: config and rule
 * load errors, baseline errors, analyzer and worker crashes, CLI usage errors. Input reaches error messages in
 * many ways (JSON.parse quotes the start of the file, the config loader quotes bad keys and values, regex
 * compilers quote the pattern), so the message is cleaned where it is made or where it leaves a module, never
 * by each caller in its own way.
 */
import { LineIndex } from './text';
import { defaultRulesDir } from './rules-dir';
import { maskSecret } from './secrets/mask';
import { loadBuiltinSecretRules } from './secrets/rule-files';
import { SecretScanner } from './secrets/secret-scanner';

/** JSON.parse's excerpt of its input: `Unexpected token 'A', "AKIAIOSF"... is not valid JSON`. */
const JSON_EXCERPT = /, "(?:[^"\\]|\\.)*"(?:\.\.\.)? is not valid JSON/g;
/** Token-like runs; `/` and `.` split them, so paths and dotted rule ids stay readable. */
const TOKEN = /[A-Za-z0-9_+=-]{12,}/g;

let scanner: SecretScanner | null | undefined;

/** The built-in secret rules, loaded once; null when they cannot be loaded (the other steps still apply). */
function builtinScanner(): SecretScanner | null {
  if (scanner === undefined) {
    try {
      scanner = new SecretScanner(loadBuiltinSecretRules(defaultRulesDir()).rules);
    } catch {
      scanner = null;
    }
  }
  return scanner;
}

/**
 * A run that looks like a credential: letters with digits, or long and mixed-case. A run of words joined by `-`
 * or `_` (a folder such as `my-app-2024`, `vigil-webapp-PyVj0O`) counts only when one of its parts is itself 8+
 * characters of mixed letters and digits: paths in messages stay readable, and the provider formats that use
 * separators (`sk-…`, `xoxb-…`, `ghp_…`) are masked by the built-in rules before this runs.
 */
function looksSecret(token: string): boolean {
  const letters = /[A-Za-z]/.test(token);
  const digits = /[0-9]/.test(token);
  const shaped = (letters && digits) || (token.length >= 16 && /[a-z]/.test(token) && /[A-Z]/.test(token));
  if (!shaped || !/[-_]/.test(token)) return shaped;
  return token.split(/[-_]+/).some((part) => part.length >= 8 && /[A-Za-z]/.test(part) && /[0-9]/.test(part));
}

/**
 * `text` with anything secret-like masked (`maskSecret`): JSON.parse's input excerpts are dropped, what the
 * built-in secret rules find is masked, and so is every token-like run of 12+ characters that mixes letters and
 * digits (or 16+ of mixed case), which catches secrets the rules would reject as placeholders or cannot see
 * without context. Rule ids, keys, paths and prose stay readable.
 */
export function redactSecrets(text: string): string {
  let out = text.replace(JSON_EXCERPT, ', "…" is not valid JSON');
  const s = builtinScanner();
  if (s && out.length > 0) {
    const lines = new LineIndex(out);
    const target = { text: out, lines, path: 'message.txt', languageId: 'plaintext' };
    const found = s.scanLines(target, 0, lines.lineCount - 1, s.activeRules(target.path)).map((m) => m.secret);
    // Longest first, so a secret containing another is masked whole.
    for (const secret of [...new Set(found)].sort((a, b) => b.length - a.length)) out = out.split(secret).join(maskSecret(secret));
  }
  return out.replace(TOKEN, (t) => (looksSecret(t) ? maskSecret(t) : t));
}

/** An error's message, safe to show and log: its first line, redacted, at most 300 characters. */
export function redactErrorMessage(e: unknown): string {
  const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  const masked = redactSecrets(first);
  return masked.length > 300 ? `${masked.slice(0, 300)}…` : masked;
}

/** An error for logs: the redacted message plus the stack frames (code locations only, never input text). */
export function redactErrorForLog(e: unknown): string {
  const frames = e instanceof Error && e.stack ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return [redactErrorMessage(e), ...frames.slice(0, 12)].join('\n');
}
