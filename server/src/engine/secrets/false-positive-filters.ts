/**
 * Filters for things that look like secrets and are not: placeholders and templates, sequential or repeated
 * strings, ids and hashes in generic rules; minified text. Path classes (tests, examples, vendored) are in
 * `../path-class.ts`, shared by every host.
 * Each returns a short reason so tests and debug output can say why a match was dropped.
 */

const PLACEHOLDER_WORDS =
  /changeme|(?:must|should|to)[_ .-]?be[_ .-]?(?:changed|replaced)|change[_-]me|replace[_-]?me|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass)|your[_-]|<[A-Za-z][A-Za-z_ .:/-]{2,}\d{0,2}>|placeholder|example|sample|dummy|redacted|insert[_-]?(?:your|key|token|here)|^insert[_-]|(?:key|token|secret|password)[_-]?here|not[_-]?a[_-]?real|this[_ .-]?is[_ .-]?(?:a|my|the|our)[_ .-]?(?:super[_ .-]?)?(?:secret|key|token|password)|notreal|foobar|lorem|todo|fixme|xxxx|some[_-]?random[_-]?(?:string|text|chars|value|key)|please[_-]?replace|replace[_-]with/i;

const PLACEHOLDER_WORDS_ALL = new RegExp(PLACEHOLDER_WORDS.source, 'gi');
const RUN_CHAR = /[A-Za-z0-9+/_-]/;

/**
 * Whether some placeholder word stands on its own rather than by chance inside a long random run: a private key's
 * base64 body or a long token holds `todo` or `xxxx` about once in 200 keys, and such a key is a key. A token with
 * a word appended (`…_secret_REDACTED`) is a placeholder.
 */
function placeholderWordOutsideRandomRun(secret: string): boolean {
  for (const m of secret.matchAll(PLACEHOLDER_WORDS_ALL)) {
    let start = m.index;
    let end = start + m[0].length;
    // Six letters or more (`REDACTED`, `placeholder`) come by chance about once in 10^9 runs: a word, wherever it is.
    if (m[0].length >= 6 || !RUN_CHAR.test(m[0][0]!) || !RUN_CHAR.test(m[0][m[0].length - 1]!)) return true;
    while (start > 0 && RUN_CHAR.test(secret[start - 1]!)) start--;
    while (end < secret.length && RUN_CHAR.test(secret[end]!)) end++;
    if (!randomRun(secret.slice(start, end))) return true;
  }
  return false;
}

/** A run of 40+ base64 characters with most of its characters distinct: random bytes, not typed text. */
function randomRun(run: string): boolean {
  if (run.length < 40) return false;
  const counts = new Map<string, number>();
  for (const c of run) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) h -= (n / run.length) * Math.log2(n / run.length);
  return h >= 4.5;
}

/**
 * A placeholder, template or reference to somewhere else, not a literal secret. `dollarIsFormat`: the rule's
 * documented prefix starts with `$` (Asaas' `$aact_`), so a leading `$` is part of the key, not a `$VARIABLE`.
 */
export function placeholderReason(secret: string, dollarIsFormat = false): string | undefined {
  if (PLACEHOLDER_WORDS.test(secret) && placeholderWordOutsideRandomRun(secret)) return 'placeholder text';
  // A manual page writes `-` as roff's `\-` (`YOUR\-CONSUMER\-SECRET`): judged unescaped.
  if (secret.includes('\\-')) {
    const r = placeholderReason(secret.replace(/\\-/g, '-'), dollarIsFormat);
    if (r) return r;
  }
  // Base64 of text that says to replace it (`bXktc2VjcmV0…` = "my-secret-…-should-be-changed"), as generators write defaults.
  const decoded = encodedText(secret);
  if (decoded !== undefined && (PLACEHOLDER_WORDS.test(decoded) || PASSWORD_WORD.test(decoded))) return 'placeholder text (base64)';
  // Base64 of a run of letters or digits (`YWJjZGVm…` = "abcdefgh…", `…MDEyMzQ1Njc4OQ==` = "…0123456789"): a stand-in
  // typed by hand for a documentation example.
  if (decoded !== undefined && sequenceReason(decoded)) return 'placeholder text (base64 of a sequence)';
  // A format verb where the value goes (`postgres://app:%s@db/…` in Go's `fmt.Sprintf`, Python's `%(password)s`).
  if (/^%[-+# 0]*\d*(?:\.\d+)?[svdqxXfgT]$|^%\([A-Za-z_]\w*\)[sdr]$/.test(secret)) return 'format verb';
  // A name in capitals (`GOOGLE_API_KEY_VAL`, `INSERT_DISCOVERY_TOKEN`): what a deploy script substitutes.
  if (/^[A-Z]+(?:_[A-Z]+)+$/.test(secret)) return 'placeholder text';
  // A URL template of such names (`SECRET_KEY@HOST:PORT/apps/APP_ID`): each part says what goes there.
  const parts = secret.split(/[:@/]/);
  if (parts.length >= 3 && parts.every((p) => /^(?:[A-Z]+(?:_[A-Z]+)*|[a-z]+)$/.test(p)) && parts.filter((p) => /^[A-Z]{2,}(?:_[A-Z]+)*$/.test(p)).length >= 2) {
    return 'placeholder text';
  }
  // The whole value is a word for "password" (`user:psw@`, `p%40ss` is `p@ss` URL-encoded): a stand-in in docs.
  if (PASSWORD_WORD.test(secret)) return 'placeholder text';
  // `<your password>` cut at its space (a rule whose value stops at whitespace): an angle bracket, then a name.
  if (/^<[A-Za-z][\w-]*$/.test(secret)) return 'placeholder text';
  // A value written whole in angle brackets (`Password=<YourStrong@Passw0rd>`, Microsoft's samples): what to put there.
  if (/^<[^<>\s][^<>]{0,80}>$/.test(secret)) return 'placeholder text';
  // An Azure App Service / Functions Key Vault reference (`@Microsoft.KeyVault(SecretUri=…)`): the platform reads
  // the secret from the vault; the setting holds only where it is.
  if (/^@Microsoft\.KeyVault\b/i.test(secret)) return 'secret store reference';
  // An Android resource reference (`android:value="@string/client_secret"`): the value is in a resource file.
  if (/^[@?](?:[\w.]+:)?(?:string|xml|raw|integer|bool|array|dimen|color|drawable)\/[A-Za-z_][\w.]*$/.test(secret)) return 'resource reference';
  // Ciphertext a tool decrypts with a key kept elsewhere: Maven's `{…}` in settings.xml (the master password in
  // settings-security.xml), Jasypt's `ENC(…)`, Spring Cloud Config's `{cipher}…`, SOPS's `ENC[AES256_GCM,data:…]`,
  // Vault transit's `vault:v1:…` (a value rule may start after `vault:`). The key, not this, is the secret.
  if (/^\{[A-Za-z0-9+/]{8,}={0,2}\}$|^ENC\([A-Za-z0-9+/]{8,}={0,2}\)$|^\{cipher\}[A-Za-z0-9+/]{16,}={0,2}$/.test(secret)) return 'encrypted value';
  if (/^ENC\[AES256_GCM,data:[A-Za-z0-9+/=]*,iv:|^(?:vault:)?v\d{1,3}:[A-Za-z0-9+/]{16,}={0,2}$/.test(secret)) return 'encrypted value';
  // The nil UUID or a run of zeros (`00000000-0000-0000-0000-000000000000`): a value not set yet.
  if (/^[0-]{8,}$/.test(secret)) return 'placeholder text (zeros)';
  // The anonymous-FTP login (`-anonymous@`, RFC 1635's convention): a public value every FTP client sends.
  if (/^-?anonymous@$/i.test(secret)) return 'anonymous login';
  // A `%NAME%` (Windows, batch files) stands apart from the text around it: `%gNQwd%` inside a random password is chance.
  if (/\$\{[^}]*\}|\$\([^)]*\)|\{\{.*?\}\}|(?:^|[^A-Za-z0-9])%[A-Za-z_][A-Za-z0-9_]*%(?![A-Za-z0-9])/.test(secret)) return 'template variable';
  // Ruby's and CoffeeScript's interpolation (`'#{SecureRandom.hex(64)}'`, in the text an error prints).
  if (/#\{[A-Za-z_@$][^}]*\}/.test(secret)) return 'template variable';
  // A shell variable between a sed command's or a path's separators (`s/<jwt-secret>/$NEW_SECRET/g`).
  if (!dollarIsFormat && /(?:^|[/=:@])\$[A-Z_][A-Z0-9_]{2,}(?=$|[/:@])/.test(secret)) return 'template variable';
  // A format field on its own (`{expected}` in `f"postgresql://{user}:{expected}@…"`, `str.format`).
  if (/^\{[A-Za-z_][\w.]*\}$/.test(secret)) return 'template variable';
  if (!dollarIsFormat && /^\$[A-Za-z_][A-Za-z0-9_]{2,}$/.test(secret)) return 'template variable';
  // A Perl or PHP variable read through a package or a reference (`$Pkg::Config->{password}`, cut at `>`).
  if (!dollarIsFormat && /^\$[A-Za-z_]\w*(?:::\w+)+(?:->?)?$|^\$[A-Za-z_]\w*->?$/.test(secret)) return 'variable reference';
  if (/process\.env|os\.environ|getenv|System\.getenv|import\.meta\.env|secrets\.|vault:/i.test(secret)) return 'reference to the environment';
  // A secret-store reference resolved at run time (APISIX's `$env://NAME` and `$secret://vault/app/key`), or at
  // deploy time (helmfile's and vals' `ref+awssecrets://path#/key`, 1Password's `op://vault/item/field`).
  if (/^\$(?:env|secret|ENV|SECRET):\/\//.test(secret)) return 'reference to a secret store';
  if (/^ref\+[a-z0-9]{2,20}:\/\/|^op:\/\/[^/\s]+\/[^/\s]+/.test(secret)) return 'reference to a secret store';
  if (!dollarIsFormat) {
    // A short literal joined to a shell variable (`kSecret="AWS4$AWS_SECRET_ACCESS_KEY"`, a signing key's prefix).
    if (/^[\w.-]{0,12}\$\{?[A-Z][A-Z0-9]*_[A-Z0-9_]+\}?$/.test(secret)) return 'template variable';
    // Variables joined by `:` (`"$superuser:$password:$fullname"`, a line a script writes) and a path under one
    // (`$dir/private/ca.key`, OpenSSL's configuration).
    if (/^\$[A-Za-z_]\w*(?::(?:\$[A-Za-z_]\w*|[a-z]+))+$/.test(secret) || /^\$\{?[A-Za-z_]\w*\}?\/[\w./-]*$/.test(secret)) return 'template variable';
  }
  if (/\*{3,}|•{2,}|…/.test(secret)) return 'already masked';
  return undefined;
}

/**
 * A URI whose password is its user name (`postgres://app:app@…`), or a connection string on the value's `line` whose
 * `Password=` repeats its `Username=`: the default login of a database container, as `root`, `admin` and `guest`
 * are, not a chosen secret. `match` is the rule's whole match.
 */
export function userAsPasswordReason(secret: string, match: string, line = ''): string | undefined {
  // A connection string's `Username=postgres;Password=postgres` (ADO.NET, ODBC, JDBC properties), on the value's line.
  const user = /(?:^|[;"'\s])(?:user(?:[ _]?(?:name|id))?|uid)[ \t]*=[ \t]*([^;"'\s]+)/i.exec(line)?.[1]?.toLowerCase();
  if (user !== undefined && user === secret.toLowerCase()) {
    for (const m of line.matchAll(/(?:^|[;"'\s])(?:password|pwd)[ \t]*=[ \t]*([^;"'\s]+)/gi)) {
      if (m[1]!.toLowerCase() === user) return 'the user name as the password';
    }
  }
  const at = match.indexOf(`:${secret}@`);
  if (at < 0) return undefined;
  const scheme = match.lastIndexOf('//', at);
  if (scheme < 0) return undefined;
  return match.slice(scheme + 2, at).toLowerCase() === secret.toLowerCase() ? 'the user name as the password' : undefined;
}

/** Files that describe a local or CI setup, where a one-word host is a service of that setup (compose's `db`). */
const LOCAL_SETUP_FILE =
  /(?:^|\/)(?:(?:docker-)?compose[\w.-]*\.ya?ml|\.env(?:\.[\w-]+)*|[\w-]+\.env|Vagrantfile|\.gitlab-ci\.ya?ml|\.travis\.ya?ml)$|(?:^|\/)(?:\.github\/workflows|\.circleci|\.ci)\//;

/**
 * A URI login (`scheme://user:secret@host`) whose host is this machine (`localhost`, `127.0.0.1`, `[::1]`,
 * `host.docker.internal`) or, in a compose, env or CI file (`rel`: the workspace-relative path), a one-word service
 * name (`@db`, `@postgres`): the database of a local or test setup. The value may still be real, so callers lower
 * the severity rather than drop it. `line` holds the secret, which ends at `end`.
 */
export function localLoginReason(line: string, start: number, end: number, rel: string): string | undefined {
  if (line[end] !== '@' || line[start - 1] !== ':' || !/:\/\/[^:/\s@"'<>]*$/.test(line.slice(0, start - 1))) return undefined;
  const host = /^(\[[0-9a-f:.]+\]|[A-Za-z0-9_.-]+)(?=$|[:/?#\s"'`<>,;)\]])/i.exec(line.slice(end + 1))?.[1]?.toLowerCase();
  if (!host) return undefined;
  if (/^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\]|host\.docker\.internal)$/.test(host)) return "a local database's login (this machine or a service of the local setup)";
  if (/^[a-z][a-z0-9_-]*$/.test(host) && LOCAL_SETUP_FILE.test(rel)) return "a local database's login (this machine or a service of the local setup)";
  return undefined;
}

/** A local development environment's own files: DDEV, dev containers, Vagrant (its Vagrantfile and provisioning). */
const LOCAL_DEV_ENV = /(?:^|\/)(?:\.ddev|\.devcontainer|\.vagrant)\/|(?:^|\/)Vagrantfile$|(?:^|\/)[\w-]*vagrant[\w-]*\.(?:ya?ml|sh)$/i;

/**
 * A file that sets up a local development environment (`rel`: the workspace-relative path): what it configures runs
 * on the developer's machine. The value may still be reused elsewhere, so callers lower the severity, not drop it.
 */
export function localDevEnvReason(rel: string): string | undefined {
  if (LOCAL_DEV_ENV.test(rel)) return "a local development environment's settings";
  return DEV_CONFIG.test(rel) ? "a development configuration's settings" : undefined;
}

/** Words that name a block of development, test or example values, after camelCase is split by `_`. */
const STAND_IN_BLOCK = /(?:^|[^a-z])(?:dev|development|test|tests|testing|fake|dummy|mock|example|sample|demo)(?:[^a-z]|$)/;

/**
 * The block holding the value on `line` is named for development, test or example values (`var DEV_CREDENTIALS = {`,
 * a YAML `development:` or `test:` section): the nearest line above it, within 12, with less indentation opens the
 * block, and its last name says so. `lineText` reads line `i`. Callers lower the severity, as for a development
 * configuration's file.
 */
export function standInBlockReason(line: number, lineText: (i: number) => string): string | undefined {
  const indent = (t: string): number => /^[ \t]*/.exec(t)![0].length;
  const own = indent(lineText(line));
  if (own === 0) return undefined;
  for (let i = line - 1; i >= Math.max(0, line - 12); i--) {
    const t = lineText(i);
    if (t.trim() === '' || indent(t) >= own) continue;
    const name = /([A-Za-z_$][\w$-]*)["']?[ \t]*(?::|=|=>)?[ \t]*[{[(]?[ \t]*$/.exec(t)?.[1];
    if (!name) return undefined;
    const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
    return STAND_IN_BLOCK.test(words) ? `in a block named ${name}, for development or test values` : undefined;
  }
  return undefined;
}

/** A settings file named for the development environment (Phoenix's `config/dev.exs`, Django's `settings/dev.py`). */
// Also an env file named for it (`app.dev.env`, `development.env`), as `test.env` is named for tests.
// A compose file named for a development or local stack (`docker-compose.dev.yml`, `compose.local.yaml`) and a
// top-level development folder (`dev/`, `.dev/`: a developer's local stack, as `.devcontainer/` is).
const DEV_CONFIG =
  /(?:^|\/)(?:settings|config|conf|environments?)\/(?:[\w-]+\/)*(?:dev|development)\.(?:py|ya?ml|rb|json|toml|ini|php|exs?)$|(?:^|\/)(?:[a-z0-9]+[._-])*(?:dev|development)\.env$|(?:^|\/)(?:docker-)?compose(?:[.-][a-z0-9_-]+)*[.-](?:dev|development|local)(?:[.-][a-z0-9_-]+)*\.ya?ml$|^\.?dev\//i;

/**
 * The line ranges of a Rust file's top-level test modules (`#[cfg(test)]`, then `mod tests {`, closed by the `}` in
 * column 0 that rustfmt writes): unit tests, built only by `cargo test`. Rust is not parsed here, so the module is
 * found by that layout; one laid out otherwise stays code. `lineText` reads line `i` of `lineCount`.
 */
export function rustTestModules(lineCount: number, lineText: (i: number) => string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lineCount; i++) {
    if (!/^#\[cfg\(test\)\]\s*$/.test(lineText(i))) continue;
    let j = i + 1;
    while (j < lineCount && /^\s*(?:#\[.*\]\s*)?(?:\/\/.*)?$/.test(lineText(j))) j++; // blank lines, more attributes, comments
    if (j >= lineCount || !/^(?:pub(?:\([\w:]+\))?\s+)?mod\s+\w+\s*\{\s*$/.test(lineText(j))) continue;
    let k = j + 1;
    while (k < lineCount && !/^\}\s*$/.test(lineText(k))) k++;
    out.push([i, k]);
    i = k;
  }
  return out;
}

/** A CI workflow named for tests (`.github/workflows/test.yml`, `e2e-tests.yaml`, `ci.yml`). */
const TEST_WORKFLOW = /(?:^|\/)\.github\/workflows\/(?:[a-z0-9]+[._-])*(?:tests?|testing|ci|e2e)(?:[._-][a-z0-9]+)*\.ya?ml$/i;

/**
 * A workflow that runs the tests (`rel`: the workspace-relative path): the database passwords and testing tokens it
 * sets are the test run's own. Callers lower generic values and database logins only; a provider's token works from
 * anywhere, and the workflow's other findings (the config pack's) are not test code either.
 */
export function testWorkflowReason(rel: string): string | undefined {
  return TEST_WORKFLOW.test(rel) ? "a test workflow's own settings" : undefined;
}

/** A CI setup's folder at any depth (`ci/pod/keycloak/`, `.ci/`): the services a CI run starts, with their own logins. */
const CI_SETUP_DIR = /(?:^|\/)\.?ci\//i;

/**
 * A file in a CI setup's folder (`rel`: the workspace-relative path): the test stack a CI run starts (a Keycloak
 * realm's client secret, a database password, its TLS key). Callers lower generic values, database logins and
 * private keys only: a provider's token there works from anywhere.
 */
export function ciSetupReason(rel: string): string | undefined {
  return CI_SETUP_DIR.test(rel) ? "a CI setup's own settings" : undefined;
}

/**
 * A key file named for `localhost` (`caddy.localhost.key`, mkcert's `localhost+2-key.pem`): the key of a certificate
 * no public authority issues, made for development or tests. Callers lower private keys found in it.
 */
export function localhostKeyReason(rel: string): string | undefined {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  return /(?:^|[._+-])localhost(?:[._+-]|$)/.test(base) ? 'the key of a localhost certificate, for development' : undefined;
}

/**
 * An HTTP request file (`.http`, `.rest`: the editors' REST clients) whose every URL is this machine: requests a
 * developer sends to a local server, with that server's development login. `text` is the file's whole text, read
 * on every run so incremental and full scans agree. Callers lower generic values only.
 */
export function localRequestFileReason(rel: string, text: string): string | undefined {
  if (!/\.(?:http|rest)$/i.test(rel)) return undefined;
  // URLs in comment lines (`# For more info go to https://…`) are links to read, not requests.
  const requests = text.replace(/^\uFEFF?[ \t]*(?:#|\/\/).*$/gm, '');
  const hosts = [...requests.matchAll(/\bhttps?:\/\/([^/\s:?#"'{}]+)/gi)].map((m) => m[1]!.toLowerCase());
  return hosts.length > 0 && hosts.every((h) => /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/.test(h)) ? 'a request file for a local server' : undefined;
}

/** A comment line's text after its marker (` * `, `// `, `# `, `-- `), or undefined for a line that is no comment. */
const COMMENT_LINE = /^\s*(?:\/\*\*?|\*(?!\/)|\/\/\/?|#|--)[ \t]?(.*)$/;

/**
 * The comment holding line `line` shows a code sample there: the lines above, within the same comment, open an
 * `@example` tag (JSDoc, TSDoc, PHPDoc) or a Markdown code fence (` ``` `) not yet closed. A generated SDK's
 * request samples and a doc comment's usage show made-up values, as a docs file does. `lineText` reads line `i`.
 */
export function commentExampleReason(line: number, lineText: (i: number) => string): string | undefined {
  // The value's own line opens another tag (`@param token - defaults to …`): prose about a parameter.
  if (/^@(?!example\b)[a-z]/i.test(COMMENT_LINE.exec(lineText(line))?.[1]?.trim() ?? '')) return undefined;
  let fences = 0;
  for (let i = line - 1; i >= Math.max(0, line - 80); i--) {
    const t = lineText(i);
    const body = COMMENT_LINE.exec(t)?.[1]?.trim();
    if (body === undefined) break;
    if (/^(?:```|~~~)/.test(body)) fences++;
    else if (/^@example\b/i.test(body)) return 'an example in a doc comment';
    else if (/^@[a-z]/i.test(body)) break; // another tag: the sample, if any, is not under @example
    if (/^\s*\/\*/.test(t)) break; // the comment's first line
  }
  return fences % 2 === 1 ? 'a code sample in a doc comment' : undefined;
}

/** A declaration's name: a class, module, object, struct or function (Ruby, Python, JS/TS, Java, Kotlin, C#, Go, PHP, Swift). */
const DECLARATION = /^\s*(?:(?:export|public|private|protected|internal|static|final|abstract|open|sealed|data|default|async|partial)\s+)*(?:class|module|object|struct|interface|def|function|func|fn|fun)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$:.]*)/;
/** Words that name a stand-in for a real service, after camelCase is split by `_`. */
const MOCK_WORD = /(?:^|[^a-z])(?:mock|mocks|mocked|fake|fakes|stub|stubs|dummy)(?:[^a-z]|$)/;

/**
 * A value inside a declaration named for a stand-in (Ruby's `class Mock` beside `class Real`, `def fake_key_pair`,
 * `class FakeKeyService`): the canned answers a library's test double returns. The enclosing declarations are the
 * lines above with less indentation, up to 300 lines; callers lower every rule's findings, since a mock's key or
 * token is made up for it. `lineText` reads line `i`.
 */
export function mockScopeReason(line: number, lineText: (i: number) => string): string | undefined {
  let indent = /^[ \t]*/.exec(lineText(line))![0].length;
  for (let i = line - 1; i >= Math.max(0, line - 300) && indent > 0; i--) {
    const t = lineText(i);
    if (t.trim() === '') continue;
    const own = /^[ \t]*/.exec(t)![0].length;
    if (own >= indent) continue;
    indent = own;
    const name = DECLARATION.exec(t)?.[1];
    if (name && MOCK_WORD.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())) return `inside ${name}, a test double's canned data`;
  }
  return undefined;
}

/** Base64's alphabet, and the `\n` escapes a JSON string wraps it with (a notebook output's `"image/png"`). */
const BASE64_RUN_CHAR = /[A-Za-z0-9+/=]/;

/**
 * A provider-shaped match inside a long run of base64 (an image or a file embedded in a notebook, a data: URI): 200
 * or more characters of it, at least 100 beyond the match. A real token stands alone, between quotes or
 * separators, not in the middle of encoded bytes. `line` holds the match at `[start, end)`.
 */
export function encodedBlobReason(line: string, start: number, end: number): string | undefined {
  if (line.length < 200) return undefined;
  // A base64 character, or the backslash of a `\n` or `\r` escape.
  const inRun = (i: number): boolean => BASE64_RUN_CHAR.test(line[i] ?? '') || (line[i] === '\\' && (line[i + 1] === 'n' || line[i + 1] === 'r'));
  let a = start;
  while (a > 0 && start - a < 10_000 && inRun(a - 1)) a--;
  let b = end;
  while (b < line.length && b - end < 10_000 && inRun(b)) b++;
  return b - a >= 200 && b - a - (end - start) >= 100 ? 'inside base64-encoded data' : undefined;
}

/** The whole value is a word for "password" (`psw`, `p%40ss` is `p@ss` URL-encoded): a stand-in in docs. */
const PASSWORD_WORD = /^(?:pass|passwd|password|pwd|psw|pw|p(?:@|%40)ss(?:word)?)$/i;

/**
 * The text a value in base64 stands for (`base64Text`), down to 8 characters when padded (`Y2hhbmdlbWU=`, a
 * Kubernetes Secret's short default): short unpadded text is as often a typed password that happens to be base64.
 */
export function encodedText(secret: string): string | undefined {
  return base64Text(secret) ?? (secret.endsWith('=') ? base64Text(secret, 2000, 8) : undefined);
}

/**
 * The printable ASCII text a base64 (or base64url) value of at most `maxLength` characters decodes to, or
 * undefined. Random key bytes almost never decode to printable text only, so real keys are not affected.
 */
export function base64Text(s: string, maxLength = 2000, minLength = 16): string | undefined {
  if (s.length < minLength || s.length > maxLength || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) return undefined;
  const text = Buffer.from(s, 'base64').toString('latin1');
  return /^[\x20-\x7e\t\r\n]+$/.test(text) ? text : undefined;
}

/**
 * Repeated or sequential strings such as `aaaaaaaa`, `12345678`, `abcdefgh`, `ababab…`. Runs of spaces or tabs do
 * not count: they are the indentation of a multi-line secret (a PEM key in a nested YAML block or in code). A
 * PEM-armoured key is encoded binary: zero bytes are runs of `A` (every OpenSSH private key begins
 * `b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB`), so only its count of distinct characters is checked.
 */
export function sequenceReason(secret: string): string | undefined {
  if (secret.startsWith('-----BEGIN ')) return new Set(secret.replace(/-----(?:BEGIN|END) [A-Z0-9 ]{1,40}-----|\s/g, '')).size <= 6 ? 'too few distinct characters' : undefined;
  // A long base64 token is encoded binary too (a Fly.io macaroon, `fm2_lJPECAAAAAAAAGFe…`): its runs of `A` are zero bytes.
  const zeroBytes = secret.length >= 64 && /^[\w+/-]+={0,2}$/.test(secret);
  let run = 1;
  let asc = 1;
  let desc = 1;
  for (let i = 1; i < secret.length; i++) {
    const d = secret.charCodeAt(i) - secret.charCodeAt(i - 1);
    run = d === 0 && secret[i] !== ' ' && secret[i] !== '\t' && !(zeroBytes && secret[i] === 'A') ? run + 1 : 1;
    asc = d === 1 && isAlnum(secret.charCodeAt(i)) ? asc + 1 : 1;
    desc = d === -1 && isAlnum(secret.charCodeAt(i)) ? desc + 1 : 1;
    if (run >= 6) return 'repeated characters';
    if (asc >= 6 || desc >= 6) return 'sequential characters';
  }
  if (secret.length >= 8 && new Set(secret).size <= 3) return 'too few distinct characters';
  // A short unit typed over and over (`AKIAFAKEFAKEFAKEFAKE`, `xyzxyzxyzxyz`): 12 characters or more of it. Not in
  // encoded binary, whose repeats are its structure.
  if (!zeroBytes && secret.length <= 200) for (const m of secret.matchAll(/(.{2,6}?)\1{2,}/g)) if (m[0].length >= 12) return 'repeated pattern';
  return undefined;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A name ending in the credential it holds (`API_KEY`, `clientSecret`, `auth_token`), not in an id or a UUID of one.
 * Not a bare `token`: a download link's `&token=<uuid>` (Firebase Storage) is a shareable URL's part. A token named
 * after a provider that issues UUIDs as tokens or keys (Snyk, Codecov, Heroku's legacy API key …) is one, and so is
 * the value an `Authorization: Bearer` header sends.
 */
const CREDENTIAL_NAME_END = /^bearer$|(?:api[_.-]?key|access[_.-]?key|app[_.-]?key|auth[_.-]?key|secret[_.-]?key|secret|password|passwd|(?:api|access|auth|bearer|refresh)[_.-]?token|(?:snyk|codecov|heroku|rollbar|bugsnag|launchdarkly|buildkite|circleci|travis)[_.-]?(?:api[_.-]?|upload[_.-]?)?(?:token|key))$/i;
const HASH_RE = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;
const SRI_RE = /^(?:sha(?:1|256|384|512))[-:]/i;
/**
 * A stored password hash in its own format: modular crypt and PHC strings (`$2b$…`, `$6$…`, `$argon2id$…`,
 * `$scrypt$…`), Django's `algorithm$…` and MySQL's `*` + 40 hex. What a password becomes, not the password.
 */
const PASSWORD_HASH_RE =
  /^(?:\$(?:1|2[abxy]?|3|5|6|7|y|gy|apr1|md5|sha1|sha256|sha512|argon2(?:i|d|id)|pbkdf2(?:-sha\d+)?|scrypt|p5k2|bcrypt(?:-sha256)?)\$|(?:pbkdf2_sha\d+|bcrypt(?:_sha256)?|argon2|scrypt|crypt|sha1|md5|unsalted_md5|unsalted_sha1)\$[^$]+\$|\*[0-9A-F]{40}$)/i;
/** A hash or cipher algorithm's name, as settings name them. */
const ALGORITHM_NAME_RE = /^(?:scram-sha-(?:1|256)(?:-plus)?|md5|sha-?(?:1|224|256|384|512)|bcrypt|argon2(?:id|i|d)?|pbkdf2(?:[_-]sha\d+)?|scrypt|plain|crypt|aes-?(?:128|192|256)(?:-(?:cbc|gcm|ctr))?)$/i;
/** A value spelled only from the word its name says (`existingtoken123`, `mysupersecret2024`): a stand-in. */
const SELF_NAMED_RE = /^[a-z]*(?:token|secret|password|passwd|apikey)[a-z]*\d{0,4}$/;
/** camelCase words ending in the kind of value (`base64EncodedKey`, `hex32ClientSecret`): what to put there. */
const DESCRIBED_RE = /^[a-z]{2,}\d{0,3}(?:[A-Z][a-z]{2,}\d{0,3})*(?:Key|Token|Secret|Password|Passwd|Passphrase)$/;
/** The MD5, SHA-1 and SHA-256 of empty input: constants every hashing library prints, never a secret. */
const EMPTY_INPUT_DIGESTS = new Set([
  'd41d8cd98f00b204e9800998ecf8427e',
  'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
]);

/** A letter of a script other than Latin (Thai, Han, Cyrillic, Arabic...): generated credentials are ASCII. */
const NON_LATIN_LETTER = /(?=\p{L})\P{Script=Latin}/u;

/** A key that names a message about a credential rather than the credential (`LABEL_PASSWORD`, `TOKEN_HELP`). */
const LABEL_NAME = /(?:^|[^a-z])(?:label|title|text|msg|message|hint|help|placeholder|prompt|tooltip|caption|header|button|btn|error|success|done|confirm|description|desc|info|notice|warning|instructions?)(?:[^a-z]|$)/i;

/**
 * One part of a separated identifier that reads as words: one case throughout, or capitalised and camelCase humps
 * (`Passwort`, `acquireTokenStart`, `OAuth`, `Or`). Random letters change case inside a hump (`CZvbudBzx-EPCopSjNcsPw`,
 * a broker token a recall study on fixed leaks lost as an identifier).
 */
const WORD_PART = /^(?:\p{Ll}*|\p{Lu}*|(?:\p{Ll}+|\p{Lu}+\p{Ll}{2,}|\p{Lu}\p{Ll})(?:\p{Lu}{1,6}\p{Ll}{2,})*\p{Lu}{0,6})\d{0,3}$/u;

/**
 * Whether letters change case at random: words in camelCase split into humps of a capital and lowercase letters
 * (`SubstitutionInTemplate`, `XMLHttpRequest`), random letters into many humps of one or two (`Fpi`, `Q`, `Ii`, `PH`).
 */
/**
 * Letters of one case with six consonants in a row (`GJJAQZDKRNFFDY`, RabbitMQ's generated Erlang cookie): drawn at
 * random, not words run together (`LENGTHSTRENGTH` has five at most).
 */
function consonantRun(letters: string): boolean {
  return (letters === letters.toUpperCase() || letters === letters.toLowerCase()) && /[b-df-hj-np-tv-xz]{6}/i.test(letters);
}

function randomCase(letters: string): boolean {
  const humps = letters.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+/gu) ?? [];
  const short = humps.filter((h) => h.length <= 2).length;
  return short >= 3 && short * 2 >= humps.length;
}

/**
 * Whether a dotted value reads as a member chain of words (`settings.db.password`), not random text with a dot in it
 * (`oW0PrFEMyWvrhLuZS.PArq`): in a config file only the first may be a reference.
 */
export function dottedWords(value: string): boolean {
  return /^[\w$.-]+$/.test(value) && value.split(/[.$_-]/).every((p) => WORD_PART.test(p));
}

/**
 * A base64 key that happens to start with `/` (one in 64 of them: `secret_key_base: "/jftP…"`): one segment of 24 or
 * more letters and digits mixing upper case, lower case and digits, which no directory name is.
 */
function base64RunAfterSlash(value: string): boolean {
  const m = /^\/([A-Za-z0-9]{24,})$/.exec(value);
  return !!m && /[A-Z]/.test(m[1]!) && /[a-z]/.test(m[1]!) && /[0-9]/.test(m[1]!);
}

/** For generic rules: values whose shape says id, hash, path, URL, code or human language rather than credential. */
export function genericValueReason(value: string, name: string): string | undefined {
  // With its slashes escaped, as a regex or JSON writes a path (`\/\/vault\/app\/tls.crt`): judged unescaped.
  if (value.includes('\\/')) {
    const r = genericValueReason(value.replace(/\\\//g, '/'), name);
    if (r) return r;
  }
  // An Ethereum-style account or contract address (`0x` and 40 hex digits, EIP-55): public by design; a private
  // key is 64 hex digits. Not under a name that ends in the credential (`HCAPTCHA_SECRET`: hCaptcha's secrets
  // have that shape).
  if (/^0x[0-9a-fA-F]{40}$/.test(value) && !CREDENTIAL_NAME_END.test(name)) return 'account or contract address';
  // A Stripe PaymentIntent's or SetupIntent's client secret (`pi_…_secret_…`): Stripe hands it to the customer's
  // browser to confirm that one payment; it is in every webhook payload and API response about the intent.
  if (/^(?:pi|seti)_[A-Za-z0-9]{14,40}_secret_[A-Za-z0-9]{10,40}$/.test(value)) return "a Stripe intent's client secret, which Stripe sends to the customer's browser";
  // The key was a parameter-name comment (`/*private_key_len=*/X25519_KEY_LEN`): what follows its `*/` is code.
  if (value.startsWith('*/')) return 'code expression';
  // A constant's name with digits (`X25519_PRIVATE_KEY_LEN`): three or more words in capitals, each led by a letter.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*){2,}$/.test(value)) return 'constant name';
  // Also in URN form (`urn:uuid:…`, RFC 4122), as WebDAV lock tokens are written. Not under a name that ends in
  // the credential itself (`api_key`, `client_secret`): several providers issue keys as UUIDs (a recall study on
  // fixed leaks found two missed this way).
  if (UUID_RE.test(value.replace(/^urn:uuid:/i, '')) && (/^urn:/i.test(value) || !CREDENTIAL_NAME_END.test(name))) return 'UUID';
  if (HASH_RE.test(value) && /hash|sha|md5|digest|checksum|commit|rev|etag|integrity|id$/i.test(name)) return 'hash';
  if (SRI_RE.test(value)) return 'integrity hash';
  if (PASSWORD_HASH_RE.test(value)) return 'password hash';
  // An htpasswd line (`user:$apr1$…`, `user:$2y$…`): the user's name, then the hash.
  const colon = value.indexOf(':');
  if (colon > 0 && colon <= 64 && !/[\s$]/.test(value.slice(0, colon)) && PASSWORD_HASH_RE.test(value.slice(colon + 1))) return 'password hash';
  // An algorithm's name (`password_encryption: scram-sha-256`, `hasher: argon2id`): how passwords are kept.
  if (ALGORITHM_NAME_RE.test(value)) return 'algorithm name';
  if (SELF_NAMED_RE.test(value)) return 'spelled from its own name';
  if (DESCRIBED_RE.test(value)) return 'a name describing the value';
  // A dotted key ending in the kind of value (`Provider.<client>.alice.refreshToken`): where a token is stored.
  if (/^\w+(?:\.\w+)+$/.test(value) && /^(?:[a-z]+(?:[A-Z][a-z]+)*)?(?:Token|Secret|Key|Password)$|^(?:token|secret|key|password)$/.test(value.slice(value.lastIndexOf('.') + 1))) {
    return 'a key name';
  }
  // An annotation or label name: a domain, then a name ending in the kind of value (`security.example.run/access-token`).
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[a-z0-9.-]*(?:token|secret|key|password)$/i.test(value)) return 'a key name';
  // A column or field name in snake_case ending in the kind of value (`google2fa_secret`): where it is stored.
  // Also plural, as a metric or counter is named (`ephemeral_5m_input_tokens`).
  if (/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:secret|token|key|password|passwd)s?$/.test(value)) return 'a key name';
  // Error codes and route actions: lower-case words joined by `/`, `_` or `-` (`auth/refresh_token_not_found`,
  // `access-tokens/revoke-pending-token` in a route table).
  if (/^[a-z]+(?:[_-][a-z]+)*(?:\/[a-z]+(?:[_-][a-z]+)*)+$/.test(value)) return 'identifier';
  // An object identifier (`2.16.840.1.113730.3.4.4`, an LDAP control's OID): a registered number, public by design.
  if (/^[0-2](?:\.(?:0|[1-9]\d*)){4,}$/.test(value)) return 'object identifier';
  // A PostHog project key (`phc_`) is public by design; the PostHog rule leaves it out for that reason.
  if (/^phc_[A-Za-z0-9]{20,}$/.test(value)) return 'public key';
  // RevenueCat's public SDK keys (`appl_` Apple, `goog_` Google, `amzn_` Amazon) are made to ship in the app; its
  // secret keys start with `sk_`.
  if (/^(?:appl|goog|amzn)_[A-Za-z0-9]{16,}$/.test(value)) return 'public key';
  // Mapbox's public tokens (`pk.` and a JWT-like body) are made for browsers and apps; its secret ones start `sk.`.
  if (/^pk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{10,}$/.test(value)) return 'public key';
  // Keys made to ship in browsers and apps: Stripe's publishable keys (`pk_live_`, `pk_test_`; its secret keys are
  // `sk_`/`rk_`), Datadog's RUM client tokens (`pub` and 32 hex digits), Braintree's tokenization keys.
  if (/^pk_(?:live|test)_[A-Za-z0-9]{20,}$/.test(value) || /^pub[0-9a-f]{32}$/.test(value) || /^(?:sandbox|production)_[a-z0-9]{8}_[a-z0-9]{16}$/.test(value)) return 'public key';
  // PostgreSQL's stored SCRAM verifier (`SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>`): a hash, not a password.
  if (/^SCRAM-SHA-(?:1|256)\$\d{1,7}:[A-Za-z0-9+/=]{8,}\$[A-Za-z0-9+/=]{20,}:[A-Za-z0-9+/=]{20,}$/.test(value)) return 'password hash';
  // A token's accessor (Vault's `accessor`): looks a token up or revokes it, never authenticates.
  if (/accessor$/i.test(name)) return 'token accessor';
  // Cut short on purpose (`eyJhbGciOi...`, `sk_live_…`): an example in prose, not a value.
  if (/(?:\.\.\.|…)$/.test(value)) return 'truncated example';
  if (EMPTY_INPUT_DIGESTS.has(value.toLowerCase())) return 'digest of empty input';
  // A date or date and time (ISO 8601), under a name such as `token_expires_at`: when, not what.
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return 'date and time';
  // A name about a public key (`PublicKeyToken`, an assembly's public key hash in .NET): public by design.
  if (/public[_.-]?key/i.test(name)) return 'public key';
  // Also a URL without its scheme (`[tokens]: https://…` read as `name: type = value`), a path with a volume
  // mount's mode (`/run/app/secrets:ro`) and one under a Symfony parameter (`%kernel.project_dir%/config/jwt/private.pem`).
  if (/^(?:[a-z]+:)?\/\/[^:@]*$/i.test(value) || (/^[.~]?\/[\w./-]*(?::(?:ro|rw|z|Z|cached|delegated|consistent)(?:,\w+)*)?$/.test(value) && !base64RunAfterSlash(value)) || /^[\w-]+(?:\.[\w-]+)*\.(?:pem|key|crt|json|ya?ml|txt|p12|pfx|jks)$/i.test(value) || /^%[\w.]+%\/[\w./-]*$/.test(value)) {
    return 'URL or file path';
  }
  // Also negated (`show_secret = !this.show_secret`), a class constant joined with code (`Sync::PREFIX.$this->…`),
  // and a static member chain (`static::$kernel->…`).
  // Member reads may be optional or asserted (`user.value?.accessToken`, `result.data!.token`).
  if (/^!?[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)+(?:\(\))?$/.test(value) || /\(\)?$/.test(value) || /^(?:[A-Z]\w*|static|self|parent)::(?:[A-Z][A-Z0-9_]*\.\$|\$)/.test(value)) {
    return 'code expression';
  }
  // A static method or constant (`Google2FA::generateSecretKey`), and a string that ends at `=` joined with a
  // variable (`'DB_PASSWORD='.$request->…`, read from after the quote).
  // Also fully qualified (`\Hash::make`, `\App\Helper::decrypt`), as PHP code outside a namespace writes them.
  // Also joined with a static call (`'oauth_token='.Horde_Oauth_Utils::urlencode(…)`, `.\App\Url::encode(…)`).
  if (/^(?:\\?[A-Z]\w*\\)*\\?[A-Z][A-Za-z0-9_]*::[A-Za-z_]\w*(?:\(\))?$/.test(value) || /^\.\s*(?:\$[A-Za-z_]|\\?[A-Z]\w*(?:\\[A-Z]\w*)*::[A-Za-z_$])/.test(value)) {
    return 'code expression';
  }
  // A method call with literal arguments (`SecureRandom.hex(128)`, `os.urandom(32)`): a generator run at start-up.
  if (/^[A-Za-z_$][\w$]*(?:(?:::|\.)[A-Za-z_$][\w$]*)+\([\w ,.:'"-]*\)$/.test(value)) return 'code expression';
  // A declared type or a reference to one: Rust's `&ConnectionSecrets` and `&PRIVATE_KEY_OPS`, Swift's optional
  // `SemanticTokenMap?` (`name: Type` read as `name: value`). Two or more capitalised words: one is a password, and
  // so may be words ending in `?` under a password name (`HelloWorld?`).
  if (/^&(?:[A-Z][a-z0-9]+){2,}$|^&[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) || (!/pass|pwd/i.test(name) && /^(?:[A-Z][a-z0-9]+){2,}\?$/.test(value))) {
    return 'type name';
  }
  // Elixir: a function capture (`&Bcrypt.hash_pwd_salt/1`) and a predicate variable (`password_breached: breached?`).
  if (/^&[A-Z]\w*(?:\.[A-Z]\w*)*\.[a-z_]\w*[!?]?\/\d{1,2}$/.test(value) || /^[a-z_][a-z0-9_]*\?$/.test(value)) return 'code expression';
  // An increment or decrement (`++fetchToken`, a counter telling a stale response from the latest).
  if (/^(?:\+\+|--)[A-Za-z_$][\w$.]*$|^[A-Za-z_$][\w$.]*(?:\+\+|--)$/.test(value)) return 'code expression';
  // A double negation turning a value into a boolean (`ret->master_secret = !!master_secret`).
  if (/^!![A-Za-z_$][\w$.]*$/.test(value)) return 'code expression';
  // A host name with a path (`https://$KEY:@api.example.net/v1`, the value read after a variable's `:@`).
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}\/[\w./-]*$/.test(value)) return 'URL or file path';
  // Ruby: a constant path with a method call (`Doorkeeper::AccessToken.create!`), and a method chain ending in a
  // predicate or bang method (`Rails.application.config.self_hosted?`); not under a password name, where
  // `Summer.time.now!` is a human-chosen password.
  if (/^[A-Z]\w*(?:::[A-Z]\w*)+(?:\.[a-z_]\w*[!?]?)*$/.test(value) || (!/pass|pwd/i.test(name) && /^[A-Za-z_]\w*(?:\.[a-z_]\w*){2,}[!?]$/.test(value))) {
    return 'code expression';
  }
  // A PHP class name (`App\Entity\Api\AccessToken`), a route's `controller#action`, a Vue attribute after
  // `type="password" :` (`maxlength=`): names in code, not values.
  // Also with the separators escaped, as a JSON class map writes them (`Shop\\Domain\\Api\\ApiKey`).
  if (/^(?:\\{1,2})?[A-Z]\w*(?:\\{1,2}[A-Z]\w*)+$/.test(value)) return 'class name';
  if (/^[a-z][a-z0-9_]*(?:\/[a-z][a-z0-9_]*)*#[a-z_][a-z0-9_]*[!?]?$/.test(value)) return 'controller action';
  if (/^:?[a-z][a-z0-9-]*=$/.test(value)) return 'markup attribute';
  // Index and constraint names Doctrine and other ORMs generate (`FK_368A…`, `IDX_…`, `UNIQ_…`): a hash of names.
  if (/^(?:FK|IDX|UNIQ|PK|UQ)_[0-9A-F]{8,40}$/i.test(value)) return 'database index name';
  // Validation rules (`required|string|max:255`, Laravel and others): what a password must be, not one.
  // Also cut where code joins in (`'confirmed|'.Setting::rules()`, `'required|notIn:["'.$user->email`).
  if (/^(?:[a-z_]+(?::[\w,.-]*)?\|)+(?:[A-Za-z_]+(?::[\w,.-]*)?)?$/.test(value) && /(?:^|\|)(?:required|nullable|sometimes|confirmed|string)(?:\||$)/.test(value)) {
    return 'validation rules';
  }
  if (/^(?:true|false|null|none|nil|undefined|required|optional|string|secret|password|token)$/i.test(value)) return 'keyword';
  if (value.toLowerCase() === name.toLowerCase()) return 'same as its name';
  // Its own name in another spelling (`variable "app_k8s_secrets" { default = "app-k8s-secrets" }`): the name of a
  // resource, such as the Kubernetes Secret the variable names.
  const bareName = name.slice(name.lastIndexOf('.') + 1).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (bareName.length >= 8 && value.toLowerCase().replace(/[^a-z0-9]/g, '') === bareName) return 'same as its name';
  // A regular expression (`.*$/` of a sed command that rewrites `secret-key: …`): what to replace, not a value.
  if (/^\.[*+]|\.[*+]\$?\/|\(\.[*+]\)/.test(value)) return 'regular expression';
  if (NON_LATIN_LETTER.test(value)) return 'natural-language text';
  // Letters only (a word, a label, a CamelCase identifier) is not what generated credentials look like, also
  // behind a sigil (a lexer's `?InterpolationInTemplate`, compose's `${VAR:?Required}` message). From 16 letters on,
  // not where the case changes at random (`dbcjzfjqjmFpiQIiPHUm`, a generated password a held-out set lost as letters).
  if (/^[?#@!%:]?\p{L}+$/u.test(value) && value.length < 40 && (value.length < 16 || !(randomCase(value) || consonantRun(value)))) return 'letters only';
  // camelCase words of any length (`displayDeleteAccessTokenConfirmationModal`, a handler's name): random letters do
  // not fall into words. Not under a password name, where words in camelCase are a human-chosen password.
  if (!/pass|pwd/i.test(name) && /^[a-z]{2,}(?:[A-Z][a-z]{2,})+$/.test(value)) return 'identifier';
  // Words joined by separators: event names, URNs, constant names (`msal:acquireTokenStart`) and labels in any
  // Latin-script language (`Passwort-Bestätigung`). Closed by sentence punctuation only under a message-like name
  // (`PASSWORD_RESET_DONE = Reset-completed!`): under a plain `password`, `Summer-Time!` is a human-chosen password.
  const labelName = LABEL_NAME.test(name.replace(/([a-z])([A-Z])/g, '$1_$2'));
  const words = labelName ? value.replace(/[.!?:…]+$/u, '') : value;
  // Also a path of words (`secret/data/newrelic:license`, where a vault keeps it): random text is not words.
  const parts = words.split(/[:._/-]/);
  // Under a password name (not a label's), words joined with digits are a passphrase (`Ivory_lantern237_`).
  const passphrase = /pass|pwd/i.test(name) && !labelName && /\d/.test(value);
  if (!passphrase && parts.length >= 2 && parts.every((p) => p.length <= 33 && WORD_PART.test(p)) && /\p{L}{3}/u.test(value)) return 'identifier';
  if (/^[\w.-]+(?:\/[\w.-]+)+\.[A-Za-z0-9]{1,5}$/.test(value)) return 'file path';
  if (/^[A-Za-z][a-z]+(?:[ _-][A-Za-z][a-z]+)*$/.test(value)) return 'plain words';
  // Four or more capitalised words (three of them real words), digits allowed between (`SomeRandomStringOf32CharsExactly`): a description
  // of what to put there. Not under a password name, where words in CamelCase are a human-chosen password.
  if (!/pass|pwd/i.test(name) && /^(?:[A-Z][a-z]{1,15}\d{0,4}){4,}$/.test(value) && (value.match(/[A-Z][a-z]{3,}/g)?.length ?? 0) >= 3) return 'words in CamelCase';
  return undefined;
}

/**
 * For generic rules: a value that is the first word of a sentence. Values cannot hold spaces, so a phrase such as
 * `"Kennwort1 muss Zahlen enthalten"` is cut at its first space; the text after the value on its line shows it:
 * more words inside the same quotes, or (unquoted, as in YAML and properties) only words up to the end of the line.
 * `line` is the line holding the value, which spans `[start, end)`.
 */
export function sentenceContextReason(line: string, start: number, end: number): string | undefined {
  // Only a word starts a sentence (`Kennwort1`, `secret`): a random-looking value followed by words is a command
  // line's argument (`redis-cli -a hZyIX…5hnu FLUSHDB`).
  if (!/^\p{L}[\p{Ll}\p{M}'’-]*\d{0,4}[.,!?:;]?$/u.test(line.slice(start, end))) return undefined;
  const quote = line[start - 1];
  if (quote === '"' || quote === "'" || quote === '`') {
    const close = line.indexOf(quote, end);
    const rest = close < 0 ? line.slice(end) : line.slice(end, close);
    return /^[ \t]+[^\s]/.test(rest) ? 'part of a sentence' : undefined;
  }
  const rest = line.slice(end);
  if (rest.length > 1000) return undefined; // a minified or generated line, not a sentence
  return /^(?:[ \t]+\p{L}[\p{L}\p{N}'’,.!?:;-]*)+[ \t]*$/u.test(rest) ? 'part of a sentence' : undefined;
}

/**
 * For generic rules: an identifier-like value that is the key it is assigned to, in another case
 * (`DeviceIsNotTheOneThatRequestedTheToken = "deviceIsNotTheOneThatRequestedTheToken"`, an enum generated from an API
 * schema). The rule's own name group holds only the word it looks for, so the key is read from `line` before `start`.
 */
export function ownKeyReason(line: string, start: number, end: number): string | undefined {
  const value = line.slice(start, end);
  if (!/^[A-Za-z_][A-Za-z0-9_]{11,}$/.test(value)) return undefined;
  // A function named from the field it fills (`check_private_key_bytes: x25519_check_private_key_bytes`): the key
  // with a prefix or suffix joined by `_`.
  const key = /([A-Za-z_]\w{7,})["']?[ \t]*(?::|=|=>)[ \t]*$/.exec(line.slice(0, start))?.[1]?.toLowerCase();
  const v = value.toLowerCase();
  if (key && v !== key && (v.endsWith(`_${key}`) || v.startsWith(`${key}_`))) return 'spelled from its own key';
  const before = line.slice(0, start).toLowerCase();
  const at = before.lastIndexOf(value.toLowerCase());
  if (at < 0 || /\w/.test(before[at - 1] ?? '') || /\w/.test(before[at + value.length] ?? '')) return undefined;
  return 'spelled from its own key';
}

/**
 * For generic rules: code around a value that is not quoted. A name followed by `(` is a call, the value cut at the
 * parenthesis (Elixir's `System.fetch_env!("…")`, Rust's `signature::KeyPair::from_pkcs8(key)`); a value starting at
 * the second colon of `::` is a path (`ConnectionTrafficSecrets::Chacha20Poly1305 { key, iv }`). `line` holds the value
 * at `[start, end)`.
 */
export function unquotedCodeReason(line: string, start: number, end: number): string | undefined {
  const before = line[start - 1] ?? '';
  if (before === '"' || before === "'" || before === '`') return undefined;
  const value = line.slice(start, end);
  // Also from the global namespace (C++'s `::d2i_PrivateKey_bio(bio, 0)`, PHP's `\sodium_hex2bin(…)`).
  if (line[end] === '(' && /^(?:::|\\)?[A-Za-z_]\w*(?:(?:\.|::|\\)[A-Za-z_]\w*)*[!?]?$/.test(value)) return 'a call';
  // Also a `case` label (`case Token::QuotedString:`).
  if (/^:[A-Za-z_]\w*:?$/.test(value) && /\w:$/.test(line.slice(0, start))) return 'a path';
  return undefined;
}

/**
 * The value without the escapes a string around it adds at its end: `\n`, `\"` or a lone `\` (code kept as text in
 * JSON: a notebook's `"x = response.usage.input_tokens\n"`, a docs dump's `\"x-api-key: $API_KEY\"`), and roff's `\-`
 * in a manual page. Filters judge this; the finding keeps the value as written.
 */
export function withoutTrailingEscapes(value: string): string {
  return value.replace(/(?:\\[nrt"'-]?)+$/, '');
}

/**
 * For generic rules: the key the value is assigned to names a stand-in (`$dummyPassword = '…'`, `fakeToken: …`,
 * `placeholder_secret = …`), read from `line` before the value at `start`.
 */
export function standInKeyReason(line: string, start: number): string | undefined {
  const key = /([A-Za-z_$][\w$-]*)["'\]]?[ \t]*(?::|=|=>|:=)[ \t]*["'`]?$/.exec(line.slice(Math.max(0, start - 200), start))?.[1];
  return key && /(?:^|[^a-z])(?:dummy|fake|placeholder)/i.test(key.replace(/([a-z])([A-Z])/g, '$1_$2')) ? 'its key names a stand-in' : undefined;
}

/**
 * The line ranges of Perl's embedded documentation (POD): from a line starting with `=` and a word (`=head1`,
 * `=pod`, `=item`) to the next `=cut`, or the end of the file. What it holds is documentation, however it is
 * indented. `lineText` reads line `i` of `lineCount`.
 */
export function perlPodBlocks(lineCount: number, lineText: (i: number) => string): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lineCount; i++) {
    if (!/^=[a-zA-Z]/.test(lineText(i)) || /^=cut\b/.test(lineText(i))) continue;
    let k = i + 1;
    while (k < lineCount && !/^=cut\b/.test(lineText(k))) k++;
    out.push([i, k]);
    i = k;
  }
  return out;
}

/** File formats translation catalogues are kept in. */
const CATALOGUE_EXT = /\.(?:json5?|ya?ml|properties|arb|po|pot|strings|stringsdict|xlf|xliff|resx|ftl|toml|ini|lang)$/i;
/** Formats used for nothing but translations. */
const TRANSLATION_ONLY_EXT = /\.(?:arb|po|pot|strings|stringsdict|xlf|xliff|ftl)$/i;
/** Formats whose content is checked for prose. Not YAML: CI workflows and compose files are full of `name: Build and test`. */
const PROSE_CHECKED_EXT = /\.(?:json5?|properties|resx)$/i;
/** Folders that hold translations. */
const CATALOGUE_DIR = /(?:^|\/)(?:i18n|l10n|locales?|lang|langs|languages|translations?|locali[sz]ation)\//i;
/**
 * Language codes (ISO 639-1) for locale-named files such as `de.json`, `zh-CN.json`, `messages_pt_BR.properties`.
 * Codes that are also common config file names (`ca.json` of a certificate authority, `id`, `it`, `is`, `my`,
 * `no`) are left out: such catalogues are still found by folder or content.
 */
const LANGUAGE_CODES =
  'af|am|ar|az|be|bg|bn|bs|cs|cy|da|de|el|en|eo|es|et|eu|fa|fi|fil|fr|ga|gl|gu|he|hi|hr|hu|hy|ja|ka|kk|km|kn|ko|ky|lo|lt|lv|mk|ml|mn|mr|ms|nb|ne|nl|nn|pa|pl|pt|ro|ru|si|sk|sl|sq|sr|sv|sw|ta|te|th|tl|tr|uk|ur|uz|vi|zh';
const LOCALE_FILE = new RegExp(`^(?:(?:messages|strings|translations?|locale|lang|labels|i18n)[_.-])?(?:${LANGUAGE_CODES})(?:[_-][A-Za-z]{2,4}){0,2}\\.[a-z0-9]+$`, 'i');

/**
 * A translation catalogue: a translation format (`.po`, `.xliff`, `.arb`...), Laravel's PHP language files, a catalogue-format file in a
 * translations folder (`i18n/`, `locales/`, `lang/`...) or named after a locale (`de.json`, `messages_fr.properties`),
 * or a JSON/properties file whose values are mostly prose. Its values are labels and sentences, so generic rules
 * (passwords, tokens by name) do not run on it; provider rules still do.
 */
export function translationCatalogReason(path: string, text: string): string | undefined {
  const p = path.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1);
  // Laravel's language files: PHP arrays of strings under `lang/<locale>/` (`resources/lang/pt_BR/auth.php`).
  if (/(?:^|\/)(?:lang|langs|languages|locales?|translations?)\/[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?\/(?:[\w-]+\/)*[\w-]+\.php$/.test(p)) return 'language files folder';
  if (!CATALOGUE_EXT.test(base)) return undefined;
  if (TRANSLATION_ONLY_EXT.test(base)) return 'translation file format';
  if (CATALOGUE_DIR.test(p)) return 'translations folder';
  if (LOCALE_FILE.test(base)) return 'locale file';
  return PROSE_CHECKED_EXT.test(base) && mostlyProse(text) ? 'values are mostly prose' : undefined;
}

/**
 * Prose: text in a non-Latin script, or two or more words (letters, perhaps closed by punctuation) that start with
 * a capital, end a sentence or carry diacritics. Commands such as `npm run build` are not prose.
 */
function isProse(value: string): boolean {
  if (NON_LATIN_LETTER.test(value)) return true;
  const words = value.trim().split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^(?:\p{L}[\p{L}'’-]*|\d+)[,.!?:;…]?$/u.test(w))) return false;
  return /^\p{Lu}/u.test(value) || /[.!?…]$/.test(value) || /[\u00C0-\u024F]/.test(value);
}

/** True when at least 6 `key: value` strings are found and half or more of them are prose. Reads at most 200 KB. */
function mostlyProse(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let values = 0;
  let prose = 0;
  for (const line of sample.split('\n')) {
    const m = /^\s*["']?[\w.$@-]{1,200}["']?\s*[:=]\s*(.*)$/.exec(line);
    if (!m) continue;
    let v = m[1]!.trim().replace(/,$/, '').trimEnd();
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) v = v.slice(1, -1);
    else if (v === '' || /^["'{[]/.test(v)) continue;
    if (/^(?:-?\d+(?:\.\d+)?|true|false|null)$/.test(v)) continue;
    values++;
    if (isProse(v)) prose++;
  }
  return values >= 6 && prose * 2 >= values;
}

/** Long lines and few of them: a minified or generated file. */
export function looksMinified(text: string, lineCount: number): boolean {
  return text.length > 10_000 && text.length / Math.max(1, lineCount) > 1_000;
}
