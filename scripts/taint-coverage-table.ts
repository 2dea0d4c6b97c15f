/**
 * Generates docs/taint-coverage.md (classes x frameworks x fixes, fixture counts, known gaps) and
 * docs/rules/taint.md (one section per rule) from the rule files and their fixtures, so the docs cannot drift.
 * Usage: node --import tsx scripts/taint-coverage-table.ts [--check]   (--check: exit 1 if the docs are stale)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { findFixtures, parseAnnotations } from '../test/rules/rule-fixtures';
import { TAINT_LANGUAGE_LABELS } from '../server/src/engine/languages';
import { loadTaintRuleSet } from '../server/src/engine/taint/rule-set';
import type { TaintRuleSpec } from '../server/src/engine/taint/rule-schema';
import { INPUT_KINDS } from '../server/src/engine/taint/input-kind';

const root = join(__dirname, '..');
const rulesDir = join(root, 'rules', 'taint');
const { set, errors } = loadTaintRuleSet(rulesDir);
if (errors.length) {
  for (const e of errors) console.error(`${e.source}: ${e.message}`);
  process.exit(1);
}

/** Vulnerability class of a rule id: its second segment (`js.sqli.string-query` -> `sqli`). */
const classOf = (id: string): string => id.split('.')[1] ?? id;
const CLASS_NAMES: Record<string, string> = {
  sqli: 'SQL injection',
  nosqli: 'NoSQL injection',
  cmdi: 'OS command injection',
  'path-traversal': 'Path traversal',
  xss: 'Cross-site scripting',
  ssrf: 'Server-side request forgery',
  'open-redirect': 'Open redirect',
  'code-injection': 'Code injection',
  deserialization: 'Unsafe deserialization',
  ssti: 'Server-side template injection',
  xxe: 'XML external entities',
  ldapi: 'LDAP injection',
  xpathi: 'XPath injection',
  'regex-injection': 'Regular expression injection',
  'prototype-pollution': 'Prototype pollution',
  'log-injection': 'Log injection',
  'weak-crypto': 'Weak cryptography (hash, random)',
  tls: 'TLS verification disabled',
  cookies: 'Insecure cookies',
  jwt: 'JWT verification off',
  cors: 'Permissive CORS with credentials',
  debug: 'Debug mode on',
  'trust-boundary': 'Trust boundary violation',
  'header-injection': 'HTTP response header injection',
};
const FRAMEWORKS: Record<string, string> = {
  'js-request': 'Express, Koa, Fastify, Hapi (any `(req, ...)` route or middleware callback; Hapi route objects `{ method, path, handler }`); multer disk-storage `filename`/`destination` callbacks; NestJS (`@Query()`, `@Body()`, `@Param()`, `@Headers()`, `@Req()`); routing-controllers (`@QueryParam()`, `@Body()`, `@Req()`…); AdonisJS (`HttpContext`); Next.js route handlers and `getServerSideProps`; Remix loaders and actions; Socket.IO and ws messages; AWS Lambda, Google Cloud Functions, Cloudflare Workers',
  'js-browser': 'Browser DOM (location, document, postMessage); Vue Router, React Router and Next.js client router hooks',
  'java-request': 'Servlet API (`HttpServletRequest` getters); Spring MVC (`@RequestParam`, `@PathVariable`, `@RequestHeader`, `@CookieValue`, `@RequestBody`, `@RequestPart`, and unannotated handler parameters); JAX-RS (`@QueryParam`, `@PathParam`, `@FormParam`, `@HeaderParam`, `@CookieParam`, `@BeanParam`); Micronaut (`@QueryValue`, `@Body`, `@Header`); Quarkus RESTEasy Reactive (`@RestQuery`, `@RestPath`, `@RestForm`, `@RestHeader`); Javalin (`Context`); Spark Java (`Request`); Vert.x Web (`RoutingContext`); Spring WebFlux (`ServerRequest`); Servlet multipart parts',
  'java-archive-entry': 'archive entry names (`java.util.zip`, `java.util.jar`, Commons Compress: zip slip)',
  'js-archive-entry': 'archive entry names (adm-zip, yauzl, unzipper, tar-stream, node-stream-zip: zip slip)',
  'go-archive-entry': 'archive entry names (`archive/zip`, `archive/tar`: zip slip)',
  'go-request': 'net/http (`*http.Request` handlers), gorilla/mux `mux.Vars`, chi `chi.URLParam`, Gin (`*gin.Context`), Echo (`echo.Context`), Fiber (`*fiber.Ctx`), Iris (`iris.Context`), Beego controllers, httprouter (`httprouter.Params`), AWS Lambda HTTP events (aws-lambda-go `events`)',
  'py-request': 'Flask, Django (views whatever the request is called, class-based views), Django REST framework, FastAPI / Starlette, Litestar, BlackSheep, Robyn, Tornado, aiohttp, Pyramid, Bottle, Falcon, Sanic, CherryPy, web.py (request objects, route and view parameters); plain WSGI applications (the client keys of `environ`, a `Request(environ)`); AWS Lambda, Google Cloud Functions',
};
const FIX_NAMES: Record<string, string> = {
  'parameterize-sql': 'parameterised query (`?` / `$1` / `%s` + params)',
  'exec-to-execfile': '`exec` -> `execFile` with an argv array',
  'shell-false': '`shell=True` -> argument list',
  'path-containment': 'resolve + stay-under-root check',
  'html-escape': 'HTML escaping (`textContent` for DOM sinks)',
  'relative-redirect': 'redirect restricted to relative paths',
  'yaml-safe-load': '`yaml.load` -> `yaml.safe_load`',
  'end-of-options': '`"--"` (git log/show/diff: `--end-of-options`) before the input',
};

interface Counts {
  ruleid: number;
  ok: number;
  todoruleid: number;
  todook: number;
  files: Set<string>;
}
const counts = new Map<string, Counts>();
const gaps: { ruleId: string; kind: string; where: string; why: string }[] = [];
for (const file of findFixtures(rulesDir)) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split(/\r?\n/);
  for (const a of parseAnnotations(text)) {
    const c = counts.get(a.ruleId) ?? { ruleid: 0, ok: 0, todoruleid: 0, todook: 0, files: new Set() };
    c[a.kind]++;
    c.files.add(relative(root, file));
    counts.set(a.ruleId, c);
    if (a.kind === 'todoruleid' || a.kind === 'todook') {
      // The explanation is the comment above the annotation, when there is one.
      let i = a.line - 1;
      while (i >= 0 && /(todoruleid|todook):/.test(lines[i]!)) i--;
      const why = i >= 0 && /^\s*(\/\/|#)/.test(lines[i]!) ? lines[i]!.replace(/^\s*(\/\/|#)\s*/, '') : '';
      gaps.push({ ruleId: a.ruleId, kind: a.kind, where: `${relative(root, file)}:${a.line + 1}`, why: why || lines[a.line]!.trim() });
    }
  }
}

const lang = (r: TaintRuleSpec): string => TAINT_LANGUAGE_LABELS[r.languages[0]!];
/** The language columns of the per-class table, in the table's order. */
const LANGS = [...new Set(Object.values(TAINT_LANGUAGE_LABELS))];
/** The sink APIs of a rule, as written: `$DB.query($Q, ...)` -> `$DB.query()`. */
const libraries = (r: TaintRuleSpec): string[] => {
  const out = new Set<string>();
  // A pattern rule's "sinks" are its patterns: shown whole, they are short.
  for (const c of r.patterns) out.add(c.pattern);
  for (const s of r.sinks) {
    if (/^return\b/.test(s.pattern)) {
      out.add(`return from ${s.inHandler?.join(' / ') ?? 'a function'}`);
      continue;
    }
    const callee = s.pattern.replace(/^new\s+/, '').split(/[(=]/)[0]!.trim();
    const shown = callee;
    // An object literal's key (`{$H: $V}`) is shown whole: it is neither a call nor an assignment.
    out.add(s.pattern.includes('(') ? `${shown}()` : s.pattern.includes('=') ? `${shown} =` : s.pattern);
  }
  return [...out];
};

const byClass = new Map<string, TaintRuleSpec[]>();
for (const r of set.rules) byClass.set(classOf(r.id), [...(byClass.get(classOf(r.id)) ?? []), r]);

const coverage: string[] = [
  '# Taint analysis coverage',
  '',
  '<!-- Generated by scripts/taint-coverage-table.ts from rules/taint; do not edit by hand. -->',
  '',
  'Each row is one rule. Fixture counts come from the `ruleid:` (must fire), `ok:` (must stay quiet),',
  '`todoruleid:` (known false negative) and `todook:` (known false positive) annotations in `rules/taint/**/*.fixture.*`;',
  '`npm run test:rules` checks them, and checks every preferred fix against the `.fixed.` file beside the fixture.',
  '',
  'The Frameworks column lists the sources reported at the default strictness. At audit strictness (`--strictness audit`,',
  '`vigil.strictness`) every taint rule also reports, at low severity with messages starting `Audit:`, flows from its',
  '`audit-sources`, flows through unknown functions, flows from the parameters of exported functions (JS/TS `export` and',
  '`module.exports`/`exports.x`, Python public module-level functions, Java public methods, Go capitalised functions), and',
  'any sink whose argument is not a constant and that no traced source reaches ("non-constant argument (no source traced)").',
  '',
  'Library input is also reported at the default strictness, by its own rules (`js.cmdi.library-input-shell`,',
  '`js.code-injection.library-input`, `py.cmdi.library-input-shell`, `py.code-injection.library-input`; rule key',
  '`library-input: true`, sinks `constructed: true`), at medium severity: a parameter of a function the package exports',
  '(JS/TS `export`, `module.exports`/`exports.x` and the names they list, methods of exported classes and prototypes;',
  'Python public functions and public methods of public classes, not in a `__main__` script or a test) built into a',
  'shell command or code with constant text of its own (concatenation, template or f-string, `%`/`format`, a `join` of',
  'a list literal). A parameter run whole (`run(cmd) { exec(cmd) }`), or named as a command line, is what such a',
  'function is for and stays audit-only; request input at the same sink is the request rule\'s finding.',
  '',
  '| Class | CWE | Lang | Rule | Frameworks (sources) | Sinks | Fix | ruleid | ok | todo |',
  '|---|---|---|---|---|---|---|---|---|---|',
];
const totals = new Map<string, { ruleid: number; ok: number; todo: number }>();
for (const [cls, rules] of [...byClass].sort()) {
  for (const r of rules.sort((a, b) => a.id.localeCompare(b.id))) {
    const c = counts.get(r.id);
    const fw = r.kind === 'pattern' ? 'none needed (pattern rule)' : r.sources.map((s) => (typeof s === 'string' ? FRAMEWORKS[s] ?? s : `\`${s.pattern}\``)).join('; ');
    const fix = r.fix ? FIX_NAMES[r.fix.strategy] ?? r.fix.strategy : r.patterns.some((c) => c.replace) ? 'safe value (e.g. `verify=True`)' : r.patterns.some((c) => c.insertBefore) ? 'safe setting inserted before the use' : 'suppress only';
    coverage.push(
      `| ${CLASS_NAMES[cls] ?? cls} | ${r.cwe.join(', ')} | ${lang(r)} | [\`${r.id}\`](rules/taint.md#${r.id.toLowerCase().replace(/[^a-z0-9_-]/g, '')}) | ${fw} | ${libraries(r).map((l) => `\`${l}\``).join(', ')} | ${fix} | ${c?.ruleid ?? 0} | ${c?.ok ?? 0} | ${(c?.todoruleid ?? 0) + (c?.todook ?? 0)} |`,
    );
    const key = `${cls}\u0000${lang(r)}`;
    const t = totals.get(key) ?? { ruleid: 0, ok: 0, todo: 0 };
    t.ruleid += c?.ruleid ?? 0;
    t.ok += c?.ok ?? 0;
    t.todo += (c?.todoruleid ?? 0) + (c?.todook ?? 0);
    totals.set(key, t);
  }
}
coverage.push('', '## Fixture counts per class', '', `| Class | ${LANGS.map((l) => `${l} ruleid / ok`).join(' | ')} | Known gaps |`, `|---|${LANGS.map(() => '---|').join('')}---|`);
for (const cls of [...byClass.keys()].sort()) {
  const per = LANGS.map((l) => totals.get(`${cls}\u0000${l}`));
  const cell = (t: { ruleid: number; ok: number } | undefined): string => (t ? `${t.ruleid} / ${t.ok}` : 'n/a (class does not exist there)');
  coverage.push(`| ${CLASS_NAMES[cls] ?? cls} | ${per.map(cell).join(' | ')} | ${per.reduce((n, t) => n + (t?.todo ?? 0), 0)} |`);
}
coverage.push('', '## Known gaps (`todoruleid` = missed, `todook` = false alarm)', '');
for (const g of gaps.sort((a, b) => a.where.localeCompare(b.where))) coverage.push(`- \`${g.kind}\` \`${g.ruleId}\` at \`${g.where}\`: ${g.why}`);
coverage.push(
  '',
  'Limits of the analysis itself (by design, for speed as you type):',
  '',
  '- Closures see the variables of the enclosing function as they are where the closure is defined (not where it runs),',
  '  and what a closure assigns to one of them (JavaScript, Go `=`) is added to it there (it may have run by any later read);',
  '  callbacks of iteration methods (`forEach`, `map`, `then`...) and comprehension variables receive the taint of what they iterate,',
  '  and a substitution\'s callback (`s.replace(re, (m, g) => …)`, `PATTERN.sub(lambda m: …, s)`, `re.sub(p, fn, s)`) that of its string.',
  '- Object fields are tracked within one function (`obj.a` vs `obj.b`), not across methods of a class (`self.x`).',
  '- Function summaries are computed to a fixpoint of at most five rounds; longer helper chains inside one file are cut there.',
  '- Calls are resolved by name: plain functions of the file, `this.m()` / `self.m()`, `obj.m()` when the method name is unique in the file,',
  '  and functions of other files when the workspace scan provides their summaries (JS/TS/Python: relative imports; Java: classes',
  '  by import, wildcard import, same package or full name, receivers by declared class; Go: the same package, module-local imports).',
  '- Sources are matched by name (`req.query`, `request.args`) and by framework callback shape; a request object passed under another',
  '  name outside a route callback is not recognised.',
  '',
);

const doc: string[] = [
  '# Taint rules',
  '',
  '<!-- Generated by scripts/taint-coverage-table.ts from rules/taint; do not edit by hand. -->',
  '',
  'Taint rules follow untrusted data (a *source*, e.g. `req.query.id`) through assignments, string building, function calls',
  'and returns into a dangerous API (a *sink*, e.g. `db.query(...)`), unless a *sanitizer* (e.g. `parseInt`, an allow-list',
  'check, `html.escape`) cleans it on the way. Each finding carries the trace from source to sink. See',
  '[the coverage table](../taint-coverage.md) for classes, frameworks, fixes and fixture counts.',
  '',
  '## Writing your own rules',
  '',
  'Add rules under `customRules.taint` in `.vigil.yml`. They use the same format as the built-in rules in `rules/taint/`:',
  '',
  '```yaml',
  'customRules:',
  '  taint:',
  '    - id: js.sqli.legacy-orm          # lower-case, dots and dashes',
  '      name: SQL injection (legacy ORM)',
  '      languages: [javascript, typescript] # or [python]',
  '      severity: critical                # critical | high | medium | low | info',
  '      cwe: [CWE-89]',
  '      message: "$SOURCE flows into a raw ORM query ($SINK)"',
  '      sources: [js-request]             # shared names (js-request, js-browser, py-request) or patterns',
  '      audit-sources: [js-process-input] # optional: only at --strictness audit (argv, env, files, DB reads)',
  '      sanitizers: [js-coercion, { pattern: "orm.quote(...)" }, { pattern: "$LIST.includes($X)", guard: $X }]',
  '      sinks:',
  '        - { pattern: "orm.unsafeQuery($Q, ...)", focus: $Q }',
  '      fix: parameterize-sql            # optional: a built-in fix strategy',
  '```',
  '',
  'Patterns are code in the target language: `$X` binds any expression (the same text on reuse), `...` matches any',
  'number of arguments, strings compare by value, object/dict patterns match a subset of keys, and imported names',
  'match their module path in every form: `child_process.exec` matches `cp.exec` after `const cp = require("child_process")`,',
  '`require("child_process").exec`, `import { exec as run }`, `const run = cp.exec`, `util.promisify(cp.exec)`, and',
  '`os.system` matches `importlib.import_module("os").system`; `fs.$OP` matches `rf` after `import { readFile as rf }`',
  'with `$OP` standing for `readFile`; `fs/promises` is `fs.promises`; package names with dashes use underscores:',
  '`js_yaml.load`. `where: { $M: "^(get|post)$" }` constrains a metavariable\'s text. A sanitizer with `guard: $X` is a',
  'condition: `$X` is clean where it holds; with `guard-unless: $X` it is a deny-list check (`$X === "__proto__"`), clean',
  'where it fails (after `if (check) return;`); with `asserts: true` the guard\'s call raises where it fails',
  '(`$P.relative_to($ROOT)` raises ValueError), so as a statement of its own it holds after it. A sanitizer or guard',
  'may take `if-bound` as a sink does: it applies only where the text bound to the metavariable, or the value its',
  'local was last assigned (or a module constant\'s), matches (`$V.origin` after `const url = new URL(req.url)`,',
  '`u.startswith(TRUSTED)` of a tuple of fixed hosts). A propagator with `raises: [$X]` is a call that raises on bad input with',
  '`$X` in the message (`int($X, ...)`): the handler of a `try` around it (`except ValueError as e`) holds its taint, and',
  '`quotes: repr` says the message quotes it as `repr` does (clean where `repr(...)` is a sanitizer: log injection).',
  'A propagator with `state-pair: true` returns a `[value, setter]` pair (React\'s `useState`): destructured, what the',
  'setter is called with later, in the function or in a callback defined there, is the value\'s (only a source\'s data',
  'or the function\'s own variables: a callback\'s parameter is not followed). Propagators may give a `mark`',
  '(`path.resolve(...)` gives `normalized`);',
  'a guard with `requires-mark: normalized` (or a list) cleans only flows carrying those marks, and a guard with',
  '`mark: relative` gives its mark where it holds instead of cleaning, so several checks in a row can add up to one',
  '(`path.isAbsolute(p)` then `p.startsWith("..")`). Marks survive a call when the function returns the value marked',
  'on every path (in the file and across files). A guard with `table: $T` holds only when `$T` is a table the program',
  'wrote: a collection literal or comprehension (never a string), in place or as a name\'s value, and not input',
  '(`Object.hasOwn($T, $X)`, Python `$X in $T`). A sanitizer that is no guard with `untainted: [$A]` applies only where',
  '`$A` holds no input nor a parameter\'s value (`$A + "?" + $X`: a query after what is not input keeps a redirect on',
  'this site); one with `marked: $P` and `requires-mark: [dotless]` applies only where every flow of `$P` carries',
  'those marks (`filepath.Join(root, p)` after `strings.Contains(p, "..")` was seen false, a guard with `mark: dotless`).',
  'One with `not-after: <regex>` does not clean where the text before the call in the expressions around it (a template',
  'string, an f-string, a concatenation) matches, and passes its input on there: an HTML escaper whose result begins an',
  '`href="…"` value leaves `javascript:alert(1)` as it is.',
  'A sink can also be a handler\'s `return $X`: `in-handler: [flask-view]` limits',
  'it to those framework handlers, `reflected: true` skips values that are not the input as text (JSON data such as',
  'dict/list literals, `jsonify` or parsed JSON; file contents; a variable last assigned one), and `unless-text: <regex>` skips sinks whose text matches',
  '(an explicit `mimetype="text/plain"`); `unless-value: <regex>` skips a sink whose focus, or the value a local variable',
  'holding it was last assigned, matches it (jQuery `$(location.hash)`: a selector), and `if-value: <regex>` keeps only a sink',
  'whose focus or such a value matches (`subprocess.run(cmd)` after `cmd = ["git", "clone", url]`); `argv-options: true` marks a program\'s argument',
  'list (or one word of it): only the words the program may read as an option count, not an option\'s value (`-m msg`), not what follows `--`, not a',
  'word starting with constant text that is no option (`"refs/heads/" + b`); the facts per program are in `server/src/engine/taint/program-options.ts`;',
  '`unless-bound: { $M: <regex> }` does the same',
  'for another metavariable (a receiver `ctx` last assigned `js2py.EvalJs()` runs JavaScript, not SQL), and `if-bound: { $M: <regex> }`',
  'keeps only a sink where it matches (`items.find(q)` after `items = await itemsCollection()`); `root-import:',
  '{ $J: <regex> }` keeps a sink only where the name at the root of `$J`\'s call and member chain is not imported or is',
  'imported from a module matching (jQuery\'s `$`, not a project\'s own `import $ from \'./dom\'`); `after-text: <regex>` keeps only sinks whose function\'s own text before them',
  'matches (Fiber\'s `c.SendString(x)` after `c.Type("html")`); `unless-before: { matching: <regex>, safe: <regex> }` lets the nearest',
  'statement before the sink on every path to it (in its block or a block around it, in the same function) that matches',
  '`matching` decide: the sink is skipped when that statement matches `safe` (a content type set to text/plain on the',
  'statement before `res.send(x)`; the last one set wins, one set inside an `if` or a loop on the way keeps the sink).',
  'A source with `into: $X` is a call that fills its argument `$X` with the',
  'input instead of returning it (Gin `c.ShouldBindJSON(&req)`): the variable holds user input from the call on.',
  'A source or sink with `requires-import: [modules]` applies only in a file importing one of them: a bare',
  '`request.headers` is a server request in a web framework\'s file and an HTTP client\'s outgoing request elsewhere;',
  '`db.get(q)` is a SQL query next to `sqlite3` and a JSON store\'s lookup next to lowdb.',
  'In a sink pattern, an object/dict, call or `new` also matches a variable holding one: its last assignment in the',
  'function, or a module-level name assigned once (`spawn(cmd, opts)` after `const opts = { shell: true }`,',
  '`s.get(url)` after `s = requests.Session()`, `fromstring(x, PARSER)` with a module-level `PARSER`).',
  'A handler spec (`handlers:` in a sources file) with `clean-fields: [name]` names attributes the framework fills',
  'itself on the values it passes: Gradio\'s uploaded file\'s `.name` is the path it saved the upload under in its own',
  'cache, so `file.name` (or an element\'s, `files[0].name`) read off a handler\'s input, in the handler or in a function',
  'it calls (in the file or another), is no input; `file.orig_name`, the client\'s name, still is.',
  'Unknown keys are rejected with the rule id and the key; a broken rule is',
  'reported and the others keep running.',
  '',
  '`audit-sources` (same forms as `sources`) are lower-confidence inputs used only at audit strictness',
  '(`--strictness audit`, `vigil.strictness`), where calls to functions Vigil does not know also pass data through;',
  'those findings are reported at low severity with messages starting `Audit:`. The shared lists `js-process-input`',
  'and `py-process-input` hold process arguments, the environment, stdin, file reads and database reads;',
  '`java-process-input` holds `System.getenv`, `System.getProperty` and the `args` of `main(String[] args)`.',
  '`go-process-input` holds `os.Args`, the `flag` package and the environment.',
  'Audit strictness also takes, for every taint rule, the parameters of exported functions as sources and reports',
  'any sink whose argument is not a constant and that no traced source reaches (see `--strictness` in [cli.md](../cli.md)).',
  '',
  'Each source says what kind of input it is with `input:`, so a finding\'s trace words it and its priority ranks it',
  '(`properties.input`): a shared source list may be written `{ input: <kind>, patterns: [...] }`, and a pattern may give',
  'its own (`{ pattern: "db.find(...)", input: stored }`); a handler spec\'s parameters are `request` unless it says',
  'otherwise. A source with no kind is reported as untrusted input of no known kind. The kinds:',
  '',
  ...Object.entries(INPUT_KINDS).map(([k, v]) => `- \`${k}\`: ${v.doc}.`),
  '',
  'A rule with `kind: pattern` needs no source: every match of one of its `patterns` is a finding, unless a',
  '`pattern-not` matches the same code. A clause can name the finding\'s `focus`, check that options are set',
  '(`missing: [secure, httpOnly]`: a finding when one is absent or false, looked up in a call\'s keyword or',
  'object-literal arguments or an object literal; `cookie.secure` looks inside `cookie`; `$MISSING` in the message',
  'lists them), and offer a safe fix (`replace: { $V: "True" }`). `paths: { include: [globs], exclude: [globs] }`',
  'limits the rule to some files (Django settings modules). `$NAME` in the message is a metavariable\'s text.',
  '`scope-has: [patterns]` / `scope-lacks: [patterns]` ask about the function around the match (the innermost one',
  'that assigns the names the clause bound, else the top-level statement, a class in Java), with the clause\'s',
  'metavariables standing for the same code: `$F.newDocumentBuilder()` with `scope-lacks: [\'$F.setFeature($K, true)\']`',
  'is reported only for a factory `$F` never configured there. `insert-before: <statement>` is a fix that adds that',
  'statement (metavariables filled in) on its own line above the statement holding the match. A clause with',
  '`requires-import: [modules]` / `unless-import: [modules]` applies only in files that import / do not import one of',
  'them (Starlette\'s `set_cookie` defaults `samesite` to `lax`, so only `secure` and `httponly` can be missing there).',
  '`check: <name>` asks a structural check of the language module about each match, for what a pattern cannot say:',
  'JavaScript has `unsafe-merge` (the match\'s `$T[$K]` is written in a loop over a parameter\'s keys that recurses',
  'into `$T[$K]`, with no refusal of `__proto__`) and `unsafe-path-assignment` (`$T` walks a path from a parameter,',
  '`$T = $T[part]`, and `$T[$K] = $V` writes the last part, with no refusal of `__proto__`, `constructor` and',
  '`prototype`). A name the module lacks is a rule-load error.',
  '',
  '```yaml',
  '    - id: py.tls.custom-client',
  '      kind: pattern',
  '      languages: [python]',
  '      severity: high',
  '      cwe: [CWE-295]',
  '      message: "TLS verification is off"',
  '      patterns:',
  '        - { pattern: "myhttp.get(..., insecure=$V, ...)", focus: $V, where: { $V: "^True$" }, replace: { $V: "False" } }',
  '```',
  '',
  `Fix strategies: ${Object.keys(FIX_NAMES).map((k) => `\`${k}\``).join(', ')}. Every finding also offers a`,
  '`vigil-ignore <rule-id> -- <reason>` suppression.',
  '',
  'Optional fields for the rule\'s details page (the editor\'s "Show rule details" and the SARIF `help`), in every',
  'pack: `explanation` (why it matters, markdown), `example: { bad, good }` (a vulnerable and a fixed snippet),',
  '`owasp: [A03:2021]` (OWASP Top 10 2021 codes) and `references` (https URLs).',
  '',
];
for (const r of [...set.rules].sort((a, b) => a.id.localeCompare(b.id))) {
  const c = counts.get(r.id);
  doc.push(
    `## ${r.id}`,
    '',
    `**${r.name}** (${r.cwe.join(', ')}, ${r.severity}, ${r.languages.join(' / ')})`,
    '',
    r.description,
    '',
    ...(r.kind === 'pattern'
      ? [
          `- Pattern rule (no source needed): ${r.patterns.map((c) => `\`${c.pattern}\`${c.missing ? ` without ${c.missing.map((k) => `\`${k}\``).join(' / ')}` : ''}`).join(', ')}`,
          ...(r.patternNot.length ? [`- Not when: ${r.patternNot.map((c) => `\`${c.pattern}\``).join(', ')}`] : []),
          ...(r.paths ? [`- Paths: ${r.paths.include.map((g) => `\`${g}\``).join(', ') || 'all'}${r.paths.exclude.length ? `, except ${r.paths.exclude.map((g) => `\`${g}\``).join(', ')}` : ''}`] : []),
          ...(r.patterns.some((c) => c.scopeHas || c.scopeLacks) ? [`- In the same function: ${r.patterns.flatMap((c) => [...(c.scopeHas ?? []).map((p) => `with \`${p.pattern}\``), ...(c.scopeLacks ?? []).map((p) => `without \`${p.pattern}\``)]).filter((v, i, a) => a.indexOf(v) === i).join(', ')}`] : []),
          ...(r.patterns.some((c) => c.insertBefore) ? [`- Fix: inserts ${r.patterns.flatMap((c) => (c.insertBefore ? [`\`${c.insertBefore}\``] : [])).filter((v, i, a) => a.indexOf(v) === i).join(', ')} before the use`] : []),
          ...(r.patterns.some((c) => c.insertBefore) && !r.patterns.some((c) => c.replace) ? [] : [`- Fix: ${r.patterns.some((c) => c.replace) ? `sets the safe value (${r.patterns.flatMap((c) => Object.values(c.replace ?? {})).filter((v, i, a) => a.indexOf(v) === i).map((v) => `\`${v}\``).join(', ')})` : 'none automatic; suppression with a reason'}`]),
        ]
      : [
          `- Sources: ${r.sources.map((s) => (typeof s === 'string' ? `\`${s}\`` : `\`${s.pattern}\``)).join(', ')}`,
          `- Sinks: ${r.sinks.map((s) => `\`${s.pattern}\``).join(', ')}`,
          `- Sanitizers: ${r.sanitizers.length ? r.sanitizers.map((s) => (typeof s === 'string' ? `\`${s}\`` : `\`${s.pattern}\``)).join(', ') : 'none (no input is safe here)'}`,
          `- Fix: ${r.fix ? FIX_NAMES[r.fix.strategy] : 'none automatic; suppression with a reason'}`,
        ]),
    `- Fixtures: ${[...(c?.files ?? [])].map((f) => `\`${basename(f)}\``).join(', ')} (${c?.ruleid ?? 0} ruleid, ${c?.ok ?? 0} ok)`,
    '',
  );
}

const outputs: [string, string][] = [
  [join(root, 'docs', 'taint-coverage.md'), coverage.join('\n')],
  [join(root, 'docs', 'rules', 'taint.md'), doc.join('\n')],
];
let stale = false;
for (const [path, text] of outputs) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing: stale
  }
  if (current === text) continue;
  stale = true;
  if (!process.argv.includes('--check')) {
    writeFileSync(path, text);
    console.log(`wrote ${relative(root, path)}`);
  } else console.error(`${relative(root, path)} is out of date: run node --import tsx scripts/taint-coverage-table.ts`);
}
if (stale && process.argv.includes('--check')) process.exitCode = 1;
