/**
 * The taint rule format, in two phases: raw YAML objects are validated into typed specs here (unknown keys and
 * wrong types are rejected with a message naming the rule and the key); patterns are compiled later, per
 * grammar, in `compiled-rules.ts`.
 *
 * A rules file may hold any of these top-level keys:
 *   sources / sanitizers: named, shareable lists of patterns (referenced by name from rules)
 *   propagators:          calls through which taint passes (per language)
 *   handlers:             framework callbacks whose parameters are user input (Express routes, Flask views, ...)
 *   rules:                the taint rules, and pattern rules (`kind: pattern`): weaknesses that need no source,
 *                         such as a weak hash on a password or TLS verification turned off
 */
import { compileRuleRegex } from '../regex-guard';
import { parseRuleDocs, RULE_DOC_KEYS, type RuleDocs } from '../rule-docs';
import { parseSeverity, type Severity } from '../types';

import { TAINT_LANGUAGES, type TaintLanguage } from '../languages';
import { INPUT_KINDS, isInputKind, type InputKind } from './input-kind';

export { TAINT_LANGUAGES, type TaintLanguage };

/** A code pattern with optional metavariable constraints. */
export interface PatternSpec {
  /** Snippet in the target language; `$X` metavariables, `...` for any arguments. */
  pattern: string;
  /** Regular expressions the text bound to a metavariable must match, e.g. `{ $VERB: '^(get|post)$' }`. */
  where?: Record<string, string>;
}

/** A source: an expression whose value is user input. */
export interface SourceSpec extends PatternSpec {
  /** How the trace and message name it; defaults to the matched code. */
  label?: string;
  /**
   * What kind of input it is (request, page, archive, process, stored, library; see `input-kind.ts`); in a shared
   * source set, the set's `input` unless the entry gives its own. None: untrusted input of no known kind.
   */
  input?: InputKind;
  /**
   * A metavariable bound to an argument the call fills with the input, instead of returning it (Gin
   * `c.ShouldBindJSON(&req)`, Fiber `c.BodyParser(&req)`): that variable holds user input from the call on.
   */
  into?: string;
  /**
   * The source applies only in a file importing one of these modules (or a submodule): a pattern on a generic name
   * (`request.headers`) is a server's request in a web framework's file, and an HTTP client's outgoing request
   * elsewhere (pip's cachecontrol).
   */
  requiresImport?: string[];
}

/** A sink: a call or assignment whose `focus` metavariable must not receive tainted data. */
export interface SinkSpec extends PatternSpec {
  /** Metavariable(s) bound to the dangerous argument(s). */
  focus: string[];
  /** Words for the message, e.g. "a SQL query"; defaults to the rule's. */
  what?: string;
  /**
   * Only inside functions that are these framework handlers (a view's `return $X` is its response; a bare
   * `return $X` sink also matches an expression-bodied handler's body).
   */
  inHandler?: string[];
  /**
   * The focus must carry the input as text: not data the framework sends as JSON (a dict/list literal or
   * comprehension, a tuple, parsed JSON, `jsonify`/`dict()`/`.to_dict()`), nor file contents or digests
   * (`.read()`, `.read_text()`, `.hexdigest()`), directly or through a local variable last assigned one. A Flask
   * view returning a str sends HTML; returning a dict sends JSON.
   */
  reflected?: boolean;
  /** A regular expression: the sink is safe when its text matches (an explicit `mimetype="text/plain"`). */
  unlessText?: string;
  /**
   * A regular expression: the sink applies only when its function's text before it matches (Fiber's
   * `c.SendString(x)` sends HTML only after `c.Type("html")`).
   */
  afterText?: string;
  /**
   * YAML `unless-before: { matching, safe }`, two regular expressions: the nearest statement run before the sink on
   * every path to it (an earlier statement of its block, or of a block around it, in the same function) whose text
   * matches `matching` decides: the sink is skipped when that statement also matches `safe`. A compound statement
   * (an `if`, a loop) matching `matching` on the way keeps the sink: it may or may not have run. For a response's
   * content type set on its own statement (`res.type("text/plain")`, then `res.send(x)`), the last setting winning.
   */
  unlessBefore?: { matching: string; safe: string };
  /**
   * The sink does not apply in a file importing one of these modules: the method name belongs to another library
   * there (a Sequelize file's `Model.findOne` is not a MongoDB query).
   */
  unlessImport?: string[];
  /**
   * The sink applies only in a file importing one of these modules: a method matched by its receiver's name
   * (`db.get`) is a SQL query with a SQL driver imported, and a JSON store's or cache's lookup elsewhere (lowdb).
   */
  requiresImport?: string[];
  /**
   * The sink does not apply when the focus is an object literal (directly, or through a local variable last
   * assigned one) with one of these top-level keys: `{ where: … }` is ORM finder options, not a MongoDB filter.
   */
  unlessKeys?: string[];
  /**
   * The focus must be the input taken whole (`updateOne(q, req.body)`), not an object or array literal built
   * around it (`{ $set: { name: req.body.name } }`), directly or through a local variable last assigned one.
   */
  wholeValue?: boolean;
  /**
   * YAML `argv-options`: the focus is a program's argument list (or one word of it); only the words the program may
   * read as an option count (program-options.ts): not an option's value (`-m msg`), not after `--`, not a word
   * starting with constant text that is no option (`'refs/heads/' + b`).
   */
  argvOptions?: boolean;
  /**
   * YAML `unless-value`, a regular expression: the sink does not apply when the focus's text matches it, directly or
   * through a local variable last assigned such a value (`$(location.hash)`: a string starting with `#` is a
   * selector for jQuery, never markup). Only the whole value: `location.hash.slice(1)` does not match.
   */
  unlessValue?: string;
  /**
   * YAML `if-value`, a regular expression: the sink applies only when the focus's text matches it, directly or
   * through a local variable last assigned such a value (`subprocess.run(cmd)` after `cmd = ["git", "clone", url]`:
   * an argument list naming its program first).
   */
  ifValue?: string;
  /**
   * YAML `unless-bound`, metavariable to regular expression: the sink does not apply when the text bound to the
   * metavariable, or the value a local variable holding it was last assigned (or a module constant's), matches (`ctx.execute(x)` after
   * `ctx = js2py.EvalJs()` runs JavaScript, not SQL). Unlike `where`, it looks through the variable.
   */
  unlessBound?: Record<string, string>;
  /**
   * YAML `if-bound`, metavariable to regular expression: the sink applies only when the text bound to the
   * metavariable, or the value a local variable holding it was last assigned (or a module constant's), matches (`items.find(q)` after
   * `items = await itemsCollection()` is a MongoDB collection's find, not an array's).
   */
  ifBound?: Record<string, string>;
  /**
   * YAML `root-import`, metavariable to regular expression: the sink applies only when the name at the root of the
   * node bound to the metavariable (itself, or the leftmost name of its call and member chain) is not imported, or is
   * imported from a module whose canonical name matches (`$(html)` is jQuery's global or an import of `jquery`, not
   * the project's own `import $ from './dom'`).
   */
  rootImport?: Record<string, string>;
  /**
   * YAML `constructed: true` (`library-input` rules only): the sink reports flows from exported functions'
   * parameters, and only when the value is a string built around one with a constant part of its own (`'date -s ' +
   * d`, a template or f-string with text, `%` / `.format` / `util.format` of a literal, a `join` of a list holding
   * a literal), on every path. A parameter passed whole (`run(cmd) { exec(cmd) }`) is what such a function is for;
   * request input is the request rules' to report.
   */
  constructed?: boolean;
  /**
   * YAML `template: $V`: a render call of a server-side template (`res.render('page', ctx)`), `$V` its name. The
   * sink is each context value the template (or a template it includes or extends) prints without escaping: the
   * focus is the context (an object or dict, or one keyword argument `name=value`), and only its keys printed raw
   * count. The template is looked up in the workspace's view folders (the language's `templateFolders`); a name
   * not found there, or not a constant, is no sink. `$V` may also be a path of constants (`path.join(__dirname,
   * 'views', 'a.ejs')`), or a template loaded by name (`env.get_template('a.html')`, through locals: the language's
   * `templateLoaders`), or compiled from a file read by path (`compile(fs.readFileSync(p))`).
   */
  template?: string;
  /**
   * YAML `unescaped-environment: $E`, with `template`: the template is rendered by the environment `$E` (seen
   * through locals and module values; when `$E` is the template and it was loaded by a `templateLoaders` call, that
   * call's receiver), which prints every plain `{{ x }}` raw unless it was made with `autoescape=` other than False
   * (Jinja2's `Environment()` does not escape by default). Raw tags are sinks whatever the environment.
   */
  unescapedEnvironment?: string;
}

/** A sanitizer: a call that returns clean data, or a guard condition that makes `subject` clean where it holds. */
export interface SanitizerSpec extends PatternSpec {
  /** For guards (allow-list checks): the metavariable made clean in the branch where the condition is true. */
  guard?: string;
  /**
   * YAML `requires-mark` (one mark or a list), for guards and `marked` sanitizers: the guard cleans only flows that
   * carry these marks (see `PropagatorSpec.mark`), e.g. a path prefix check holds only for a normalized path:
   * `a/../../etc` still starts with `a`. Flows from the unit's parameters are cleaned when they lack only marks no
   * guard gives (a propagator's, which their callers may have applied); a mark a guard gives is known in this unit.
   */
  requiresMark?: string[];
  /**
   * YAML `mark`, guards only: where the guard holds, the subject's flows gain this mark instead of being cleaned
   * (one check of several that together make it clean: `path.isAbsolute(p)` false is `relative`).
   */
  mark?: string;
  /**
   * YAML `table: $T`, guards only: the guard holds only when `$T` is a table the program wrote: a collection literal
   * or comprehension (not a string), written in place or the value of a name, and not input.
   */
  table?: string;
  /**
   * The guard is a deny-list check (YAML `guard-unless: $K`, e.g. `$K === '__proto__'`): `guard` is clean where the
   * condition is false (after `if (check) return;`), not where it holds.
   */
  guardUnless?: boolean;
  /**
   * YAML `asserts: true`, guards only: the check is a call that raises where it fails (`p.relative_to(root)` raises
   * ValueError), so as a statement of its own it holds after it, as an `assert` of it would.
   */
  asserts?: boolean;
  /**
   * YAML `untainted: [$A]`, not for guards: the sanitizer applies only where the values bound to these metavariables
   * carry no taint (`$A + "?" + $X` keeps a redirect on this site only when `$A` is not input).
   */
  untainted?: string[];
  /**
   * YAML `marked: $P` with `requires-mark`, not for guards: the sanitizer applies only where every flow of `$P`
   * carries those marks (`path.join(root, p)` contains `p` only once a guard saw it has no `..`: `dotless`).
   */
  marked?: string;
  /**
   * YAML `if-bound`, metavariable to regular expression: as a sink's `if-bound`, the sanitizer (or guard) applies
   * only where the text bound there, or the value the local holding it was last assigned (or a module constant's),
   * matches (`url.origin` after `const url = new URL(req.url)`: the request's own URL; `u.startswith(ALLOWED)` of a
   * tuple of fixed hosts).
   */
  ifBound?: Record<string, string>;
  /**
   * YAML `not-after`, a regular expression, not for guards: the sanitizer does not apply where the text before the
   * call in the expressions enclosing it (a template string, an f-string, a concatenation; up to three levels up)
   * matches. An HTML escaper whose result begins an `href="…"` value leaves a `javascript:` URL as it is.
   */
  notAfter?: string;
}

/** A propagator: a call whose result carries the taint of its arguments (`path.join(...)`). */
export interface PropagatorSpec extends PatternSpec {
  /** Metavariables whose taint flows to the result; every argument when omitted. */
  from?: string[];
  /** A mark the result's flows carry from here on (`normalized` for `path.resolve(...)`), for `requires-mark` guards. */
  mark?: string;
  /**
   * Metavariables whose text the exception the call raises on bad input quotes in its message (`int("x")` raises
   * `invalid literal for int() with base 10: 'x'`): a handler's `except E as e` / `catch (e)` holds their taint.
   * Without `from`, the call only raises: its result does not carry them.
   */
  raises?: string[];
  /** The function the message applies to what it quotes (`repr`): where that is a sanitizer, the raise adds nothing. */
  quotes?: string;
  /**
   * YAML `state-pair`: the call returns a `[value, setter]` pair (React's `useState`). Destructured into two names,
   * what the setter is called with afterwards, in the function or in a callback defined there, flows into the value.
   */
  statePair?: boolean;
}

/** A framework callback whose parameters hold user input. */
export interface HandlerSpec {
  id: string;
  languages: TaintLanguage[];
  /**
   * A registration call; the function bound to `$HANDLER` is the handler: an argument (Express `app.get(path, fn)`)
   * or an entry's value in an object-literal argument (Hapi `server.route({ method, path, handler: fn })`).
   */
  call?: PatternSpec;
  /**
   * YAML `entry-of`: an object literal the function is an entry's value of, wherever the object is (Hapi route
   * configs `{ method, path, handler }` in an exported array, registered elsewhere); `$HANDLER` binds the function.
   */
  entryOf?: PatternSpec;
  /**
   * With `call`: `$HANDLER` may also be the name of a module-level function of the same file, registered by that
   * name anywhere in it (Gradio `btn.click(save, inputs, outputs)` inside a UI-building function).
   */
  byName?: boolean;
  /**
   * YAML `this-request`: the handler's `this` stands for the request under `alias` (Total.js controllers, whose
   * actions read `this.query`, `this.body` and answer with `this.redirect(…)`). Read through a `var self = this`
   * copy; `this` itself is no variable to the pattern matcher (it would cost every JS edit).
   */
  thisRequest?: boolean;
  /**
   * YAML `clean-params`: parameters by these names are the framework's own, injected by name and never input
   * (FastHTML's `session`, `auth`, `htmx`; Slack Bolt's `ack`, `say`, `client`), whatever `params` says.
   */
  cleanParams?: string[];
  /** A decorator expression on the handler (Flask `@app.route(...)`, FastAPI `@app.get(...)`). */
  decorator?: PatternSpec;
  /** The handler's first parameter must have this name (Django views take `request`). */
  firstParamNamed?: string;
  /** The handler's leading parameters must have these names (AWS Lambda: `event, context`). */
  paramNames?: string[];
  /**
   * The handler is an entry point of its module: `exports.x = fn`, `export function`, `export const x = fn`, a
   * method of the default export (`export default { fetch() {} }`); Python: a public module-level function.
   */
  exported?: boolean;
  /**
   * Parameters carrying a decorator that matches this pattern are user input (NestJS `@Query()`, `@Body('name')`);
   * the handler is any function with such a parameter. With `alias`, they are request objects under that name
   * instead (`@Req() req`).
   */
  paramDecorator?: PatternSpec;
  /**
   * YAML `param-type`: a regular expression a parameter's declared type must match (Javalin's `Context`, Vert.x's
   * `RoutingContext`); the handler is any function with such a parameter, which stands for the request under
   * `alias` (or is user input itself without one). For languages whose annotations name no request type.
   */
  paramType?: string;
  /** The handler function has one of these names (Cloudflare Workers: `fetch`; Next.js route handlers: `GET`, `POST` …). */
  functionNamed?: string[];
  /**
   * YAML `class-base`: a regular expression one of the base classes of the handler method's class must match, by
   * its last name (`BaseHTTPRequestHandler` of `http.server.BaseHTTPRequestHandler`): every method of a request
   * handler's class, its helpers too, and no other class of the file.
   */
  classBase?: string;
  /** The file must import this module. */
  requiresImport?: string;
  /** YAML `directive`: the function's body starts with this directive (a Next.js server action: `'use server'`). */
  directive?: string;
  /** YAML `file-directive`: with `exported`, the module starts with this directive (a `'use server'` file's exports). */
  fileDirective?: string;
  /** YAML `path`: a regular expression the file's path must match (`(^|/)app/(.+/)?page\.[jt]sx?$`, Next.js pages). */
  path?: string;
  /** Which parameters are user input themselves: all, all but the first, or none. */
  params: 'all' | 'rest' | 'none';
  /**
   * YAML `input-param`: with `params: none`, the one parameter that is user input itself, whole or destructured
   * (a GraphQL resolver's `args`, the second of `(parent, args, context, info)`).
   */
  inputParam?: number;
  /** Index of the request-object parameter, matched by source patterns under the name `alias`. */
  requestParam?: number;
  alias?: string;
  /** Parameters annotated with these types are not user-controlled strings (FastAPI coerces `id: int`). */
  safeTypes: string[];
  /** Parameters whose default is a call to one of these are injected by the framework (FastAPI `Depends`). */
  safeDefaults: string[];
  /**
   * YAML `bound-annotations`, with `params: all`: the annotations a parameter may carry and still be bound from the
   * request (`Valid`); one with any other annotation is the framework's to fill (Spring's `@AuthenticationPrincipal`,
   * `@Value`) or another handler's (`@RequestParam`), not input here.
   */
  boundAnnotations?: string[];
  /**
   * YAML `input-types`, with `params: all` or `rest`: a regular expression a declared parameter type must match to
   * be input (Litestar reads query, path, header and cookie parameters of plain types and injects a parameter of
   * any other type by its name); an untyped parameter, or one named in `input-names` (Litestar's body, `data`),
   * is input whatever its type.
   */
  inputTypes?: string;
  /** YAML `input-names`: with `input-types`, parameters that are input whatever their declared type. */
  inputNames?: string[];
  /**
   * YAML `clean-args`, with `param-decorator`: a regular expression; a parameter whose decorator has an argument
   * matching it holds no free text (NestJS's `@Param('id', ParseUUIDPipe)`: the pipe converts or refuses the value).
   */
  cleanArgs?: string;
  /**
   * YAML `clean-fields`: attributes the framework fills itself on the values it passes (Gradio's uploaded file:
   * `.name` is the path it chose in its own cache), so `param.name`, or an element's, is no input.
   */
  cleanFields?: string[];
  /** YAML `input`: the kind of input its parameters are (default `request`; `page` for a browser router's callback). */
  input?: InputKind;
}

/** Names a fix strategy implemented in TypeScript, with its options. */
export interface FixSpec {
  strategy: FixStrategy;
  /** SQL placeholder style for `parameterize-sql`: `?`, `$1` or `%s`. */
  placeholder?: '?' | '$1' | '%s';
}

export const FIX_STRATEGIES = [
  'parameterize-sql',
  'exec-to-execfile',
  'shell-false',
  'path-containment',
  'html-escape',
  'relative-redirect',
  'yaml-safe-load',
  'end-of-options',
] as const;
export type FixStrategy = (typeof FIX_STRATEGIES)[number];

/**
 * One clause of a pattern rule (`kind: pattern`): code that is a finding by itself, wherever it occurs.
 */
export interface PatternClauseSpec extends PatternSpec {
  /** Metavariable whose node is the finding's range; the whole match when omitted. */
  focus?: string;
  /**
   * Keys that must be set: the match is a finding only when one of them is absent or set to a false literal
   * (`false`, `False`, `None`, `0`). Keys are looked up in the matched node: a call's keyword arguments (Python)
   * and object-literal arguments (JS), or an object/dict literal's keys; `cookie.secure` looks inside the value
   * of `cookie`. When the keys cannot be known (a `**kwargs` or `...spread`, an options variable) it is no finding.
   * The message's `$MISSING` names the keys that are not set.
   */
  missing?: string[];
  /** A safe quick fix: each named metavariable's node is replaced with this text (`{ $V: 'True' }`). */
  replace?: Record<string, string>;
  /**
   * The match is a finding only when its scope holds a match of one of these, the clause's metavariables standing
   * for the same text (`Yaml $V = new Yaml()` only when the scope calls `$V.load(...)`). The scope is the innermost
   * function around the match that assigns the bound names (`x =`), else the top-level statement holding it.
   */
  scopeHas?: PatternSpec[];
  /** The match is no finding when its scope (as for `scopeHas`) holds a match of one of these (`$F.setFeature(...)`). */
  scopeLacks?: PatternSpec[];
  /** YAML `requires-import`: the clause applies only in a file importing one of these modules. */
  requiresImport?: string[];
  /** YAML `unless-import`: the clause does not apply in a file importing one of these (a framework with safe defaults). */
  unlessImport?: string[];
  /**
   * A safe quick fix: this statement, metavariables replaced by their text, inserted on its own line before the
   * statement holding the match, at its indentation (`$F.setFeature("…disallow-doctype-decl", true);`).
   */
  insertBefore?: string;
  /**
   * A structural check the language module provides (`LanguageModule.structuralChecks`): a match is a finding only
   * when it holds, for what a pattern cannot say (a loop over a parameter's keys that recurses into the target).
   * A name no module of the rule's languages provides is a rule-load error.
   */
  check?: string;
}

/** Which paths a pattern rule runs on: globs matched against the file's path (`**\/settings*.py`). */
export interface PathFilter {
  include: string[];
  exclude: string[];
}

/** A validated taint rule. */
export interface TaintRuleSpec {
  /**
   * `taint` (the default): findings are flows from `sources` to `sinks`. `pattern`: findings are matches of
   * `patterns` (minus `pattern-not`), with no source; `sources`, `sinks`, `sanitizers` and `propagators` are
   * then not allowed.
   */
  kind: 'taint' | 'pattern';
  /** Unique id, `<lang>.<class>.<variant>`, e.g. `js.sqli.string-query`. */
  id: string;
  /** Short name, e.g. "SQL injection". */
  name: string;
  description: string;
  languages: TaintLanguage[];
  severity: Severity;
  /** CWE ids, `CWE-89`. */
  cwe: string[];
  /** Message with `$SOURCE` (the source in words) and `$SINK` (the sink call) placeholders. */
  message: string;
  /** Documentation link; defaults to the rule's section in docs/rules/taint.md. */
  docs?: string;
  /** Shared source names and/or inline patterns. */
  sources: (string | SourceSpec)[];
  /**
   * Lower-confidence sources (process arguments, environment, files, database reads), used only at audit
   * strictness (`--strictness audit`, `vigil.strictness`); same forms as `sources`.
   */
  auditSources: (string | SourceSpec)[];
  /**
   * YAML `library-input: true`: the parameters of the package's exported functions are also this rule's sources, at
   * every strictness (a library's callers are out of sight). Every sink must then say `constructed: true`, so only
   * a string built from such a parameter is reported, never a parameter run as given.
   */
  libraryInput?: boolean;
  sinks: SinkSpec[];
  sanitizers: (string | SanitizerSpec)[];
  propagators: PropagatorSpec[];
  /** The rule only runs on files importing one of these modules (e.g. `child_process`). */
  requiresImport: string[];
  fix?: FixSpec;
  /** Pattern rules: any clause matching is a finding. */
  patterns: PatternClauseSpec[];
  /** Pattern rules: a match that one of these also matches (at the same node) is no finding. */
  patternNot: PatternSpec[];
  /** Pattern rules: only files whose path matches (e.g. Django settings modules). */
  paths?: PathFilter;
  /** Why it matters, examples, OWASP category, references (`explanation`, `example`, `owasp`, `references`). */
  ruleDocs?: RuleDocs;
}

/** Everything one rules file defines. */
export interface TaintRuleFile {
  sources: Map<string, SourceSpec[]>;
  sanitizers: Map<string, SanitizerSpec[]>;
  propagators: { languages: TaintLanguage[]; spec: PropagatorSpec }[];
  handlers: HandlerSpec[];
  rules: TaintRuleSpec[];
}

/**
 * A validation problem: where (rule id, and `path`, the YAML path of the item it is in, e.g. `['rules', 3]`) and
 * what to do about it. The loader turns it into a `RuleLoadError` with the range of that item.
 */
export interface SchemaError {
  ruleId?: string;
  message: string;
  path?: readonly (string | number)[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Problems {
  readonly list: SchemaError[] = [];
  /** The YAML path of the item being validated, recorded on each problem. */
  at: readonly (string | number)[] | undefined;
  /** Validating a custom rule (from the workspace config). Every rule's regexes must run on the linear-time engine. */
  constructor(readonly custom = false) {}
  add(ruleId: string | undefined, message: string): void {
    this.list.push({ ...(ruleId === undefined ? {} : { ruleId }), message, ...(this.at ? { path: this.at } : {}) });
  }
}

function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const a of allowed) {
    const d = editDistance(key, a);
    if (d < bestScore) {
      bestScore = d;
      best = a;
    }
  }
  return bestScore <= 3 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function checkKeys(obj: Obj, allowed: readonly string[], where: string, ruleId: string | undefined, p: Problems): void {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    const hint = closest(key, allowed);
    p.add(ruleId, `${where}: unknown key \`${key}\`${hint ? ` (did you mean \`${hint}\`?)` : ''}; allowed keys: ${allowed.join(', ')}`);
  }
}

function str(obj: Obj, key: string, where: string, ruleId: string | undefined, p: Problems, required: boolean): string | undefined {
  const v = obj[key];
  if (v === undefined) {
    if (required) p.add(ruleId, `${where}: \`${key}\` is required`);
    return undefined;
  }
  if (typeof v !== 'string' || v.trim() === '') {
    p.add(ruleId, `${where}: \`${key}\` must be a non-empty string`);
    return undefined;
  }
  return v;
}

function strList(v: unknown, where: string, ruleId: string | undefined, p: Problems): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
    p.add(ruleId, `${where} must be a list of non-empty strings`);
    return undefined;
  }
  return v as string[];
}

function languages(v: unknown, where: string, ruleId: string | undefined, p: Problems): TaintLanguage[] | undefined {
  const list = strList(v, `${where}: \`languages\``, ruleId, p);
  if (!list) return undefined;
  if (list.length === 0) p.add(ruleId, `${where}: \`languages\` must name at least one of ${TAINT_LANGUAGES.join(', ')}`);
  for (const l of list) {
    if (!(TAINT_LANGUAGES as readonly string[]).includes(l)) {
      p.add(ruleId, `${where}: language \`${l}\` is not supported; use ${TAINT_LANGUAGES.join(', ')}`);
      return undefined;
    }
  }
  return list as TaintLanguage[];
}

function whereClause(v: unknown, where: string, ruleId: string | undefined, p: Problems): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    p.add(ruleId, `${where}: \`where\` must map metavariables to regular expressions, e.g. { $VERB: '^(get|post)$' }`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [k, re] of Object.entries(v)) {
    if (!/^\$[A-Z_][A-Z0-9_]*$/.test(k)) p.add(ruleId, `${where}: \`where\` key \`${k}\` is not a metavariable like $NAME`);
    else if (typeof re !== 'string') p.add(ruleId, `${where}: \`where.${k}\` must be a regular expression string`);
    else {
      try {
        compileRuleRegex(re);
        out[k] = re;
      } catch (e) {
        p.add(ruleId, `${where}: \`where.${k}\` ${(e as Error).message}`);
      }
    }
  }
  return out;
}

const metavarsIn = (pattern: string): Set<string> => new Set(pattern.match(/\$[A-Z_][A-Z0-9_]*/g) ?? []);

function patternSpec(v: unknown, where: string, ruleId: string | undefined, p: Problems, extra: readonly string[]): (PatternSpec & Obj) | undefined {
  if (typeof v === 'string') return v.trim() ? { pattern: v } : (p.add(ruleId, `${where}: empty pattern`), undefined);
  if (!isObj(v)) {
    p.add(ruleId, `${where} must be a pattern string or an object with \`pattern\``);
    return undefined;
  }
  checkKeys(v, ['pattern', 'where', ...extra], where, ruleId, p);
  const pattern = str(v, 'pattern', where, ruleId, p, true);
  if (!pattern) return undefined;
  const w = whereClause(v.where, where, ruleId, p);
  const mv = metavarsIn(pattern);
  for (const k of Object.keys(w ?? {})) if (!mv.has(k)) p.add(ruleId, `${where}: \`where\` names ${k}, which the pattern does not use`);
  return { ...v, pattern, ...(w ? { where: w } : {}) };
}

function sourceSpec(v: unknown, where: string, ruleId: string | undefined, p: Problems): SourceSpec | undefined {
  const s = patternSpec(v, where, ruleId, p, ['label', 'into', 'requires-import', 'input']);
  if (!s) return undefined;
  const label = isObj(v) ? str(v, 'label', where, ruleId, p, false) : undefined;
  const input = isObj(v) ? inputKind(v.input, where, ruleId, p) : undefined;
  const into = isObj(v) ? str(v, 'into', where, ruleId, p, false) : undefined;
  if (into && !metavarsIn(s.pattern).has(into)) p.add(ruleId, `${where}: \`into\` ${into} must be a metavariable of the pattern`);
  const requiresImport = isObj(v) && v['requires-import'] !== undefined ? strList(v['requires-import'], `${where}: \`requires-import\``, ruleId, p) : undefined;
  return {
    pattern: s.pattern,
    ...(s.where ? { where: s.where } : {}),
    ...(label ? { label } : {}),
    ...(input ? { input } : {}),
    ...(into ? { into } : {}),
    ...(requiresImport?.length ? { requiresImport } : {}),
  };
}

/** YAML `input`: one of the input kinds, or absent. */
function inputKind(v: unknown, where: string, ruleId: string | undefined, p: Problems): InputKind | undefined {
  if (v === undefined) return undefined;
  if (isInputKind(v)) return v;
  p.add(ruleId, `${where}: \`input\` must be one of ${Object.keys(INPUT_KINDS).join(', ')}`);
  return undefined;
}

function sanitizerSpec(v: unknown, where: string, ruleId: string | undefined, p: Problems): SanitizerSpec | undefined {
  const s = patternSpec(v, where, ruleId, p, ['guard', 'guard-unless', 'requires-mark', 'mark', 'table', 'untainted', 'marked', 'asserts', 'if-bound', 'not-after']);
  if (!s) return undefined;
  const guard = isObj(v) ? str(v, 'guard', where, ruleId, p, false) : undefined;
  if (guard && !metavarsIn(s.pattern).has(guard)) p.add(ruleId, `${where}: \`guard\` ${guard} must be a metavariable of the pattern`);
  const unless = isObj(v) ? str(v, 'guard-unless', where, ruleId, p, false) : undefined;
  if (unless && !metavarsIn(s.pattern).has(unless)) p.add(ruleId, `${where}: \`guard-unless\` ${unless} must be a metavariable of the pattern`);
  if (guard && unless) p.add(ruleId, `${where}: \`guard\` and \`guard-unless\` exclude each other`);
  const subject = guard ?? unless;
  const requiresMark = isObj(v) && v['requires-mark'] !== undefined ? strList(v['requires-mark'], `${where}: \`requires-mark\``, ruleId, p) : undefined;
  const marked = isObj(v) ? str(v, 'marked', where, ruleId, p, false) : undefined;
  if (marked && subject) p.add(ruleId, `${where}: \`marked\` applies to sanitizers that are not guards`);
  if (marked && !metavarsIn(s.pattern).has(marked)) p.add(ruleId, `${where}: \`marked\` ${marked} must be a metavariable of the pattern`);
  if (marked && !requiresMark?.length) p.add(ruleId, `${where}: \`marked\` needs \`requires-mark\`: the marks every flow of ${marked} must carry`);
  if (requiresMark && !subject && !marked) p.add(ruleId, `${where}: \`requires-mark\` applies to guards, or with \`marked\`: add \`guard\` or \`marked\``);
  const mark = isObj(v) ? str(v, 'mark', where, ruleId, p, false) : undefined;
  if (mark && !subject) p.add(ruleId, `${where}: \`mark\` applies to guards only: add \`guard\``);
  const table = isObj(v) ? str(v, 'table', where, ruleId, p, false) : undefined;
  if (table && !subject) p.add(ruleId, `${where}: \`table\` applies to guards only: add \`guard\``);
  if (table && !metavarsIn(s.pattern).has(table)) p.add(ruleId, `${where}: \`table\` ${table} must be a metavariable of the pattern`);
  const ifBound = isObj(v) ? boundRegexes(v, 'if-bound', metavarsIn(s.pattern), where, ruleId, s.pattern, p) : undefined;
  const asserts = isObj(v) ? v['asserts'] : undefined;
  if (asserts !== undefined && typeof asserts !== 'boolean') p.add(ruleId, `${where}: \`asserts\` must be true or false`);
  if (asserts === true && (!guard || unless)) p.add(ruleId, `${where}: \`asserts\` applies to guards only (\`guard\`, not \`guard-unless\`)`);
  const untainted = isObj(v) && v['untainted'] !== undefined ? strList(v['untainted'], `${where}: \`untainted\``, ruleId, p) : undefined;
  if (untainted?.length && subject) p.add(ruleId, `${where}: \`untainted\` applies to sanitizers that are not guards`);
  for (const mv of untainted ?? []) if (!metavarsIn(s.pattern).has(mv)) p.add(ruleId, `${where}: \`untainted\` ${mv} must be a metavariable of the pattern`);
  let notAfter = isObj(v) ? str(v, 'not-after', where, ruleId, p, false) : undefined;
  if (notAfter !== undefined && subject) p.add(ruleId, `${where}: \`not-after\` applies to sanitizers that are not guards`);
  if (notAfter !== undefined) {
    try {
      compileRuleRegex(notAfter);
    } catch (e) {
      p.add(ruleId, `${where}: \`not-after\` ${(e as Error).message}`);
      notAfter = undefined;
    }
  }
  return {
    pattern: s.pattern,
    ...(s.where ? { where: s.where } : {}),
    ...(subject ? { guard: subject } : {}),
    ...(unless && !guard ? { guardUnless: true } : {}),
    ...((subject || marked) && requiresMark?.length ? { requiresMark } : {}),
    ...(!subject && marked ? { marked } : {}),
    ...(subject && mark ? { mark } : {}),
    ...(subject && table ? { table } : {}),
    ...(guard && !unless && asserts === true ? { asserts: true as const } : {}),
    ...(!subject && untainted?.length ? { untainted } : {}),
    ...(ifBound && Object.keys(ifBound).length ? { ifBound } : {}),
    ...(!subject && notAfter !== undefined ? { notAfter } : {}),
  };
}

function propagatorSpec(v: unknown, where: string, ruleId: string | undefined, p: Problems, extra: readonly string[] = []): PropagatorSpec | undefined {
  const s = patternSpec(v, where, ruleId, p, ['from', 'mark', 'raises', 'quotes', 'state-pair', ...extra]);
  if (!s) return undefined;
  const from = isObj(v) && v.from !== undefined ? strList(v.from, `${where}: \`from\``, ruleId, p) : undefined;
  for (const f of from ?? []) if (!metavarsIn(s.pattern).has(f)) p.add(ruleId, `${where}: \`from\` ${f} must be a metavariable of the pattern`);
  const mark = isObj(v) ? str(v, 'mark', where, ruleId, p, false) : undefined;
  const raises = isObj(v) && v.raises !== undefined ? strList(v.raises, `${where}: \`raises\``, ruleId, p) : undefined;
  for (const f of raises ?? []) if (!metavarsIn(s.pattern).has(f)) p.add(ruleId, `${where}: \`raises\` ${f} must be a metavariable of the pattern`);
  const quotes = isObj(v) ? str(v, 'quotes', where, ruleId, p, false) : undefined;
  if (quotes !== undefined && !raises) p.add(ruleId, `${where}: \`quotes\` needs \`raises\` (it says how the raised message quotes them)`);
  const statePair = isObj(v) ? v['state-pair'] : undefined;
  if (statePair !== undefined && typeof statePair !== 'boolean') p.add(ruleId, `${where}: \`state-pair\` must be true or false`);
  return {
    pattern: s.pattern,
    ...(s.where ? { where: s.where } : {}),
    ...(from ? { from } : {}),
    ...(mark ? { mark } : {}),
    ...(raises ? { raises } : {}),
    ...(quotes ? { quotes } : {}),
    ...(statePair === true ? { statePair: true } : {}),
  };
}

function sinkSpec(v: unknown, where: string, ruleId: string | undefined, p: Problems): SinkSpec | undefined {
  if (!isObj(v)) {
    p.add(ruleId, `${where} must be an object with \`pattern\` and \`focus\` (the metavariable holding the dangerous value)`);
    return undefined;
  }
  const s = patternSpec(v, where, ruleId, p, ['focus', 'what', 'in-handler', 'reflected', 'unless-text', 'after-text', 'unless-import', 'requires-import', 'unless-keys', 'whole-value', 'argv-options', 'unless-value', 'if-value', 'unless-bound', 'if-bound', 'root-import', 'constructed', 'template', 'unescaped-environment', 'unless-before']);
  if (!s) return undefined;
  if (v.focus === undefined) {
    p.add(ruleId, `${where}: \`focus\` is required: name the metavariable that must not be tainted, e.g. focus: $Q`);
    return undefined;
  }
  const focus = strList(v.focus, `${where}: \`focus\``, ruleId, p);
  if (!focus) return undefined;
  const mv = metavarsIn(s.pattern);
  for (const f of focus) if (!mv.has(f)) p.add(ruleId, `${where}: \`focus\` ${f} is not a metavariable of \`${s.pattern}\``);
  const what = str(v, 'what', where, ruleId, p, false);
  const inHandler = v['in-handler'] === undefined ? undefined : strList(v['in-handler'], `${where}: \`in-handler\``, ruleId, p);
  if (v['reflected'] !== undefined && typeof v['reflected'] !== 'boolean') p.add(ruleId, `${where}: \`reflected\` must be true or false`);
  const unlessText = str(v, 'unless-text', where, ruleId, p, false);
  const unlessImport = v['unless-import'] === undefined ? undefined : strList(v['unless-import'], `${where}: \`unless-import\``, ruleId, p);
  const requiresImport = v['requires-import'] === undefined ? undefined : strList(v['requires-import'], `${where}: \`requires-import\``, ruleId, p);
  const unlessKeys = v['unless-keys'] === undefined ? undefined : strList(v['unless-keys'], `${where}: \`unless-keys\``, ruleId, p);
  if (v['whole-value'] !== undefined && typeof v['whole-value'] !== 'boolean') p.add(ruleId, `${where}: \`whole-value\` must be true or false`);
  if (v['argv-options'] !== undefined && typeof v['argv-options'] !== 'boolean') p.add(ruleId, `${where}: \`argv-options\` must be true or false`);
  if (v['constructed'] !== undefined && typeof v['constructed'] !== 'boolean') p.add(ruleId, `${where}: \`constructed\` must be true or false`);
  const unlessValue = str(v, 'unless-value', where, ruleId, p, false);
  const ifValue = str(v, 'if-value', where, ruleId, p, false);
  const afterText = str(v, 'after-text', where, ruleId, p, false);
  let unlessBefore: { matching: string; safe: string } | undefined;
  if (v['unless-before'] !== undefined) {
    const ub = v['unless-before'];
    const at = `${where}: \`unless-before\``;
    if (!isObj(ub)) p.add(ruleId, `${at} must be { matching, safe }, two regular expressions`);
    else {
      checkKeys(ub, ['matching', 'safe'], at, ruleId, p);
      const matching = str(ub, 'matching', at, ruleId, p, true);
      const safe = str(ub, 'safe', at, ruleId, p, true);
      if (matching && safe) unlessBefore = { matching, safe };
    }
  }
  const unlessBound = boundRegexes(v, 'unless-bound', mv, where, ruleId, s.pattern, p);
  const ifBound = boundRegexes(v, 'if-bound', mv, where, ruleId, s.pattern, p);
  const rootImport = boundRegexes(v, 'root-import', mv, where, ruleId, s.pattern, p);
  const template = str(v, 'template', where, ruleId, p, false);
  if (template !== undefined && !mv.has(template)) p.add(ruleId, `${where}: \`template\` ${template} is not a metavariable of \`${s.pattern}\``);
  const unescapedEnvironment = str(v, 'unescaped-environment', where, ruleId, p, false);
  if (unescapedEnvironment !== undefined && (!template || !mv.has(unescapedEnvironment))) p.add(ruleId, `${where}: \`unescaped-environment\` must be a metavariable of the pattern, with \`template\``);
  for (const [key, re] of [['unless-text', unlessText], ['unless-value', unlessValue], ['if-value', ifValue], ['after-text', afterText], ['unless-before.matching', unlessBefore?.matching], ['unless-before.safe', unlessBefore?.safe]] as const) {
    if (!re) continue;
    try {
      compileRuleRegex(re);
    } catch (e) {
      p.add(ruleId, `${where}: \`${key}\` ${(e as Error).message}`);
    }
  }
  return {
    pattern: s.pattern, focus,
    ...(s.where ? { where: s.where } : {}),
    ...(what ? { what } : {}),
    ...(inHandler ? { inHandler } : {}),
    ...(v['reflected'] === true ? { reflected: true } : {}),
    ...(unlessText ? { unlessText } : {}),
    ...(afterText ? { afterText } : {}),
    ...(unlessBefore ? { unlessBefore } : {}),
    ...(unlessImport?.length ? { unlessImport } : {}),
    ...(requiresImport?.length ? { requiresImport } : {}),
    ...(unlessKeys?.length ? { unlessKeys } : {}),
    ...(v['whole-value'] === true ? { wholeValue: true } : {}),
    ...(v['argv-options'] === true ? { argvOptions: true } : {}),
    ...(unlessValue ? { unlessValue } : {}),
    ...(ifValue ? { ifValue } : {}),
    ...(unlessBound && Object.keys(unlessBound).length ? { unlessBound } : {}),
    ...(ifBound && Object.keys(ifBound).length ? { ifBound } : {}),
    ...(rootImport && Object.keys(rootImport).length ? { rootImport } : {}),
    ...(v['constructed'] === true ? { constructed: true } : {}),
    ...(template ? { template } : {}),
    ...(unescapedEnvironment ? { unescapedEnvironment } : {}),
  };
}

/** A sink's map of metavariables to regular expressions (`unless-bound`, `if-bound`, `root-import`), checked. */
function boundRegexes(v: Record<string, unknown>, key: string, mv: ReadonlySet<string>, where: string, ruleId: string | undefined, pattern: string, p: Problems): Record<string, string> | undefined {
  if (v[key] === undefined) return undefined;
  const m = v[key];
  if (!isObj(m)) {
    p.add(ruleId, `${where}: \`${key}\` must map metavariables to regular expressions`);
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [k, re] of Object.entries(m)) {
    if (!mv.has(k)) p.add(ruleId, `${where}: \`${key}\` ${k} is not a metavariable of \`${pattern}\``);
    else if (typeof re !== 'string') p.add(ruleId, `${where}: \`${key}\` ${k} must be a regular expression`);
    else {
      try {
        compileRuleRegex(re);
        out[k] = re;
      } catch (e) {
        p.add(ruleId, `${where}: \`${key}\` ${k} ${(e as Error).message}`);
      }
    }
  }
  return out;
}

function clauseSpec(v: unknown, where: string, ruleId: string, p: Problems): PatternClauseSpec | undefined {
  const s = patternSpec(v, where, ruleId, p, ['focus', 'missing', 'replace', 'scope-has', 'scope-lacks', 'insert-before', 'requires-import', 'unless-import', 'check']);
  if (!s) return undefined;
  const mv = metavarsIn(s.pattern);
  const focus = isObj(v) ? str(v, 'focus', where, ruleId, p, false) : undefined;
  if (focus && !mv.has(focus)) p.add(ruleId, `${where}: \`focus\` ${focus} is not a metavariable of \`${s.pattern}\``);
  const missing = isObj(v) && v.missing !== undefined ? strList(v.missing, `${where}: \`missing\``, ruleId, p) : undefined;
  for (const k of missing ?? []) if (!/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(k)) p.add(ruleId, `${where}: \`missing\` key \`${k}\` must be a name or a dotted path like cookie.secure`);
  let replace: Record<string, string> | undefined;
  if (isObj(v) && v.replace !== undefined) {
    if (!isObj(v.replace) || Object.values(v.replace).some((x) => typeof x !== 'string')) {
      p.add(ruleId, `${where}: \`replace\` must map metavariables to replacement code, e.g. { $V: 'True' }`);
    } else {
      for (const k of Object.keys(v.replace)) if (!mv.has(k)) p.add(ruleId, `${where}: \`replace\` names ${k}, which the pattern does not use`);
      replace = v.replace as Record<string, string>;
    }
  }
  const scope = (key: 'scope-has' | 'scope-lacks'): PatternSpec[] | undefined => {
    const list = isObj(v) ? v[key] : undefined;
    if (list === undefined) return undefined;
    if (!Array.isArray(list)) {
      p.add(ruleId, `${where}: \`${key}\` must be a list of patterns`);
      return undefined;
    }
    return list
      .map((x, i) => patternSpec(x, `${where}: ${key}[${i}]`, ruleId, p, []))
      .filter((x): x is PatternSpec & Obj => !!x)
      .map((x) => ({ pattern: x.pattern, ...(x.where ? { where: x.where } : {}) }));
  };
  const scopeHas = scope('scope-has');
  const scopeLacks = scope('scope-lacks');
  const insertBefore = isObj(v) ? str(v, 'insert-before', where, ruleId, p, false) : undefined;
  for (const k of metavarsIn(insertBefore ?? '')) if (!mv.has(k)) p.add(ruleId, `${where}: \`insert-before\` names ${k}, which the pattern does not use`);
  const requiresImport = isObj(v) && v['requires-import'] !== undefined ? strList(v['requires-import'], `${where}: \`requires-import\``, ruleId, p) : undefined;
  const unlessImport = isObj(v) && v['unless-import'] !== undefined ? strList(v['unless-import'], `${where}: \`unless-import\``, ruleId, p) : undefined;
  const check = isObj(v) ? str(v, 'check', where, ruleId, p, false) : undefined;
  if (check !== undefined && !/^[a-z][a-z0-9-]*$/.test(check)) p.add(ruleId, `${where}: \`check\` must name a structural check in lower-case words joined by dashes, e.g. unsafe-merge`);
  return {
    pattern: s.pattern,
    ...(s.where ? { where: s.where } : {}),
    ...(focus ? { focus } : {}),
    ...(missing?.length ? { missing } : {}),
    ...(requiresImport?.length ? { requiresImport } : {}),
    ...(unlessImport?.length ? { unlessImport } : {}),
    ...(replace ? { replace } : {}),
    ...(scopeHas?.length ? { scopeHas } : {}),
    ...(scopeLacks?.length ? { scopeLacks } : {}),
    ...(insertBefore ? { insertBefore } : {}),
    ...(check ? { check } : {}),
  };
}

function pathFilter(v: unknown, where: string, ruleId: string, p: Problems): PathFilter | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) {
    p.add(ruleId, `${where}: \`paths\` must be { include: [globs], exclude: [globs] }`);
    return undefined;
  }
  checkKeys(v, ['include', 'exclude'], `${where}: paths`, ruleId, p);
  const include = v.include === undefined ? [] : strList(v.include, `${where}: \`paths.include\``, ruleId, p);
  const exclude = v.exclude === undefined ? [] : strList(v.exclude, `${where}: \`paths.exclude\``, ruleId, p);
  return include && exclude ? { include, exclude } : undefined;
}

const RULE_KEYS = [
  'id', 'name', 'description', 'languages', 'severity', 'cwe', 'message', 'docs',
  'sources', 'sinks', 'sanitizers', 'propagators', 'requires-import', 'fix',
  'kind', 'patterns', 'pattern-not', 'paths', 'audit-sources', 'library-input', ...RULE_DOC_KEYS,
] as const;

/** Keys only a taint rule may have, and keys only a pattern rule may have. */
const TAINT_ONLY = ['sources', 'sinks', 'sanitizers', 'propagators', 'fix', 'audit-sources', 'library-input'] as const;
const PATTERN_ONLY = ['patterns', 'pattern-not', 'paths'] as const;

/**
 * Validates one raw rule object. Returns undefined (with problems recorded) when it cannot be used. Its `where` and
 * `unless-text` regexes, built-in or `custom` (from the workspace config), must be ones `compileRuleRegex` runs.
 */
export function validateRule(raw: unknown, index: number, p: Problems | SchemaError[], options: { custom?: boolean } = {}): TaintRuleSpec | undefined {
  const probs = Array.isArray(p) ? new Problems(options.custom === true) : p;
  const out = validateRuleInto(raw, index, probs);
  if (Array.isArray(p)) p.push(...probs.list);
  return out;
}

function validateRuleInto(raw: unknown, index: number, p: Problems): TaintRuleSpec | undefined {
  const at = `rule #${index + 1}`;
  if (!isObj(raw)) {
    p.add(undefined, `${at} must be a mapping with id, languages, severity, cwe, message, sources and sinks`);
    return undefined;
  }
  const id = typeof raw.id === 'string' && /^[a-z0-9][a-z0-9_.-]*$/.test(raw.id) ? raw.id : undefined;
  if (!id) {
    p.add(undefined, `${at}: \`id\` is required: lower-case letters, digits, dots and dashes, e.g. js.sqli.custom-db`);
    return undefined;
  }
  const before = p.list.length;
  const where = `rule ${id}`;
  checkKeys(raw, RULE_KEYS, where, id, p);
  const name = str(raw, 'name', where, id, p, false) ?? id;
  const description = str(raw, 'description', where, id, p, false) ?? '';
  const langs = languages(raw.languages, where, id, p);
  const severity = parseSeverity(raw.severity);
  if (!severity) p.add(id, `${where}: \`severity\` must be one of critical, high, medium, low, info`);
  const cwe = raw.cwe === undefined ? [] : strList(raw.cwe, `${where}: \`cwe\``, id, p);
  for (const c of cwe ?? []) if (!/^CWE-\d+$/.test(c)) p.add(id, `${where}: cwe \`${c}\` must look like CWE-89`);
  if (raw.cwe === undefined) p.add(id, `${where}: \`cwe\` is required, e.g. [CWE-89]`);
  const message = str(raw, 'message', where, id, p, true);
  const docs = str(raw, 'docs', where, id, p, false);
  const kind = raw.kind ?? 'taint';
  if (kind !== 'taint' && kind !== 'pattern') p.add(id, `${where}: \`kind\` must be taint or pattern`);
  if (kind === 'pattern') {
    for (const k of TAINT_ONLY) if (raw[k] !== undefined) p.add(id, `${where}: \`${k}\` is for taint rules; a pattern rule has \`patterns\` (and \`pattern-not\`)`);
  } else {
    for (const k of PATTERN_ONLY) if (raw[k] !== undefined) p.add(id, `${where}: \`${k}\` is for pattern rules; add \`kind: pattern\``);
  }
  const list = (key: string): unknown[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      p.add(id, `${where}: \`${key}\` must be a list`);
      return [];
    }
    return v;
  };
  const sourceList = (key: 'sources' | 'audit-sources'): (string | SourceSpec)[] => {
    const out: (string | SourceSpec)[] = [];
    list(key).forEach((s, i) => {
      if (typeof s === 'string' && /^[a-z][a-z0-9-]*$/.test(s)) out.push(s);
      else {
        const spec = sourceSpec(s, `${where}: ${key}[${i}]`, id, p);
        if (spec) out.push(spec);
      }
    });
    return out;
  };
  const sources = sourceList('sources');
  const auditSources = sourceList('audit-sources');
  const libraryInput = raw['library-input'];
  if (libraryInput !== undefined && typeof libraryInput !== 'boolean') p.add(id, `${where}: \`library-input\` must be true or false`);
  if (sources.length === 0 && kind !== 'pattern' && libraryInput !== true) p.add(id, `${where}: \`sources\` must name at least one source (a shared name such as express-request, or a pattern), or the rule must say \`library-input: true\``);
  const sinks = list('sinks').map((s, i) => sinkSpec(s, `${where}: sinks[${i}]`, id, p)).filter((s): s is SinkSpec => !!s);
  if (sinks.length === 0 && kind !== 'pattern') p.add(id, `${where}: \`sinks\` must hold at least one { pattern, focus }`);
  // A library function that runs the value it is given is doing its job: only strings built from it are findings.
  sinks.forEach((s, i) => {
    if (s.constructed && libraryInput !== true) p.add(id, `${where}: sinks[${i}]: \`constructed\` is for \`library-input\` rules (it filters flows from exported functions' parameters)`);
    if (libraryInput === true && !s.constructed) p.add(id, `${where}: sinks[${i}] needs \`constructed: true\`: a \`library-input\` rule reports only strings built from an exported function's parameter, not the parameter run as given`);
  });
  const sanitizers: (string | SanitizerSpec)[] = [];
  list('sanitizers').forEach((s, i) => {
    if (typeof s === 'string' && /^[a-z][a-z0-9-]*$/.test(s)) sanitizers.push(s);
    else {
      const spec = sanitizerSpec(s, `${where}: sanitizers[${i}]`, id, p);
      if (spec) sanitizers.push(spec);
    }
  });
  const propagators = list('propagators')
    .map((s, i) => propagatorSpec(s, `${where}: propagators[${i}]`, id, p))
    .filter((s): s is PropagatorSpec => !!s);
  const requiresImport = raw['requires-import'] === undefined ? [] : (strList(raw['requires-import'], `${where}: \`requires-import\``, id, p) ?? []);
  let fix: FixSpec | undefined;
  if (raw.fix !== undefined) {
    const f = typeof raw.fix === 'string' ? { strategy: raw.fix } : raw.fix;
    if (!isObj(f)) p.add(id, `${where}: \`fix\` must be a strategy name or { strategy, placeholder }`);
    else {
      checkKeys(f, ['strategy', 'placeholder'], `${where}: fix`, id, p);
      if (!(FIX_STRATEGIES as readonly unknown[]).includes(f.strategy)) {
        p.add(id, `${where}: fix strategy \`${String(f.strategy)}\` is unknown; use one of ${FIX_STRATEGIES.join(', ')}`);
      } else if (f.placeholder !== undefined && !['?', '$1', '%s'].includes(f.placeholder as string)) {
        p.add(id, `${where}: fix placeholder must be "?", "$1" or "%s"`);
      } else {
        fix = { strategy: f.strategy as FixStrategy, ...(f.placeholder ? { placeholder: f.placeholder as FixSpec['placeholder'] } : {}) };
      }
    }
  }
  const patterns = kind === 'pattern' ? list('patterns').map((c, i) => clauseSpec(c, `${where}: patterns[${i}]`, id, p)).filter((c): c is PatternClauseSpec => !!c) : [];
  if (kind === 'pattern' && patterns.length === 0) p.add(id, `${where}: \`patterns\` must hold at least one pattern`);
  // A pattern rule's message names what its patterns bind: a name some pattern lacks would be shown as written.
  if (kind === 'pattern' && typeof message === 'string') {
    for (const mv of new Set(message.match(/\$[A-Z_][A-Z0-9_]*\b/g) ?? [])) {
      if (mv === '$MISSING') continue;
      const without = patterns.findIndex((c) => !c.pattern.includes(mv));
      if (without >= 0) p.add(id, `${where}: the message uses ${mv}, which patterns[${without}] does not bind`);
    }
  }
  const patternNot = kind === 'pattern'
    ? list('pattern-not').map((c, i) => patternSpec(c, `${where}: pattern-not[${i}]`, id, p, [])).filter((c): c is PatternSpec & Obj => !!c).map((c) => ({ pattern: c.pattern, ...(c.where ? { where: c.where } : {}) }))
    : [];
  const paths = kind === 'pattern' ? pathFilter(raw.paths, where, id, p) : undefined;
  const ruleDocs = parseRuleDocs(raw);
  for (const problem of ruleDocs.problems) p.add(id, `${where}: ${problem}`);
  if (p.list.length > before || !langs || !severity || !cwe || !message) return undefined;
  return {
    kind: kind as TaintRuleSpec['kind'],
    id, name, description, languages: langs, severity, cwe, message, sources, auditSources, sinks, sanitizers, propagators, requiresImport,
    patterns, patternNot,
    ...(libraryInput === true ? { libraryInput: true } : {}),
    ...(docs ? { docs } : {}),
    ...(fix ? { fix } : {}),
    ...(paths ? { paths } : {}),
    ...(Object.keys(ruleDocs.docs).length > 0 ? { ruleDocs: ruleDocs.docs } : {}),
  };
}

function handlerSpec(id: string, v: unknown, p: Problems): HandlerSpec | undefined {
  const where = `handler ${id}`;
  if (!isObj(v)) {
    p.add(undefined, `${where} must be a mapping`);
    return undefined;
  }
  const before = p.list.length;
  checkKeys(v, ['languages', 'call', 'decorator', 'param-decorator', 'first-param-named', 'param-names', 'exported', 'function-named', 'requires-import', 'params', 'request-param', 'alias', 'safe-types', 'safe-defaults', 'by-name', 'clean-fields', 'entry-of', 'input-param', 'directive', 'file-directive', 'path', 'param-type', 'bound-annotations', 'input-types', 'input-names', 'input', 'this-request', 'clean-params', 'class-base', 'clean-args'], where, undefined, p);
  const langs = languages(v.languages, where, undefined, p);
  const call = v.call === undefined ? undefined : patternSpec(v.call, `${where}: call`, undefined, p, []);
  const decorator = v.decorator === undefined ? undefined : patternSpec(v.decorator, `${where}: decorator`, undefined, p, []);
  const paramDecorator = v['param-decorator'] === undefined ? undefined : patternSpec(v['param-decorator'], `${where}: param-decorator`, undefined, p, []);
  if (call && !metavarsIn(call.pattern).has('$HANDLER')) p.add(undefined, `${where}: \`call\` must bind the handler function as $HANDLER`);
  const entryOf = v['entry-of'] === undefined ? undefined : patternSpec(v['entry-of'], `${where}: entry-of`, undefined, p, []);
  if (entryOf && !metavarsIn(entryOf.pattern).has('$HANDLER')) p.add(undefined, `${where}: \`entry-of\` must bind the handler function as $HANDLER`);
  if (v['by-name'] !== undefined && (typeof v['by-name'] !== 'boolean' || !call)) p.add(undefined, `${where}: \`by-name\` must be true or false, with \`call\``);
  const firstParamNamed = str(v, 'first-param-named', where, undefined, p, false);
  const paramNames = v['param-names'] === undefined ? undefined : strList(v['param-names'], `${where}: \`param-names\``, undefined, p);
  if (v.exported !== undefined && typeof v.exported !== 'boolean') p.add(undefined, `${where}: \`exported\` must be true or false`);
  const functionNamed = v['function-named'] === undefined ? undefined : strList(v['function-named'], `${where}: \`function-named\``, undefined, p);
  for (const n of functionNamed ?? []) if (!/^[A-Za-z_$][\w$]*$/.test(n)) p.add(undefined, `${where}: \`function-named\` ${n} is not a function name`);
  const directive = str(v, 'directive', where, undefined, p, false);
  const fileDirective = str(v, 'file-directive', where, undefined, p, false);
  if (fileDirective !== undefined && v.exported !== true) p.add(undefined, `${where}: \`file-directive\` needs \`exported: true\` (the module's exported functions)`);
  const path = str(v, 'path', where, undefined, p, false);
  const paramType = str(v, 'param-type', where, undefined, p, false);
  const inputTypes = str(v, 'input-types', where, undefined, p, false);
  const classBase = str(v, 'class-base', where, undefined, p, false);
  const cleanArgs = str(v, 'clean-args', where, undefined, p, false);
  if (cleanArgs !== undefined && v['param-decorator'] === undefined) p.add(undefined, `${where}: \`clean-args\` applies with \`param-decorator\``);
  for (const [key, re] of [['path', path], ['param-type', paramType], ['input-types', inputTypes], ['class-base', classBase], ['clean-args', cleanArgs]] as const) {
    if (re === undefined) continue;
    try {
      compileRuleRegex(re);
    } catch (e) {
      p.add(undefined, `${where}: \`${key}\` ${(e as Error).message}`);
    }
  }
  // `exported` alone would make every public function a handler; with an import, a directive or a path it names a
  // framework's modules.
  const exportedInFramework = v.exported === true && (v['requires-import'] !== undefined || fileDirective !== undefined || path !== undefined);
  if (!call && !entryOf && !decorator && !paramDecorator && !paramType && !firstParamNamed && !paramNames?.length && !functionNamed?.length && !exportedInFramework && !directive) {
    p.add(undefined, `${where}: needs \`call\`, \`entry-of\`, \`decorator\`, \`param-decorator\`, \`param-type\`, \`first-param-named\`, \`param-names\`, \`function-named\`, \`directive\`, or \`exported\` with \`requires-import\`, \`file-directive\` or \`path\``);
  }
  const params = v.params ?? 'none';
  if (params !== 'all' && params !== 'rest' && params !== 'none') p.add(undefined, `${where}: \`params\` must be all, rest or none`);
  const inputParam = v['input-param'];
  if (inputParam !== undefined && (!Number.isInteger(inputParam) || (inputParam as number) < 0 || params !== 'none')) p.add(undefined, `${where}: \`input-param\` must be a parameter index, with \`params: none\``);
  const requestParam = v['request-param'];
  if (requestParam !== undefined && (typeof requestParam !== 'number' || requestParam < 0)) p.add(undefined, `${where}: \`request-param\` must be a parameter index`);
  const alias = str(v, 'alias', where, undefined, p, false);
  const safeTypes = v['safe-types'] === undefined ? [] : (strList(v['safe-types'], `${where}: \`safe-types\``, undefined, p) ?? []);
  const safeDefaults = v['safe-defaults'] === undefined ? [] : (strList(v['safe-defaults'], `${where}: \`safe-defaults\``, undefined, p) ?? []);
  const requiresImport = str(v, 'requires-import', where, undefined, p, false);
  const boundAnnotations = v['bound-annotations'] === undefined ? undefined : strList(v['bound-annotations'], `${where}: \`bound-annotations\``, undefined, p);
  if (boundAnnotations && params !== 'all') p.add(undefined, `${where}: \`bound-annotations\` applies with \`params: all\``);
  if (inputTypes !== undefined && params === 'none') p.add(undefined, `${where}: \`input-types\` applies with \`params: all\` or \`rest\``);
  const inputNames = v['input-names'] === undefined ? undefined : strList(v['input-names'], `${where}: \`input-names\``, undefined, p);
  if (inputNames && inputTypes === undefined) p.add(undefined, `${where}: \`input-names\` applies with \`input-types\``);
  const cleanFields = v['clean-fields'] === undefined ? undefined : strList(v['clean-fields'], `${where}: \`clean-fields\``, undefined, p);
  for (const f of cleanFields ?? []) if (!/^[A-Za-z_$][\w$]*$/.test(f)) p.add(undefined, `${where}: \`clean-fields\` ${f} is not an attribute name`);
  const input = inputKind(v.input, where, undefined, p);
  const cleanParams = v['clean-params'] === undefined ? undefined : strList(v['clean-params'], `${where}: \`clean-params\``, undefined, p);
  if (cleanParams && params === 'none') p.add(undefined, `${where}: \`clean-params\` applies with \`params: all\` or \`rest\``);
  if (v['this-request'] !== undefined && (v['this-request'] !== true || alias === undefined)) p.add(undefined, `${where}: \`this-request\` must be true, with \`alias\` (what \`this\` stands for)`);
  if (p.list.length > before || !langs) return undefined;
  return {
    id, languages: langs, params: params as HandlerSpec['params'], safeTypes, safeDefaults,
    ...(input ? { input } : {}),
    ...(cleanFields?.length ? { cleanFields } : {}),
    ...(boundAnnotations ? { boundAnnotations } : {}),
    ...(inputTypes !== undefined ? { inputTypes } : {}),
    ...(inputNames ? { inputNames } : {}),
    ...(cleanArgs !== undefined ? { cleanArgs } : {}),
    ...(call ? { call: { pattern: call.pattern, ...(call.where ? { where: call.where } : {}) } } : {}),
    ...(entryOf ? { entryOf: { pattern: entryOf.pattern, ...(entryOf.where ? { where: entryOf.where } : {}) } } : {}),
    ...(v['by-name'] === true ? { byName: true } : {}),
    ...(v['this-request'] === true ? { thisRequest: true } : {}),
    ...(cleanParams?.length ? { cleanParams } : {}),
    ...(decorator ? { decorator: { pattern: decorator.pattern, ...(decorator.where ? { where: decorator.where } : {}) } } : {}),
    ...(paramDecorator ? { paramDecorator: { pattern: paramDecorator.pattern, ...(paramDecorator.where ? { where: paramDecorator.where } : {}) } } : {}),
    ...(firstParamNamed ? { firstParamNamed } : {}),
    ...(paramNames?.length ? { paramNames } : {}),
    ...(v.exported === true ? { exported: true } : {}),
    ...(functionNamed?.length ? { functionNamed } : {}),
    ...(requiresImport ? { requiresImport } : {}),
    ...(directive !== undefined ? { directive } : {}),
    ...(fileDirective !== undefined ? { fileDirective } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(paramType !== undefined ? { paramType } : {}),
    ...(classBase !== undefined ? { classBase } : {}),
    ...(typeof requestParam === 'number' ? { requestParam } : {}),
    ...(typeof inputParam === 'number' ? { inputParam } : {}),
    ...(alias ? { alias } : {}),
  };
}

/** Validates a whole rules file (already parsed from YAML). */
export function validateRuleFile(raw: unknown): { file: TaintRuleFile; errors: SchemaError[] } {
  const p = new Problems();
  const file: TaintRuleFile = { sources: new Map(), sanitizers: new Map(), propagators: [], handlers: [], rules: [] };
  if (!isObj(raw)) {
    p.add(undefined, 'a taint rules file must be a mapping with `rules`, `sources`, `sanitizers`, `propagators` or `handlers`');
    return { file, errors: p.list };
  }
  checkKeys(raw, ['rules', 'sources', 'sanitizers', 'propagators', 'handlers'], 'file', undefined, p);
  // `withInput`: a set may also be `{ input, patterns }`, the kind of input of every pattern that names none.
  const named = <T>(key: string, each: (v: unknown, where: string, input?: InputKind) => T | undefined, into: Map<string, T[]>, withInput = false): void => {
    const v = raw[key];
    if (v === undefined) return;
    if (!isObj(v)) {
      p.add(undefined, `\`${key}\` must map names to lists of patterns`);
      return;
    }
    for (const [name, value] of Object.entries(v)) {
      p.at = [key, name];
      if (!/^[a-z][a-z0-9-]*$/.test(name)) p.add(undefined, `${key} name \`${name}\` must be lower-case words joined by dashes`);
      let list = value;
      let input: InputKind | undefined;
      const at: (string | number)[] = [key, name];
      if (withInput && isObj(value)) {
        checkKeys(value, ['input', 'patterns'], `${key}.${name}`, undefined, p);
        input = inputKind(value.input, `${key}.${name}`, undefined, p);
        list = value.patterns;
        at.push('patterns');
      }
      if (!Array.isArray(list)) {
        p.add(undefined, withInput ? `${key}.${name} must be a list of patterns, or { input, patterns }` : `${key}.${name} must be a list of patterns`);
        continue;
      }
      into.set(name, list.map((x, i) => {
        p.at = [...at, i];
        return each(x, `${at.join('.')}[${i}]`, input);
      }).filter((x): x is T => x !== undefined));
      p.at = undefined;
    }
  };
  named('sources', (v, w, input) => {
    const s = sourceSpec(v, w, undefined, p);
    return s && input && !s.input ? { ...s, input } : s;
  }, file.sources, true);
  named('sanitizers', (v, w) => sanitizerSpec(v, w, undefined, p), file.sanitizers);
  if (raw.propagators !== undefined) {
    if (!Array.isArray(raw.propagators)) p.add(undefined, '`propagators` must be a list of { languages, pattern }');
    else {
      raw.propagators.forEach((v, i) => {
        p.at = ['propagators', i];
        const where = `propagators[${i}]`;
        if (!isObj(v)) return p.add(undefined, `${where} must be { languages, pattern, from? }`);
        const langs = languages(v.languages, where, undefined, p);
        const spec = propagatorSpec(v, where, undefined, p, ['languages']);
        if (langs && spec) file.propagators.push({ languages: langs, spec });
      });
    }
  }
  p.at = undefined;
  if (raw.handlers !== undefined) {
    if (!isObj(raw.handlers)) p.add(undefined, '`handlers` must map handler names to definitions');
    else {
      for (const [id, v] of Object.entries(raw.handlers)) {
        p.at = ['handlers', id];
        const h = handlerSpec(id, v, p);
        if (h) file.handlers.push(h);
      }
    }
  }
  p.at = undefined;
  if (raw.rules !== undefined) {
    if (!Array.isArray(raw.rules)) p.add(undefined, '`rules` must be a list');
    else raw.rules.forEach((r, i) => {
      p.at = ['rules', i];
      const spec = validateRuleInto(r, i, p);
      if (spec) file.rules.push(spec);
    });
  }
  p.at = undefined;
  return { file, errors: p.list };
}
