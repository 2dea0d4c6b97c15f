/**
 * What the taint pack knows about one language's syntax, behind one interface: `dataflow.ts`, `fixes.ts` and the
 * analyzer's file context ask a `LanguageModule` instead of naming node types. A module maps its grammar's node
 * types to a few statement and expression kinds (by a `switch`, cheap on the hot path), reads the shapes whose
 * fields differ between grammars (members, calls, conditionals, loops, patterns), and knows its imports, exports,
 * units, parameters and fix idioms. Adding a language is one module here plus its row in `engine/languages.ts`.
 *
 * Dataflow reads the fields most grammars share (`name`, `value`, `left`, `right`, `body`, `condition`,
 * `consequence`, `arguments`) itself; everything else goes through these methods.
 */
import type { Node, Tree } from 'web-tree-sitter';
import type { TaintLanguage } from '../../languages';
import { fieldOf, kids, type Bindings, type CanonicalResolver, type PatternSyntax } from '../../patterns/pattern';

/** A name's one definition in a function (`LanguageModule.constantDef`). */
export interface ConstantDef {
  /** The value it is given. */
  value: Node;
  /** Where the definition ends: a read before it is not of this value. */
  end: number;
  /** Where it is visible: a read outside is another variable's. */
  scope: Node;
}

/** What a statement does to the flow, whatever its node type. */
export type StmtKind =
  | 'block' // a sequence of statements (including a module's root)
  | 'expression' // expressions evaluated for their effect
  | 'declaration' // declarators (`declaratorType`) binding `name` to `value`
  | 'return'
  | 'throw'
  | 'jump' // break / continue
  | 'if'
  | 'loop'
  | 'try'
  | 'with' // a statement binding resources for a block (`withItems`)
  | 'switch'
  | 'export' // a wrapper around a declaration or value
  | 'definition' // a nested function definition (`definedFunction`)
  | 'inert' // nothing flows (classes, imports, type declarations, comments)
  | 'labeled'
  | 'assert' // a check that raises where it fails (`assert re.fullmatch(...)`): its first child is the condition
  | 'other'; // evaluated as an expression

/** How an expression carries taint, whatever its node type. */
export type ExprKind =
  | 'function' // a nested function: a unit of its own
  | 'inert' // literals, classes: never tainted
  | 'type' // type annotations: never tainted (checked after sources and sanitizers)
  | 'identifier'
  | 'self' // this / self
  | 'member' // property access or subscript (`memberObject`, `memberIndex`)
  | 'call' // calls and constructions (`callee`)
  | 'assign'
  | 'augmented-assign'
  | 'send' // puts a value into a container it names (`sendParts`): Go's channel send
  | 'binary' // carries its operands when `carries(operator)`
  | 'logical' // value-returning logic: carries every operand
  | 'opaque' // evaluates its operands, carries none (negation, comparison, ++)
  | 'conditional' // `conditionalParts`
  | 'pair' // a key/value entry of an object or dict
  | 'keyword-argument'
  | 'parts' // strings, templates and interpolations: the union of their parts
  | 'comprehension' // `comprehensionClauses`
  | 'other'; // the union of its children

/** How a binding target binds, whatever its node type. */
export type TargetKind = 'name' | 'object-pattern' | 'sequence-pattern' | 'default-pattern' | 'rest-pattern' | 'parenthesized' | 'other';

/** One entry of an object destructuring pattern: the bound target and the key it reads (for labels). */
export interface PatternEntry {
  target: Node;
  key?: string;
  /** A rest element: it receives the whole value. */
  rest?: boolean;
}

/** A condition's shape, for guards that make a value clean where they hold. */
export type GuardShape =
  | { kind: 'not'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'equals'; positive: boolean; left: Node; right: Node }
  | { kind: 'member-of'; positive: boolean; value: Node; collection: Node };

/** Methods that call their callback with the receiver's elements or resolved value (`forEach`, `then`). */
export const ITERATION_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'then']);

/** Of those, the ones whose result is made of the callback's returns (`xs.map(f)`, Java's `stream.map(f)`). */
export const MAPPING_METHODS: ReadonlySet<string> = new Set(['map', 'flatMap']);

/** Of those, the ones whose result is the elements the callback accepts (`xs.filter(f)`). */
export const FILTERING_METHODS: ReadonlySet<string> = new Set(['filter']);

/**
 * Methods that carry their arguments' data when called on a constant or a module (`"{}".format(x)`, `", ".join(xs)`,
 * `util.format("%s", x)`, `pd.concat(frames)`): the same names in every language, library calls included.
 */
export const FORMATTING_METHODS: ReadonlySet<string> = new Set(['format', 'join', 'concat', 'replace', 'replaceAll', 'format_map']);

/**
 * Parameter `index`'s type annotation node (TypeScript's `: Store`, Python's `x: Store`), in a grammar whose function
 * holds its parameter list under `parameters` and a parameter its annotation under `type`.
 */
export function paramTypeNode(fn: Node, index: number): Node | undefined {
  const list = fieldOf(fn, 'parameters');
  return (list ? kids(list)[index]?.childForFieldName('type') : undefined) ?? undefined;
}

/** The nodes of type `kind` in function `fn` outside its nested functions (`functionTypes`): its own `return`s. */
export function ownNodes(fn: Node, kind: string, functionTypes: ReadonlySet<string>): Node[] {
  const out: Node[] = [];
  // A stack, not recursion: a deeply nested body must not overflow the call stack.
  const todo: Node[] = [fn];
  for (let n = todo.pop(); n; n = todo.pop()) {
    for (const k of n.namedChildren) {
      if (!k || functionTypes.has(k.type)) continue;
      if (k.type === kind) out.push(k);
      todo.push(k);
    }
  }
  return out;
}

/** The one class every value constructs (`ClassInstances.constructed`); undefined for none, or a value that constructs none or another. */
export function sameClass(values: readonly (Node | null | undefined)[], constructed: (value: Node) => string | undefined): string | undefined {
  let cls: string | undefined;
  for (const v of values) {
    const c = v ? constructed(v) : undefined;
    if (c === undefined || (cls !== undefined && c !== cls)) return undefined;
    cls = c;
  }
  return cls;
}

/**
 * Whether a regular expression's body between `^` and `$` lets through only word characters and hyphens (classes of
 * them, `\d`, `\w`, groups, alternation, quantifiers), and literal dots (`\.(pdf|png)`, a file's extension) when
 * it admits no `..`: what a validating schema's anchored pattern field (`RegexField`, zod's `.regex()`,
 * `@Matches()`) must be for its values to hold no text an injection needs, a parent folder included.
 */
export function wordsOnlyPattern(body: string): boolean {
  if (!/^(?:\[(?:[A-Za-z0-9_-]|\\[dw])+\]|\\[dw.]|[A-Za-z0-9_|(){},:?*+-])+$/.test(body)) return false;
  if (!body.includes('\\.')) return true;
  try {
    return !new RegExp(`^(?:${body})$`).test('..');
  } catch {
    return false;
  }
}

/** Strings and values of a string-building expression, for fixes that rewrite it. */
export type Part = { kind: 'lit'; raw: string } | { kind: 'expr'; node: Node };

/** A function of another file as a qualified module (Java class, Go package) and its name there. */
export interface QualifiedName {
  module: string;
  name: string;
}

/**
 * A qualified name's prefix for a method by its name alone in its module (`METHOD_OF_PACKAGE + 'Search'`): the one
 * method of that name the module's types define, for a call through an interface the module declares.
 */
export const METHOD_OF_PACKAGE = '?.';

/**
 * Cross-file names for a language whose imports name classes or packages instead of files (Java, Go): the
 * workspace scan summarises each function under the module other files know it by, and resolves a call through
 * the file's imports, its own package and qualified names. Modules are opaque strings that both sides must spell
 * the same way; a module that is a directory (Go) is also known by the import path its manifest gives it (the
 * language's `modules.manifest` in `engine/languages.ts`, read by the scan).
 */
export interface QualifiedModules {
  /** Node types of calls whose callee may be another file's function. */
  readonly callTypes: readonly string[];
  /** The module a function is known by in other files of the workspace, or undefined when no other file can call it. */
  moduleOf(fn: Node, path: string): string | undefined;
  /** The name it is known by in its module (Go's methods: `<receiver type>.<method>`); absent: the function's own. */
  nameOf?(fn: Node): string | undefined;
  /** The qualified names a call may reach in other files, most likely first ([] when it names no other file's function). */
  calleeNames(call: Node, imports: Map<string, string>, path: string): QualifiedName[];
}

/**
 * Which class a value is an instance of, as far as the file says it exactly: for calls to the methods of a class
 * another file exports (relative or workspace imports). Only a value built by calling the class counts; a receiver
 * of unknown class stays unknown (no method is looked up by its name alone across files).
 */
export interface ClassInstances {
  /**
   * The class a value is constructed from, as written (`Config(...)`, `r.Request(...)`, `new UserStore()`, JavaScript's
   * static factory `TodoRepo.forList(x)`), else undefined.
   */
  constructed(value: Node): string | undefined;
  /**
   * The public classes a file exports, for pass 1 to summarise their methods (JS: those `exportedNames` gives;
   * Python: module-level classes not named with a leading `_`).
   */
  exportedClasses(tree: Tree): Set<string>;
  /**
   * The class a module exports as itself, which an importer names as it likes (`export default class C`,
   * `export default C`, `module.exports = C`: `import Store from './store'`, `const Store = require('./store')`).
   */
  moduleClass?(tree: Tree): string | undefined;
  /**
   * The class of the instance a module exports as itself (`module.exports = new C()`, `export default new C()`):
   * an importer's name for the module is that instance (`const notes = require('./store'); notes.search(q)`).
   */
  moduleInstance?(tree: Tree): string | undefined;
  /**
   * The function a module exports as itself (`module.exports = async function send(data) {…}`, `= (job) => …`,
   * `= f`, `export default function f`): an importer's name for the module calls it (`const send = require('./send');
   * send(req.body)`). The function's node, or the name the module exports (the analyzer resolves it to the file's
   * function of that name, if any).
   */
  moduleFunction?(tree: Tree): Node | string | undefined;
  /**
   * Module-level names bound once, to an instance of a class the file exports (`posts = PostService()`), by name:
   * an importer's `from .services import posts` (or `services.posts`) is that instance.
   */
  exportedInstances?(tree: Tree): Map<string, string>;
  /**
   * Every assignment in the file to a name or an access path (`g.req = Request(...)`, `this.f = new F()`), as its
   * target node and the value assigned (null when the target is bound by other means: an augmented assignment, part
   * of a destructuring), so that a path assigned instances of one class only is known to hold one.
   */
  assignments(root: Node): { target: Node; value: Node | null }[];
  /**
   * Fields whose declared type names a class (TypeScript's `constructor(private readonly orders: OrdersService)` and
   * `@Inject() orders: OrdersService;`): an injected instance is of that class whatever assigns it, as the access
   * path a method reads it by (`this.orders`) and the class as written.
   */
  declaredFields?(root: Node): { path: string; cls: string }[];
  /**
   * Module-level functions that return an instance of one class (`def service() -> DocumentService:`, or every
   * `return` constructs it: `function repo() { return new Repo(db) }`), by name: a call of one (`service().list(x)`,
   * `svc = service()`) is an instance of that class, as `constructed` names the call.
   */
  factories?(root: Node): Map<string, string>;
}

/** What a structural check may read besides its match (see `StructuralCheck`). */
export interface CheckContext {
  /** The check's `facts` about the whole file, computed once per run. */
  readonly facts: string;
  /** Per run: what earlier matches of the same run decided (a function analysed once, one finding per function). */
  readonly memo: Map<string, unknown>;
  /** Charges `steps` units of work to the run's budget (throws past it). */
  charge(steps: number): void;
}

/**
 * A check of code structure that a pattern cannot say, named by a pattern rule's clause (`check:`): a match of the
 * clause is a finding only when the check holds (a recursive merge that writes every key of a parameter into its
 * target without refusing `__proto__`). It reads the match's own top-level statement, plus `facts`: the pattern
 * cache reuses a statement's findings while its text and the facts are unchanged.
 */
export interface StructuralCheck {
  /** Facts the check reads from the rest of the file (local guard helpers), as text compared between runs. */
  facts?(root: Node, text: string): string;
  /** Whether the match (`node`, the clause pattern's `bindings`) is a finding. */
  holds(node: Node, bindings: Bindings, ctx: CheckContext): boolean;
  /**
   * A necessary condition on a top-level statement's text for `holds` to be true of a match in it: a statement
   * failing it is not walked for this clause (a clause whose pattern has no word would otherwise walk every node).
   */
  unitMayHold?(unitText: string): boolean;
}

/**
 * A view registered by a route of another file (`LanguageModule.routeRegistrations`): the module and name that file
 * imports it by, and the route's parameters its converters make numbers, UUIDs or slugs (`safe`) or leave any text.
 */
export interface RouteRegistration {
  module: string;
  name: string;
  safe: string[];
  plain: string[];
}

/** The taint knowledge of one language (one module may serve several grammars: JavaScript, TypeScript, TSX). */
export interface LanguageModule {
  /** The taint language of its rules (`javascript` also serves TypeScript). */
  readonly id: TaintLanguage;
  /** Its grammar's shapes as the pattern matcher sees them (registered by `lang/index.ts`). */
  readonly patternSyntax: PatternSyntax;
  /**
   * Names of a method's explicit receiver parameter (Python's `self`, `cls`): a call through the receiver passes
   * its arguments from the second parameter on.
   */
  readonly explicitReceivers?: ReadonlySet<string>;
  /**
   * Whether an import that is not relative may name a module of the workspace (Python's `from shop.db import f`,
   * and a module imported whole, called as `db.f(x)`): the cross-file index is asked for those too.
   */
  readonly absoluteLocalImports?: boolean;
  /**
   * Names of the folders its web frameworks look up a rendered template's name in (Express `views/`, Flask's and
   * Django apps' `templates/`), for `template:` sinks; none: no template sink resolves.
   */
  readonly templateFolders?: readonly string[];
  /**
   * Methods and functions that load a template by its name or path for a later render (Jinja2 `env.get_template`,
   * Nunjucks `env.getTemplate`, `pug.compileFile`): a `template:` sink's template seen as such a call (through
   * locals) is the template its first argument names, rendered by its receiver's environment.
   */
  readonly templateLoaders?: ReadonlySet<string>;
  /** Functions that read a file (`fs.readFileSync`): a template compiled from their result is the file they read. */
  readonly fileReads?: ReadonlySet<string>;
  /** Node types of functions (units) and of import statements, for one search of the tree. */
  readonly functionTypes: ReadonlySet<string>;
  readonly importTypes: readonly string[];
  /**
   * Top-level statement types (with a `body` field, last) whose functions the file context keys per member of the
   * body rather than per statement: a Java file is one class, so an edit re-read all of its methods. A function's
   * descriptor may then depend only on its member's subtree, its container's text up to the body and the import key.
   */
  readonly memberContainers?: ReadonlySet<string>;
  /** Node types a dotted pattern (`flask.request.args`) may match: names and member accesses. */
  readonly nameTypes: readonly string[];
  /** The declarator node type of `declaration` statements. */
  readonly declaratorType: string;
  /** Methods that call their callback with the receiver's elements or value (`forEach`, `then`). */
  readonly iterationMethods: ReadonlySet<string>;
  /**
   * Of `iterationMethods`, those whose result is made of the callback's returns: the result holds what a function
   * callback returns (`ids.map((n) => parseInt(n, 10))` holds no input), not the receiver.
   */
  readonly mappingMethods: ReadonlySet<string>;
  /**
   * Of `iterationMethods`, those whose result is the elements the callback accepts: with a `callbackCheck`, the result
   * holds what the check cleans (`cols.filter((c) => ALLOWED.includes(c))` holds no input).
   */
  readonly filteringMethods?: ReadonlySet<string>;
  /**
   * A call that runs its function argument on pieces of a string (`s.replace(re, (m, g) => …)`, Python's
   * `PATTERN.sub(lambda m: …, s)` and `re.sub(p, fn, s)`): the callback and where the string is (`receiver`, or an
   * argument's index). Every parameter of the callback receives the string's input. `canonical` resolves a name
   * through the imports (`re` for `rx` after `import re as rx`).
   */
  substitutionCall?(method: string, receiver: Node | null, args: readonly Node[], canonical: CanonicalResolver): { callback: number; subject: 'receiver' | number } | undefined;
  /** A callback that returns one expression of its first parameter (`(c) => ALLOWED.includes(c)`): that parameter's name and the expression. */
  callbackCheck?(fn: Node): { param: string; cond: Node } | undefined;
  /**
   * Methods of a mapping that yield its (key, value) pairs (Python's `items`): iterated over a dict literal, the
   * keys are the literal's and hold no input, whatever its values hold.
   */
  readonly keyValueMethods?: ReadonlySet<string>;
  /** Methods on a constant that carry their arguments (`"{}".format(x)`, `", ".join(xs)`). */
  readonly formattingMethods: ReadonlySet<string>;
  /**
   * Methods that store their arguments in the receiver and return it (Java `sb.append(x)`, `list.add(x)`): the
   * receiver's variable (the root of a chain `sb.append(a).append(b)`) takes the arguments' taint.
   */
  readonly receiverMethods: ReadonlySet<string>;
  /**
   * Canonical names of functions that never return (Flask's `abort`, `sys.exit`): a statement calling one ends its
   * path as `raise` does, so `if not ok(x): abort(400)` leaves `x` checked below.
   */
  readonly noReturnCalls?: ReadonlySet<string>;
  /**
   * URL parsers, by canonical name or, for a global, as written (`URL` of `new URL(x)`, `urllib.parse.urlparse`): a
   * host allow-list check of what one returns is one of the URL parsed (see `hostCheckedUrl` in dataflow.ts).
   */
  readonly urlParsers?: ReadonlySet<string>;
  /**
   * Node types of collection literals and comprehensions the program writes (`{...}`, `[...]`, a set or dict
   * comprehension): what a guard's `table` must be to count as an allow-list. Empty where no rule uses tables.
   */
  readonly tableTypes: ReadonlySet<string>;
  /** The `receiverMethods` that put their arguments at the front (`unshift`, `insert(0, x)`): every index may hold them. */
  readonly frontMethods?: ReadonlySet<string>;
  /** List literals, whose elements are read by index (`["ls", "-l"]`), for appends kept apart (see `receiverMethods`). */
  readonly sequenceTypes?: ReadonlySet<string>;
  /** Spread elements in a literal (`[...xs]`, `[*xs]`): the literal's length is not its element count. */
  readonly spreadTypes?: ReadonlySet<string>;
  /** An argument spreading a mapping into keyword arguments (`f(**kw)`): it may fill any named parameter. */
  readonly keywordSpreadTypes?: ReadonlySet<string>;

  stmtKind(type: string): StmtKind;
  exprKind(type: string): ExprKind;
  targetKind(type: string): TargetKind;

  // ---- shapes ----
  /** The object of a property access or subscript. */
  memberObject(n: Node): Node | null;
  /** The index of a subscript (undefined for a property access). */
  memberIndex(n: Node): Node | null;
  /** The property name node of a property access (`a.b` -> `b`), or null for anything else. */
  propertyOf(n: Node): Node | null;
  /** The function or class a call or construction calls. */
  callee(n: Node): Node | null;
  /**
   * A call that runs a function it is handed, with arguments it is handed (Python `executor.submit(f, x)`,
   * `threading.Thread(target=f, args=(x,))`, `functools.partial(f, x)`, `sync_to_async(f)(x)`): the function's node
   * and the nodes of the arguments it receives, in order (keyword arguments as they are). `canonical` gives a callee's import-resolved
   * name, `def` a local's last assigned value (a `partial(...)` kept in a variable).
   */
  callsThrough?(call: Node, canonical: (n: Node) => string | undefined, def: (name: string) => Node | undefined): { fn: Node; args: Node[] } | undefined;
  /** Whether an `assign` expression also reads its target (`s += x` where one node type holds every assignment). */
  compoundAssignment?(n: Node): boolean;
  /**
   * A `send` expression's container and value (Go's `ch <- v`): the container's variable holds the value's taint
   * from then on, with what it held, so a later receive (`<-ch`, `for v := range ch`, a `select` case) reads it.
   */
  sendParts?(n: Node): { into: Node; value: Node } | undefined;
  /**
   * Whether this assignment (an `assign`/`augmented-assign` expression), to a name the function has not bound, sets
   * an enclosing function's variable (a closure's `body += chunk` in JavaScript, `=` but not `:=` in Go). Absent
   * where such an assignment makes a local (Python without `nonlocal`) or is not allowed (Java's captures).
   */
  assignsEnclosing?(n: Node): boolean;
  /** Whether a binary operator's result carries its operands' data (concatenation, formatting). */
  carries(operator: string): boolean;
  /**
   * Operators that return their left operand only when it is falsy (JavaScript `&&`, Python `and`): a falsy value
   * holds no text (`short && "--short"` is false or the constant), so only the right operand's data is carried.
   */
  readonly falsyLeftOps?: ReadonlySet<string>;
  /** Operators that give their left operand unless it is falsy or nullish, else the right (`a || b`, `a ?? b`, `a or b`). */
  readonly fallbackOps?: ReadonlySet<string>;
  /** Condition, then-value, else-value of a conditional expression. */
  conditionalParts(n: Node): [Node | undefined, Node | undefined, Node | undefined];
  /** The key of a pair when it is computed (`{[k]: v}`), to evaluate. */
  computedKey(n: Node): Node | null;
  /** Children of a `parts` expression that are not values (format specifiers). */
  isFormatting(type: string): boolean;
  /** Whether a node of this type is a generator's `yield x`: what it yields is the body, as a return's value is. */
  isYield?(type: string): boolean;
  /**
   * The function a formatted-string part applies to its value, when the language writes it as a conversion (Python's
   * `f"{x!r}"` is `repr(x)`): a sanitizer `repr(...)` applies there too.
   */
  conversionCall?(n: Node): string | undefined;
  /**
   * Every function `conversionCall` and `formatValues` may name. A text can apply them with no call written
   * (`f"{x!r}"`), so the word filter keeps sanitizer patterns of these names whatever the text's words are.
   */
  conversionNames?: readonly string[];
  /**
   * For a formatting operation with a constant format (Python's `"%r: %s" % (a, b)`, `"{!r}: {}".format(a, b)`):
   * each value with the function its directive applies (`repr` for `%r`, `!r`), or undefined when it is not such an
   * operation or a directive cannot be matched to its value (`%*d`, `%(name)s`, `*args`). A sanitizer `repr(...)`
   * applies to a `%r` value.
   */
  formatValues?(n: Node): { node: Node; conversion?: string }[] | undefined;
  /** For each `for` clause of a comprehension: the bound target and the iterated value. */
  comprehensionClauses(n: Node): { target: Node; iterable: Node }[];
  /** A comprehension's filter conditions (`if c.isalnum()`): where they hold, their guards hold for the element. */
  comprehensionFilters?(n: Node): Node[];
  /** Whether a child of a comprehension is one of its `for` clauses (evaluated in the clause scope first). */
  isComprehensionClause(type: string): boolean;
  /** The decorator expressions on a function (`@app.route("/")`), read from it and its parent. */
  functionDecorators?(fn: Node, parent: Node | null): Node[];
  /**
   * The directive prologue of a function's body or of a module (`'use server'`, `'use strict'`): the leading
   * string-literal statements' values, in order.
   */
  directives?(fnOrModule: Node): string[];
  /**
   * Route variables that a handler's route decorators convert before the handler runs (Flask `<int:id>`,
   * Starlette `{id:int}`): a parameter bound to one is a number or UUID, not text that can carry a payload.
   */
  routeConvertedParams?(decorators: readonly Node[]): ReadonlySet<string>;
  /**
   * Routes a module declares for views of other modules (Django's URLconf: `path("b/<int:pk>/", views.detail)`),
   * each view by the module and name the file imports it by, with the route parameters its converters make
   * numbers, UUIDs or slugs and those they leave text. The scan hands them to the views' file (`IncomingFacts`).
   * `imports` reads the file's imports on first call (a file context): the module asks only where its text may
   * declare a route.
   */
  routeRegistrations?(root: Node, text: string, imports: () => ReadonlyMap<string, string>): RouteRegistration[];
  /**
   * Names of the types a top-level statement declares whose values are a fixed set the program wrote (a Python
   * `Enum` subclass): a route parameter of such a type is validated against it, so it holds no input string.
   */
  closedTypes?(stmt: Node): string[];
  /**
   * Validating schemas a top-level statement declares (a Django form or DRF serializer class, a pydantic model, a
   * class-validator DTO, a zod `z.object`), as [name, fields]: the fields whose validated value holds no free text (an
   * `IntegerField` or `ChoiceField`, a `conint(...)`, an `@IsInt()`, a `z.coerce.number()` or `z.enum([...])`). Read off
   * the validated data they are clean (see `validatedData`; a parameter declared as the class is validated data).
   */
  typedFields?(stmt: Node): [string, string[]][];
  /**
   * Schemas' fields a top-level statement declares typed by a type's name alone (`carrier: Carrier`), as [schema,
   * [field, type's last name]]: typed fields (`typedFields`) when the file's statements make the name a closed type
   * (`closedTypes`) or a typed alias (`typedTypeAliases`).
   */
  namedTypeFields?(stmt: Node): [string, [string, string][]][];
  /** Module-level names a top-level statement binds to a typed annotation (`CustomerRef = constr(pattern=...)`). */
  typedTypeAliases?(stmt: Node): string[];
  /**
   * Classes a top-level statement declares whose generated constructor stores its arguments in fields (a dataclass, an
   * attrs class, a pydantic model, a NamedTuple), as [name, fields in the order positional arguments fill them]; an
   * empty name stands for a field that holds no text once constructed (a validated `int`). `Filter(status=text)` then
   * holds the text in `status` (see `UnitEnv.recordFields`).
   */
  recordFields?(stmt: Node): [string, string[]][];
  /**
   * Classes a top-level statement declares with named bases, as [name, bases, own fields as `recordFields` lists
   * them]: a subclass of a record class (`class Admin(User)` of a dataclass `User`) takes its base's fields first.
   */
  recordBases?(stmt: Node): [string, string[], string[]][];
  /**
   * Names a top-level statement re-exports from another module (`export { f as g } from './m'` -> ['g', './m.f'],
   * `export * from './m'` -> ['*', './m']): [the name importers use, the canonical name or module]. Python's package
   * files re-export what they import, read off the imports instead (see `ExportSummary.reexport`).
   */
  reExportsOf?(stmt: Node): [string, string][];
  /** The form or serializer class a top-level view class binds for its methods (`form_class = BookForm`), as [view, form]. */
  boundFormClasses?(stmt: Node): [string, string][];
  /**
   * The request fields (`query.limit`, `params.id`) a handler's registration call validates with a schema to no free
   * text: read off the handler's request parameter they are clean (`UnitParams.cleanPaths`). Module constants it
   * names are read through `valueOf`; `refs` says whether it named any.
   */
  routeSchemaFields?(call: Node, valueOf?: (name: string) => Node | undefined): { fields: string[]; refs: boolean };
  /** A constant key read off a mapping (`data["year"]`, `data.get("year")`, `q.limit`): the mapping and the key. */
  constantKeyRead?(n: Node): { object: Node; key: string } | undefined;
  /**
   * Whether `n` is the validated data of a schema: `schema` when it names it (`Filters.parse(input)`), `owner` when it
   * is read off a bound instance (`form` of `form.cleaned_data`, `r` of `r.data`; see `schemaOf`).
   */
  validatedData?(n: Node): { owner: Node } | { schema: string } | undefined;
  /**
   * The schema a call binds an instance of, as written (`BookForm(request.POST)`, `Filters.safeParse(input)`), or
   * `self` for the view's own (`self.get_form()`); undefined for any other call.
   */
  schemaOf?(call: Node): string | undefined;
  /**
   * Type aliases a top-level statement declares, as [name, the aliased type's text] (Python
   * `CurrentUser = Annotated[User, Depends(current_user)]`): a handler parameter annotated with the name is read as
   * that type.
   */
  typeAliases?(stmt: Node): [string, string][];
  /**
   * In the file's import statements of `module`, the entry that imports `name` by itself (`exec` in
   * `const { exec } = require('child_process')`), after which a sibling import can be added. `text` is the tree's
   * text (statements are filtered by it without reading each one's text out of the tree).
   */
  importListEntry?(root: Node, name: string, module: string, text: string): Node | undefined;
  /** The function a `definition` statement defines (through decorators). */
  definedFunction(n: Node): Node | null;
  /** The resources a `with` statement (or a `try` with resources) binds (value, and the name it is bound to), and its block. */
  withItems(n: Node): { value: Node; target?: Node }[];
  withBody(n: Node): Node | undefined;
  /** The subject of a `switch` statement. */
  switchSubject(n: Node): Node | null;
  /** A switch's cases where they are not the named children of its `body` field (Go: the statement's own). */
  switchCases?(n: Node): Node[];
  /** The name a switch binds in every case to its subject (Go's `switch v := x.(type)`). */
  switchAlias?(n: Node): Node | null;
  /** The values a case compares its switch's subject with; undefined for a default case or another kind of case. */
  caseValues?(c: Node): Node[] | undefined;
  /** Whether the end of this case runs on into the next (JavaScript without a jump, Go's `fallthrough`). */
  caseFallsThrough?(c: Node): boolean;
  /** An `else if` alternative (with its own condition and consequence), as opposed to a final `else`. */
  isElseIf(type: string): boolean;
  /** The statement or block of a final `else` alternative. */
  elseBody(n: Node): Node | undefined;
  /** A loop's header statements (initializer, condition, increment), its bound target and iterated value. */
  loopHeader(n: Node): Node[];
  loopBinding(n: Node): { target: Node; iterable: Node } | undefined;
  /** The condition evaluated on each iteration of a `while`-style loop. */
  loopCondition(n: Node): Node | null;
  /**
   * A try statement's body, its handlers (catch/except/else: each one's body, and the target it binds the exception
   * to, `except E as e` / `catch (e)`, when it has one), and its finally block.
   */
  tryParts(n: Node): { body: Node | undefined; handlers: { body: Node; caught?: Node }[]; finalizer: Node | undefined };
  /** The entries of an object destructuring pattern. */
  objectPatternEntries(n: Node): PatternEntry[];
  /** Whether a value literal lists its elements in order (array, list, tuple), for positional destructuring. */
  isSequenceLiteral(type: string): boolean;
  /** The container written by `a[i] = v` when the target is no plain path. */
  containerOf(target: Node): Node | null;
  /** The declaration or value an `export` statement wraps. */
  exportParts(n: Node): { declaration: Node | null; value: Node | null };
  /**
   * Whether a condition folds to a constant that decides the branch (`if (false)`, `if 1 > 2:`, `x * 2 > 200`
   * with `x = 86`): literals, operators on them, and names `lookup` gives a constant value node for.
   */
  constantTruth(cond: Node, lookup?: (name: Node) => Node | undefined): boolean | undefined;
  /**
   * How `name` is bound in `scope` (a function), for the constant folder: its one definition, when every other
   * use only reads it; 'free' when nothing in the scope binds it; undefined when it may be rebound.
   */
  constantDef?(scope: Node, name: string): ConstantDef | 'free' | undefined;
  /** Whether a module-level name's value node (`moduleValue`) is one nothing may rebind (a `const`, a CONSTANT). */
  isConstantBinding?(value: Node, name: string): boolean;
  /** The shape of a guard condition, or undefined when it is none this language knows. */
  guardShape(c: Node): GuardShape | undefined;
  /** The expression inside parentheses (the node itself when it is not parenthesised). */
  unparenthesize(n: Node): Node;

  // ---- values ----
  /** The state key of an access path (`a`, `a.b`, `a.b` for `a["b"]`), or undefined. */
  accessPath(n: Node): string | undefined;
  /** The value of a plain string literal, or undefined. */
  stringValue(n: Node): string | undefined;
  /** A constant: number, boolean, null, plain string. */
  isConstant(n: Node): boolean;
  /** Whether an expression is not the input as text (JSON data, a file's contents); `def` gives a local's value. */
  notText(n: Node, def: (name: string) => Node | undefined, depth?: number): boolean;
  /** Top-level keys of an object or dict literal (seen through locals), [] for a list literal, else undefined. */
  literalKeys(n: Node, def: (name: string) => Node | undefined, depth?: number): string[] | undefined;
  /**
   * A dict/object literal's entries by constant key, or a list/array/tuple literal's by index (`0`, `1`...), for
   * per-key taint; undefined when a key is computed, an element spread, or the literal is none of those.
   */
  literalEntries?(n: Node): { key: string; value: Node }[] | undefined;

  // ---- units, parameters, imports, exports ----
  /** The parameters of a function node, in order, with their binding nodes. */
  paramsOf(fn: Node): Node[];
  /**
   * Languages with keyword arguments (Python): the keyword each of `paramsOf(fn)` is passed by (`def f(a, *, b)`:
   * "a", null for the `*`, "b"), `**` for the `**kwargs` collector, null for what no keyword reaches
   * (`*args`, `/`, a positional-only parameter). A call's `name=value` goes to that parameter, not its position.
   */
  paramKeywords?(fn: Node): (string | null)[];
  paramDefaultOf(fn: Node, index: number): Node | undefined;
  /**
   * Whether the framework validates the parameter by an anchored words-only pattern its default or annotation gives
   * (FastAPI's `Path(pattern=...)`, see `wordsOnlyPattern`): a handler's such parameter holds no free text.
   */
  patternValidatedParam?(fn: Node, index: number): boolean;
  paramTypeOf(fn: Node, index: number): string | undefined;
  /**
   * The one class parameter `index`'s annotation names, as written (`svc: ItemService`, Python's `Optional[Store]`
   * or `"Store"`, TypeScript's `Store | undefined`), else undefined: a call on the parameter reaches that class's
   * methods when another file exports it.
   */
  paramClass?(fn: Node, index: number): string | undefined;
  /** The decorator or annotation expressions on parameter `index` (`@Body() dto`, `@RequestParam String q`). */
  paramDecorators(fn: Node, index: number): Node[];
  /**
   * The names that stand for a function's receiver: its own (`this`) and those its top-level statements bind to it
   * (`var self = this;`), for a handler whose receiver is the request (`this-request`); none where the language has
   * no such handlers.
   */
  receiverCopies?(fn: Node): string[];
  /** The name a function is known by (its own, or the variable or property it is assigned to). */
  unitName(fn: Node, parent?: Node | null): string | undefined;
  /** Whether a function is a method called on `this`/`self`. */
  isMethod(fn: Node): boolean;
  /**
   * The class a method belongs to, by name (a class body's method, JS `X.prototype.m = function`), for the
   * per-class field summary; undefined for other functions. Languages without it have no field summary.
   */
  classOf?(fn: Node): string | undefined;
  /** The names of the bases of a method's class (`class B(A)`, `class B extends A`), for dispatch to overrides. */
  classBases?(fn: Node): string[];
  /** The receiver's name in a method's access paths (`self`, `this`): its fields are the class's fields. */
  fieldReceiver?: string;
  /**
   * Objects besides the request that live as long as one request, where middleware leaves values for handlers:
   * `params`, a function parameter so named with the path under it (Express `res.locals`); `imports`, a module's
   * name imported (Flask `flask.g`). What a function stores there from input is input where a handler reads it, as
   * for a request's own fields (see `UnitEnv.requestFieldTaint`).
   */
  requestStores?: { params?: ReadonlyMap<string, string>; imports?: readonly string[] };
  /**
   * Methods of a function object that call it later with the same arguments (Celery's `task.delay(a, b)`): a call
   * `f.<method>(args)` is analysed as `f(args)`.
   */
  deferredCallMethods?: ReadonlySet<string>;
  /** Whether a function is an entry point of its module (see `HandlerSpec.exported`). */
  isExported(fn: Node, parent: Node | null): boolean;
  /**
   * The names module-level functions are exported under by a top-level statement, as [the function's name, the
   * exported name]: JS `export const GET = handler`, `export { handler as POST }`, `exports.GET = handler` (Next.js
   * route files). Per statement, so the file context keeps them per unedited statement.
   */
  exportAliasesOf?(stmt: Node): [string, string][];
  /** Whether a function is defined at module level (a name its module's other statements can refer to). */
  isModuleLevel?(fn: Node, parent: Node | null): boolean;
  /**
   * The module-level names a top-level statement exports, under their own name or another (JS `exports.f = f`,
   * `module.exports = { f, g: h }`, `export { f }`, `export default f`), for `isEntryPoint`. Per statement, like
   * `exportAliasesOf`.
   */
  exportedLocalsOf?(stmt: Node): string[];
  /**
   * Whether a function is part of the package's API, its callers out of sight (`library-input` rules, audit): an
   * exported function, a module-level function `exportedLocals` names, a method of an exported class or of an
   * exported constructor's prototype; Python: a public module-level function, or a public method (or `__init__`)
   * of a public module-level class. Defaults to `isExported`.
   */
  isEntryPoint?(fn: Node, parent: Node | null, exportedLocals: ReadonlySet<string>): boolean;
  /** Whether a module is a script run as a program (Python's `if __name__ == "__main__":`): it has no callers, no API. */
  isScript?(text: string): boolean;
  /**
   * Whether a file's path makes it private to its package (Python: a module or package named with a leading `_`,
   * `pip/_internal/...`): no function in it is the package's API, whatever its own name says.
   */
  isPrivatePath?(path: string): boolean;
  /**
   * Whether an expression builds a string with constant text of its own around the values in it: a concatenation
   * (or `%`) with a literal holding more than blanks and placeholders, a template or f-string with such text, a
   * `format` of such a literal, a `join` of a list literal holding one, an appending `+=`. For `constructed` sinks.
   */
  buildsString?(n: Node): boolean;
  /** Cross-file names by qualified module, for languages whose imports are not relative paths. */
  readonly qualifiedModules?: QualifiedModules;
  /** Names a file exports, for cross-file summaries. */
  exportedNames(tree: Tree): Set<string>;
  /**
   * Instances of classes, for calls to methods of a class another file exports (`cfg = Config()` then
   * `cfg.load(x)`). Without it no method of another file is followed.
   */
  readonly instances?: ClassInstances;
  /**
   * A call that constructs a class named in it (`Search(t)`, `new Search(t)`), with the name of the method that
   * initialises the instance (`__init__`, `constructor`): a class of the same file by that name has its constructor
   * applied at the call, and the fields it stores its parameters in hold the arguments. Absent: not followed.
   */
  constructs?(call: Node): { cls: string; method: string } | undefined;
  /**
   * The name of the method that initialises an instance (`__init__`, `constructor`), as `constructs` gives it: an
   * exported class's is summarised for the files that construct the class (see `summarizeExports`).
   */
  readonly constructorMethod?: string;
  /**
   * Whether a parameter's name node declares a field of the receiver too (TypeScript's `constructor(private readonly
   * source: string)`): the constructor stores the argument in `this.source`.
   */
  parameterProperty?(name: Node): boolean;
  /**
   * Local name -> canonical dotted name, from the file's imports (and aliases of imported names). `aliasSites`: the
   * file's `aliasSites`, each at its offset in `text`, in order (read per statement by the caller); without them the
   * whole text is searched.
   */
  collectImports(root: Node, text?: string, statements?: Node[], aliasSites?: readonly (readonly [number, string])[]): Map<string, string>;
  /**
   * Where a top-level statement's text may declare another name for an imported one (`run = subprocess.run`): each
   * name the value starts with, at its offset in `text`, in order. `lineStart`: whether the statement starts its
   * line. A function of the statement's text alone, so a caller keeps it while that text is unchanged.
   */
  aliasSites?(text: string, lineStart: boolean): [number, string][];

  // ---- fix idioms ----
  /** Splits a string-building expression into literal text and values, or undefined if it is not one. */
  decompose(n: Node, depth?: number): Part[] | undefined;
  /** The SQL placeholder of the file's driver, from what it imports. */
  sqlPlaceholder(imports: Map<string, string>): '?' | '$1' | '%s';
  /** The parameters argument of a parameterised query, from the values' code. */
  sqlParams(values: string[]): string;
  /**
   * For drivers that bind values on a prepared statement (JDBC): the statements that prepare `sql` and bind `values`
   * (before the sink's statement, ending with `indent`), and the call that replaces the sink; undefined when the
   * sink is not a query call it can rewrite. Without it, the values go beside the query (`sqlParams`).
   */
  preparedQuery?(sink: Node, sql: string, values: string[], name: string, imports: Map<string, string>, indent: string, eol: string): { pre: string; call: string } | undefined;
  /** A command call rewritten to run `argv` (code of each word, the program first) without word splitting or a shell. */
  argvCommand?(sink: Node, focus: Node, argv: string[]): { code: string; title: string } | undefined;
  /**
   * The words of a program's argument list that `focus` is, or is one of: an array or list literal (`['clone', x]`,
   * `List.of("git", x)`, `new String[] {"git", x}`) or the arguments of the call it is passed in (`exec.Command("git",
   * "clone", x)`), in order; undefined when it is neither. For the end-of-options fix.
   */
  argvWords?(focus: Node): Node[] | undefined;
  /** Statement-level node types that hold a sequence of statements (where a new statement can go before one). */
  readonly blockTypes: ReadonlySet<string>;
  /** An expression that keeps a path inside its root folder: the statements before, and the new name. */
  pathContainment(focus: Node, args: Node[], fresh: (base: string) => string, indent: string, eol: string): { pre: string; name: string } | undefined;
  /** `x` rewritten to redirect only to a relative path on this site; undefined when it needs an import the file lacks. */
  relativeRedirect(x: string, imports: Map<string, string>): string | undefined;
  /** HTML-escaping a value: the wrapping call, a line to add at the top when the file lacks an import, the title. */
  htmlEscaper(imports: Map<string, string>): { wrap: (code: string) => string; importLine?: string; title: string } | undefined;
  /**
   * The import that reading the environment needs (the language table's `envRead`), as an insertion, for the
   * secrets pack's env-var fix: Python's and Go's `os`; none when the file has it or the language needs none.
   */
  envImport?(root: Node | undefined, text: string, eol: string): { line: number; text: string } | undefined;
  /** A property whose assignment is an HTML sink, mapped to its text-only twin (`innerHTML` -> `textContent`). */
  textProperty?(name: string): string | undefined;
  /** The structural checks pattern rules may name (`check:`), by name. */
  readonly structuralChecks?: ReadonlyMap<string, StructuralCheck>;
}
