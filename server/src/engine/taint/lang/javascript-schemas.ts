/**
 * zod schemas and class-validator DTOs for the JavaScript/TypeScript taint module: which fields hold no free text once
 * validation passed, and how validated data is read. `Filters.parse(req.query)` is the query, validated: a
 * `z.string().max(40)` field is still any text an attacker chose, a `z.coerce.number()` one a number.
 */
import type { Node } from 'web-tree-sitter';
import { fieldOf, kids, namedKids, textOf, typeOf } from '../../patterns/pattern';
import { wordsOnlyPattern } from './language';

/** The zod namespaces a schema is built from. */
const ZOD = new Set(['z', 'zod', 'z.coerce', 'zod.coerce']);

/** Types whose parsed value is a number, a boolean, a date, or one of the program's own values. */
const TYPED_ROOTS = new Set(['number', 'bigint', 'boolean', 'date', 'enum', 'nativeEnum', 'literal', 'uuid', 'cuid', 'cuid2', 'ulid', 'nan']);

/** String checks that leave no character an injection needs (`z.string().uuid()`, `.datetime()`). */
const TYPED_STRING_CHECKS = new Set(['uuid', 'cuid', 'cuid2', 'ulid', 'datetime', 'date', 'time', 'ip', 'ipv4', 'ipv6', 'nanoid']);

/** Methods after which the value is no longer the checked type (`.transform(f)`, `.or(z.string())`). */
const RETYPING = new Set(['transform', 'or', 'and', 'pipe', 'catch', 'preprocess', 'union', 'passthrough']);

/** Schema methods returning the input validated (`parse`), or a result holding it as `data` (`safeParse`). */
const PARSE = new Set(['parse', 'parseAsync']);
const SAFE_PARSE = new Set(['safeParse', 'safeParseAsync', 'spa']);

/** `await x`, `(x)`: the expression inside. */
function unwrap(n: Node): Node {
  for (let i = 0; i < 8 && (n.type === 'await_expression' || n.type === 'parenthesized_expression'); i++) {
    const inner = namedKids(n)[0];
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** A call chain `base.m1(...).m2(...)` as its base's text and the methods in call order; undefined for other shapes. */
function chain(n: Node): { base: string; methods: { name: string; call: Node }[] } | undefined {
  const methods: { name: string; call: Node }[] = [];
  let cur: Node = n;
  for (let i = 0; i < 32 && cur.type === 'call_expression'; i++) {
    const fn = fieldOf(cur, 'function');
    if (fn?.type !== 'member_expression') return undefined;
    methods.unshift({ name: fieldOf(fn, 'property')?.text ?? '', call: cur });
    cur = fieldOf(fn, 'object')!;
    if (!cur) return undefined;
  }
  return methods.length ? { base: cur.text, methods } : undefined;
}

/** A regex literal anchored at both ends, without the `m` flag, matching only word characters and hyphens. */
function safeRegexLiteral(n: Node | undefined): boolean {
  if (n?.type !== 'regex') return false;
  const body = /^\^(.*)\$$/s.exec(fieldOf(n, 'pattern')?.text ?? '')?.[1];
  return !!body && !(fieldOf(n, 'flags')?.text ?? '').includes('m') && wordsOnlyPattern(body);
}

/** Whether a field's schema (`z.coerce.number().int()`, `z.enum([...]).default('a')`) parses to no free text. */
function typedSchema(value: Node): boolean {
  const c = chain(value);
  if (!c || !ZOD.has(c.base) || c.methods.some((m) => RETYPING.has(m.name))) return false;
  const [root, ...rest] = c.methods;
  if (TYPED_ROOTS.has(root!.name)) return true;
  if (root!.name !== 'string') return false;
  return rest.some((m) => TYPED_STRING_CHECKS.has(m.name) || (m.name === 'regex' && safeRegexLiteral(namedKids(fieldOf(m.call, 'arguments') ?? m.call)[0])));
}

/** The object literal of `z.object({...})` (also `.strict()`, `.strip()` after it), if `value` is one. */
function objectSchema(value: Node): Node | undefined {
  const c = chain(value);
  if (!c || !ZOD.has(c.base) || !/^(object|strictObject)$/.test(c.methods[0]!.name) || c.methods.slice(1).some((m) => !/^(strict|strip)$/.test(m.name))) return undefined;
  const obj = namedKids(fieldOf(c.methods[0]!.call, 'arguments') ?? value)[0];
  return obj?.type === 'object' ? obj : undefined;
}

/**
 * class-validator decorators that leave no free text in a DTO's field once NestJS's `ValidationPipe` passed it: a
 * number, a boolean, a date, one of the listed values, an id or a string of letters and digits.
 */
const TYPED_DECORATORS = new Set([
  'IsInt', 'IsNumber', 'IsBoolean', 'IsIn', 'IsEnum', 'IsUUID', 'IsDate', 'IsDateString', 'IsISO8601', 'IsMongoId',
  'IsNumberString', 'IsAlphanumeric', 'IsAlpha', 'IsHexadecimal', 'IsPositive', 'IsNegative', 'IsPort', 'IsBooleanString',
  'IsHexColor', 'IsLatitude', 'IsLongitude', 'IsDecimal',
]);

/** A DTO class's fields with a typed class-validator decorator (`@IsInt() page: number`, `@Matches(/^[a-z]+$/)`). */
function dtoFields(cls: Node): string[] {
  const body = fieldOf(cls, 'body');
  const out: string[] = [];
  for (const f of body ? namedKids(body) : []) {
    if (f.type !== 'public_field_definition') continue;
    const name = fieldOf(f, 'name');
    const typed = namedKids(f).some((d) => {
      const call = d.type === 'decorator' ? namedKids(d)[0] : undefined;
      const fn = call?.type === 'call_expression' ? fieldOf(call, 'function') : null;
      if (!fn || fn.type !== 'identifier') return false;
      return TYPED_DECORATORS.has(fn.text) || (fn.text === 'Matches' && safeRegexLiteral(namedKids(fieldOf(call!, 'arguments') ?? call!)[0]));
    });
    if (typed && name?.type === 'property_identifier') out.push(name.text);
  }
  return out;
}

/**
 * See `LanguageModule.typedFields`: `const Filters = z.object({ limit: z.coerce.number(), q: z.string() })`, and a
 * class-validator DTO (`class ListDto { @IsInt() page: number }`).
 */
export function typedFields(stmt: Node): [string, string[]][] {
  const decl = stmt.type === 'export_statement' ? fieldOf(stmt, 'declaration') : stmt;
  if (decl?.type === 'class_declaration' || decl?.type === 'abstract_class_declaration') {
    const name = fieldOf(decl, 'name');
    const fields = dtoFields(decl);
    return name && fields.length ? [[name.text, fields]] : [];
  }
  if (decl?.type !== 'lexical_declaration' && decl?.type !== 'variable_declaration') return [];
  const out: [string, string[]][] = [];
  for (const d of kids(decl)) {
    const name = d.type === 'variable_declarator' ? fieldOf(d, 'name') : null;
    const value = d.type === 'variable_declarator' ? fieldOf(d, 'value') : null;
    const obj = name?.type === 'identifier' && value ? objectSchema(value) : undefined;
    if (!obj) continue;
    out.push([name!.text, objectPairs(obj).filter(([, v]) => typedSchema(v)).map(([k]) => k)]);
  }
  return out;
}

/** See `LanguageModule.constantKeyRead`: `q.limit`, `q?.limit`, `q['limit']`. */
export function constantKeyRead(n: Node): { object: Node; key: string } | undefined {
  const object = fieldOf(n, 'object');
  if (!object) return undefined;
  if (typeOf(n) === 'member_expression') {
    const p = fieldOf(n, 'property');
    return p?.type === 'property_identifier' ? { object, key: p.text } : undefined;
  }
  if (typeOf(n) !== 'subscript_expression') return undefined;
  const index = fieldOf(n, 'index');
  return index?.type === 'string' && !/[\\]/.test(index.text) ? { object, key: index.text.slice(1, -1) } : undefined;
}

/**
 * See `LanguageModule.validatedData`: `Filters.parse(x)`, `await Filters.parseAsync(x)`, `Filters.safeParse(x)` (the
 * schema named), and `r.data` (read off `r`, see `schemaOf`).
 */
export function validatedData(n: Node): { owner: Node } | { schema: string } | undefined {
  const u = unwrap(n);
  if (u.type === 'member_expression') {
    const obj = fieldOf(u, 'object');
    return obj && fieldOf(u, 'property')?.text === 'data' ? { owner: obj } : undefined;
  }
  const fn = u.type === 'call_expression' ? fieldOf(u, 'function') : null;
  const obj = fn?.type === 'member_expression' ? fieldOf(fn, 'object') : null;
  const method = fn && fieldOf(fn, 'property')?.text;
  return obj && method && (PARSE.has(method) || SAFE_PARSE.has(method)) && /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)?$/.test(textOf(obj)) ? { schema: textOf(obj) } : undefined;
}

/** See `LanguageModule.schemaOf`: `Filters.safeParse(x)`, whose `data` is the validated input. */
export function schemaOf(call: Node): string | undefined {
  const u = unwrap(call);
  const fn = u.type === 'call_expression' ? fieldOf(u, 'function') : null;
  const obj = fn?.type === 'member_expression' ? fieldOf(fn, 'object') : null;
  return obj && SAFE_PARSE.has(fieldOf(fn!, 'property')?.text ?? '') ? textOf(obj) : undefined;
}

/** A route schema's parts (Fastify's `schema: { querystring, params, body, headers }`) by the request's field holding each. */
const ROUTE_PARTS: Readonly<Record<string, string>> = { querystring: 'query', query: 'query', params: 'params', body: 'body', headers: 'headers' };

/** JSON Schema types whose validated value is no text; string formats that leave no character an injection needs. */
const TYPED_JSON_TYPES = new Set(['integer', 'number', 'boolean']);
const TYPED_JSON_FORMATS = new Set(['uuid', 'date-time', 'date', 'time', 'ipv4', 'ipv6']);
/** TypeBox builders (`Type.Integer()`) of the same. */
const TYPED_TYPEBOX = new Set(['Integer', 'Number', 'Boolean', 'Literal', 'Enum']);

/** An object literal's entries by plain key (identifier or string); of a key written twice, the last, as JavaScript reads it. */
function entries(obj: Node): Map<string, Node> {
  return new Map(objectPairs(obj));
}

/** An object literal's `key: value` pairs with a plain key (identifier or string), in order, duplicates kept. */
function objectPairs(obj: Node): [string, Node][] {
  const out: [string, Node][] = [];
  for (const p of namedKids(obj)) {
    if (p.type !== 'pair') continue;
    const key = fieldOf(p, 'key');
    const value = fieldOf(p, 'value');
    const k = key?.type === 'property_identifier' ? key.text : key?.type === 'string' ? key.text.slice(1, -1) : undefined;
    if (k !== undefined && value) out.push([k, value]);
  }
  return out;
}

/** A string literal's value, for one whose only escapes are `\\` (a pattern's `'^[a-z]+\\.csv$'`). */
function plainString(n: Node | undefined): string | undefined {
  const body = n?.type === 'string' ? n.text.slice(1, -1) : undefined;
  return body === undefined || /\\[^\\]/.test(body.replace(/\\\\/g, '')) ? undefined : body.replace(/\\\\/g, '\\');
}

/** Whether a property's JSON Schema (or TypeBox builder) admits no free text: an enum, a const, a number, a format. */
function typedJsonSchema(n: Node): boolean {
  if (n.type === 'call_expression') {
    const fn = fieldOf(n, 'function');
    return fn?.type === 'member_expression' && /^(Type|T|t)$/.test(fieldOf(fn, 'object')?.text ?? '') && TYPED_TYPEBOX.has(fieldOf(fn, 'property')?.text ?? '');
  }
  if (n.type !== 'object') return false;
  const e = entries(n);
  if (e.has('anyOf') || e.has('oneOf')) return false;
  if (e.get('enum')?.type === 'array' || e.has('const')) return true;
  const type = plainString(e.get('type'));
  if (type !== undefined && TYPED_JSON_TYPES.has(type)) return true;
  if (type !== 'string' && type !== undefined) return false;
  const format = plainString(e.get('format'));
  if (format !== undefined && TYPED_JSON_FORMATS.has(format)) return true;
  // `pattern: '^[a-z0-9-]+$'`: anchored, word characters only.
  const body = /^\^(.*)\$$/s.exec(plainString(e.get('pattern')) ?? '')?.[1];
  return !!body && wordsOnlyPattern(body);
}

/**
 * The request fields a route's schema in its registration validates to no free text, as `query.limit`, `params.id`:
 * Fastify's `fastify.get(path, { schema: { querystring: { … } } }, handler)` and `fastify.route({ schema, handler })`,
 * the schema of a part a JSON Schema object (or its shorthand, the properties alone) or a TypeBox
 * `Type.Object({ … })`. Fastify rejects a request failing it before the handler runs, and coerces the query's and
 * path's numbers. An options object, schema or part held in a module constant (`{ schema: listSchema }`) is read
 * through `valueOf`; `refs` says whether one was named (without `valueOf`, only what is written in place is read).
 */
export function routeSchemaFields(call: Node, valueOf?: (name: string) => Node | undefined): { fields: string[]; refs: boolean } {
  let refs = false;
  // A module constant's value, through TypeScript's `as const` / `satisfies T` and parentheses.
  const deref = (n: Node | undefined): Node | undefined => {
    for (let i = 0; i < 8 && n; i++) {
      if (n.type === 'identifier') {
        refs = true;
        n = valueOf?.(n.text);
      } else if (n.type === 'as_expression' || n.type === 'satisfies_expression' || n.type === 'parenthesized_expression') n = namedKids(n)[0];
      else break;
    }
    return n;
  };
  const args = fieldOf(call, 'arguments');
  const fields: string[] = [];
  for (const arg of args ? namedKids(args) : []) {
    const a = arg.type === 'identifier' ? deref(arg) : arg;
    const schema = a?.type === 'object' ? deref(entries(a).get('schema')) : undefined;
    if (schema?.type !== 'object') continue;
    for (const [part, written] of entries(schema)) {
      const field = ROUTE_PARTS[part];
      const value = field ? deref(written) : undefined;
      if (!value) continue;
      let props: Map<string, Node> | undefined;
      if (value.type === 'object') {
        const e = entries(value);
        const p = deref(e.get('properties'));
        props = p?.type === 'object' ? entries(p) : e.has('type') ? undefined : e;
      } else if (value.type === 'call_expression') {
        const fn = fieldOf(value, 'function');
        const obj = deref(namedKids(fieldOf(value, 'arguments') ?? value)[0]);
        if (fn?.type === 'member_expression' && fieldOf(fn, 'property')?.text === 'Object' && obj?.type === 'object') props = entries(obj);
      }
      for (const [name, s] of props ?? []) {
        const schema = deref(s);
        if (/^[A-Za-z_$][\w$]*$/.test(name) && schema && typedJsonSchema(schema)) fields.push(`${field}.${name}`);
      }
    }
  }
  return { fields, refs };
}
