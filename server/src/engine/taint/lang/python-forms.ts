/**
 * Django forms, DRF serializers and pydantic models for the Python taint module: which validated fields hold no free
 * text, which form class a view's methods are bound to, and how a validated field is read. A bound form's `cleaned_data` is
 * input (`sources.yml`), but a field its class declares as an `IntegerField` or a `ChoiceField` is a number or one of
 * the program's own choices once validation passed, whatever the request sent.
 */
import type { Node } from 'web-tree-sitter';
import { fieldOf, kids, textOf, typeOf } from '../../patterns/pattern';
import { wordsOnlyPattern } from './language';

/**
 * Field classes (Django `forms.*`, DRF `serializers.*`) whose validated value is a number, a date, a UUID, a boolean,
 * one of the declared choices, a model instance or a slug (`^[-a-zA-Z0-9_]+$`): nothing an injection needs.
 */
const TYPED_FIELDS = new Set([
  'IntegerField', 'FloatField', 'DecimalField', 'BooleanField', 'NullBooleanField', 'DateField', 'DateTimeField',
  'TimeField', 'DurationField', 'UUIDField', 'ChoiceField', 'TypedChoiceField', 'MultipleChoiceField',
  'TypedMultipleChoiceField', 'ModelChoiceField', 'ModelMultipleChoiceField', 'SlugField', 'PrimaryKeyRelatedField',
]);

/** The attributes holding a bound form's or serializer's validated fields. */
const VALIDATED_DATA = new Set(['cleaned_data', 'validated_data']);

/** Class attributes naming the form or serializer class a generic view binds (`self.get_form()`, a method's `form`). */
const FORM_CLASS_ATTRS = new Set(['form_class', 'serializer_class']);

/** Methods of a generic view returning a bound instance of its `form_class` / `serializer_class`. */
const OWN_FORM_METHODS = new Set(['get_form', 'get_serializer']);

/** The class definition a top-level statement is (decorated or not), if any. */
function classOf(stmt: Node): Node | undefined {
  const cls = stmt.type === 'decorated_definition' ? fieldOf(stmt, 'definition') : stmt;
  return cls?.type === 'class_definition' ? cls : undefined;
}

/** The `name = value` assignments directly in a class body, and its methods' names. */
function classBody(cls: Node): { assigns: [string, Node][]; methods: Set<string> } {
  const assigns: [string, Node][] = [];
  const methods = new Set<string>();
  const body = fieldOf(cls, 'body');
  for (const s of body ? kids(body) : []) {
    const def = s.type === 'decorated_definition' ? fieldOf(s, 'definition') : s;
    if (def?.type === 'function_definition') {
      const name = fieldOf(def, 'name')?.text;
      if (name) methods.add(name);
      continue;
    }
    const a = s.type === 'expression_statement' ? kids(s)[0] : undefined;
    if (a?.type !== 'assignment') continue;
    const left = fieldOf(a, 'left');
    const right = fieldOf(a, 'right');
    if (left?.type === 'identifier' && right) assigns.push([left.text, right]);
  }
  return { assigns, methods };
}

/**
 * A `RegexField` pattern that lets through only word characters and hyphens, anchored at both ends
 * (`r"^[A-HJ-NPR-Z0-9]{17}$"`). Validators search: an unanchored pattern accepts any text holding a match.
 */
function safeRegex(n: Node | undefined): boolean {
  if (n?.type !== 'string' || kids(n).some((k) => k.type === 'interpolation')) return false;
  const m = /^[rRuU]*(['"])(.*)\1$/s.exec(n.text);
  return !!m && anchoredWordsOnly(m[2]!);
}

/** Whether a pattern's source is anchored at both ends (`^…$`, `\Z`) around a words-only body (see `safeRegex`). */
function anchoredWordsOnly(source: string): boolean {
  const body = /^\^(.*)(?:\$|\\Z|\\z)$/s.exec(source)?.[1];
  return !!body && wordsOnlyPattern(body);
}

/** Whether a field declaration's value (`forms.IntegerField(min_value=1)`) is a typed field (see `TYPED_FIELDS`). */
function typedField(value: Node): boolean {
  if (value.type !== 'call') return false;
  const fn = fieldOf(value, 'function');
  const name = fn ? textOf(fn).split('.').pop()! : '';
  if (TYPED_FIELDS.has(name)) return true;
  if (name !== 'RegexField') return false;
  const list = fieldOf(value, 'arguments');
  const args = list ? kids(list) : [];
  const kw = args.find((a) => a.type === 'keyword_argument' && fieldOf(a, 'name')?.text === 'regex');
  return safeRegex((kw ? fieldOf(kw, 'value') : args.find((a) => a.type !== 'keyword_argument' && a.type !== 'comment')) ?? undefined);
}

/**
 * pydantic field annotations whose validated value is a number, a date, a UUID, a boolean or one of the listed
 * literals (`int`, `Optional[conint(ge=1)]`, `Literal["avg", "max"]`, `Annotated[int, Field(ge=0)]`).
 */
const TYPED_ANNOTATION = /^(?:Optional\[|Annotated\[)?(?:int|float|bool|Decimal|UUID|uuid\.UUID|UUID[1345]|datetime|date|time|timedelta|(?:Positive|Negative|NonNegative|NonPositive|Strict)(?:Int|Float)|StrictBool|con(?:int|float|decimal)\([^()]*\)|Literal\[[^[\]]*\])(?:\]|,[^[\]]*\])?(?:\s*\|\s*None)?$/;

/** A class body's annotated fields (`name: type` or `name: type = default`), in order, with their annotations' text. */
function annotatedFields(cls: Node): [string, string][] {
  const body = fieldOf(cls, 'body');
  const out: [string, string][] = [];
  for (const s of body ? kids(body) : []) {
    const a = s.type === 'expression_statement' ? kids(s)[0] : undefined;
    const left = a?.type === 'assignment' ? fieldOf(a, 'left') : null;
    const type = a?.type === 'assignment' ? fieldOf(a, 'type') : null;
    if (left?.type === 'identifier' && type) out.push([left.text, type.text]);
  }
  return out;
}

/**
 * A string constrained by a pattern that admits only words (`constr(pattern=r"^[A-Z0-9-]{4,20}$")`, pydantic 1's
 * `regex=`, `Annotated[str, StringConstraints(pattern=...)]`, `Annotated[str, Field(pattern=...)]`): see `safeRegex`.
 */
const PATTERN_CONSTRAINED = /^(?:Optional\[)?(?:constr\(|Annotated\[\s*str\s*,\s*(?:StringConstraints|Field)\()[^]*?\b(?:pattern|regex)\s*=\s*[rRuU]*(['"])(.*?)\1/;

/** Whether an annotation's text is a typed one (`TYPED_ANNOTATION`, `PATTERN_CONSTRAINED`). */
function typedAnnotation(type: string): boolean {
  const t = type.replace(/\s+/g, ' ');
  if (TYPED_ANNOTATION.test(t)) return true;
  const source = PATTERN_CONSTRAINED.exec(t)?.[2];
  return source !== undefined && anchoredWordsOnly(source);
}

/** Whether a class statement is a pydantic model. */
const isModel = (cls: Node): boolean => /\b(?:BaseModel|SQLModel)\b/.test(fieldOf(cls, 'superclasses')?.text ?? '');

/** A pydantic model's annotated fields whose type is typed (`typedAnnotation`). */
function modelFields(cls: Node): string[] {
  if (!isModel(cls)) return [];
  return annotatedFields(cls).flatMap(([name, type]) => (typedAnnotation(type) ? [name] : []));
}

/** A type named by itself (`Carrier`, `Optional[CustomerRef]`, `CustomerRef | None`, `enums.Carrier`). */
const NAMED_TYPE = /^(?:Optional\[([A-Z]\w*(?:\.[A-Z]\w*)*)\]|([A-Z]\w*(?:\.[A-Z]\w*)*)(?:\s*\|\s*None)?)$/;

/**
 * See `LanguageModule.namedTypeFields`: a pydantic model's fields annotated by a type's name alone, with the name's
 * last part, for the file to resolve (an `Enum` of the file, a module-level typed alias).
 */
export function namedTypeFields(stmt: Node): [string, [string, string][]][] {
  const cls = classOf(stmt);
  const name = cls && fieldOf(cls, 'name')?.text;
  if (!cls || !name || !isModel(cls)) return [];
  const out = annotatedFields(cls).flatMap(([field, type]): [string, string][] => {
    const m = NAMED_TYPE.exec(type.trim());
    const t = m?.[1] ?? m?.[2];
    return t !== undefined && !typedAnnotation(type) ? [[field, t.slice(t.lastIndexOf('.') + 1)]] : [];
  });
  return out.length ? [[name, out]] : [];
}

/** See `LanguageModule.typedTypeAliases`: `CustomerRef = constr(pattern=...)`, `Sort = Literal["a", "b"]`. */
export function typedTypeAliases(stmt: Node): string[] {
  const a = stmt.type === 'expression_statement' ? kids(stmt)[0] : undefined;
  const left = a?.type === 'assignment' ? fieldOf(a, 'left') : null;
  const right = a?.type === 'assignment' && !fieldOf(a, 'type') ? fieldOf(a, 'right') : null;
  return left?.type === 'identifier' && right && /^[A-Z]/.test(left.text) && typedAnnotation(right.text) ? [left.text] : [];
}

/**
 * See `LanguageModule.typedFields`: a form's or serializer's typed field declarations (a `clean_<field>` method may
 * return anything: its field is left out), and a pydantic model's typed annotations.
 */
export function typedFields(stmt: Node): [string, string[]][] {
  const cls = classOf(stmt);
  const name = cls && fieldOf(cls, 'name')?.text;
  if (!cls || !name) return [];
  const { assigns, methods } = classBody(cls);
  const fields = assigns.filter(([f, v]) => typedField(v) && !methods.has(`clean_${f}`)).map(([f]) => f);
  fields.push(...modelFields(cls));
  return fields.length ? [[name, fields]] : [];
}

/** Decorators whose class gets a generated constructor storing its annotated fields (dataclasses, attrs). */
const RECORD_DECORATOR = /^@\s*(?:dataclasses\.dataclass|dataclass|attr\.s|attr\.attrs|attr\.define|attr\.frozen|attrs\.define|attrs\.frozen|define|frozen)\b/;

/** Base classes whose subclasses' constructors store their annotated fields (pydantic, NamedTuple, msgspec). */
const RECORD_BASE = /\b(?:BaseModel|SQLModel|NamedTuple|Struct)\b/;

/**
 * See `LanguageModule.recordFields`: a dataclass's, attrs class's, pydantic model's, NamedTuple's or msgspec
 * struct's annotated fields in declaration order (`ClassVar`s are the class's, not arguments). A pydantic model's typed
 * fields (`typedFields`) are left out: validation makes them numbers, dates or listed literals.
 */
export function recordFields(stmt: Node): [string, string[]][] {
  const cls = classOf(stmt);
  const name = cls && fieldOf(cls, 'name')?.text;
  if (!cls || !name) return [];
  const decorated = stmt.type === 'decorated_definition' && kids(stmt).some((d) => d.type === 'decorator' && RECORD_DECORATOR.test(d.text));
  const bases = fieldOf(cls, 'superclasses')?.text ?? '';
  if (!decorated && !RECORD_BASE.test(bases)) return [];
  const out = ownRecordFields(cls);
  return out.length ? [[name, out]] : [];
}

/** A class body's record fields: annotated, not `ClassVar`s; a typed one (see `modelFields`) as an empty name. */
function ownRecordFields(cls: Node): string[] {
  const typed = new Set(modelFields(cls));
  const out = annotatedFields(cls).flatMap(([field, type]) => (/^(?:typing\.)?ClassVar\b/.test(type) ? [] : [field]));
  // Positions count every field; the typed ones hold no text once constructed.
  return out.map((f) => (typed.has(f) ? '' : f));
}

/**
 * See `LanguageModule.recordBases`: a class's bases by name (not the record bases `recordFields` knows, nor
 * `object`), with its own annotated fields, for a subclass of a record class to inherit that class's fields.
 */
export function recordBases(stmt: Node): [string, string[], string[]][] {
  const cls = classOf(stmt);
  const name = cls && fieldOf(cls, 'name')?.text;
  const list = cls && fieldOf(cls, 'superclasses');
  if (!cls || !name || !list) return [];
  const bases = kids(list).flatMap((b) => ((b.type === 'identifier' || b.type === 'attribute') && b.text !== 'object' && !RECORD_BASE.test(b.text) ? [b.text] : []));
  return bases.length ? [[name, bases, ownRecordFields(cls)]] : [];
}

/** See `LanguageModule.boundFormClasses`: `form_class = BookForm` in a view class's body. */
export function boundFormClasses(stmt: Node): [string, string][] {
  const cls = classOf(stmt);
  const name = cls && fieldOf(cls, 'name')?.text;
  if (!cls || !name) return [];
  const out: [string, string][] = [];
  for (const [attr, v] of classBody(cls).assigns) if (FORM_CLASS_ATTRS.has(attr) && (v.type === 'identifier' || v.type === 'attribute')) out.push([name, v.text]);
  return out;
}

/** See `LanguageModule.constantKeyRead`: `data["year"]`, `data.get("year")`, `data.get("year", 0)`, `q.year`. */
export function constantKeyRead(n: Node): { object: Node; key: string } | undefined {
  let object: Node | null;
  let key: Node | undefined;
  if (typeOf(n) === 'attribute') {
    object = fieldOf(n, 'object');
    const attr = fieldOf(n, 'attribute');
    return object && attr ? { object, key: attr.text } : undefined;
  }
  if (typeOf(n) === 'subscript') {
    object = fieldOf(n, 'value');
    key = fieldOf(n, 'subscript') ?? undefined;
  } else if (typeOf(n) === 'call') {
    const fn = fieldOf(n, 'function');
    if (fn?.type !== 'attribute' || fieldOf(fn, 'attribute')?.text !== 'get') return undefined;
    object = fieldOf(fn, 'object');
    const args = fieldOf(n, 'arguments');
    key = args ? kids(args)[0] : undefined;
  } else return undefined;
  if (!object || key?.type !== 'string' || kids(key).some((k) => k.type === 'interpolation')) return undefined;
  const m = /^[rRuU]*(['"])(\w+)\1$/.exec(key.text);
  return m ? { object, key: m[2]! } : undefined;
}

/**
 * See `LanguageModule.validatedData`: `form.cleaned_data`, `serializer.validated_data`; and a view's own helper
 * handed the schema class alone (`self._validated(ExportSerializer)`, `validated(BookForm)`), which binds it to the
 * request and returns its validated data.
 */
export function validatedData(n: Node): { owner: Node } | { schema: string } | undefined {
  if (typeOf(n) === 'call') {
    const fn = fieldOf(n, 'function');
    const own = fn?.type === 'identifier' || (fn?.type === 'attribute' && fieldOf(fn, 'object')?.text === 'self');
    const args = own ? kids(fieldOf(n, 'arguments') ?? n) : [];
    return args.length === 1 && args[0]!.type === 'identifier' && SCHEMA_CLASS.test(args[0]!.text) ? { schema: args[0]!.text } : undefined;
  }
  const owner = typeOf(n) === 'attribute' && VALIDATED_DATA.has(fieldOf(n, 'attribute')?.text ?? '') ? fieldOf(n, 'object') : null;
  return owner ? { owner } : undefined;
}

/** A schema class by its name's usual ending. */
const SCHEMA_CLASS = /^[A-Z]\w*(?:Serializer|Form|Schema)$/;

/** See `LanguageModule.schemaOf`: `BookForm(request.POST)`, `forms.BookForm(...)`; `self.get_form()`. */
export function schemaOf(call: Node): string | undefined {
  if (typeOf(call) !== 'call') return undefined;
  const fn = fieldOf(call, 'function');
  if (fn?.type === 'identifier') return fn.text;
  if (fn?.type !== 'attribute') return undefined;
  const obj = fieldOf(fn, 'object');
  const method = fieldOf(fn, 'attribute')?.text ?? '';
  if (obj?.type === 'identifier' && obj.text === 'self') return OWN_FORM_METHODS.has(method) ? 'self' : undefined;
  return /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(fn.text) ? fn.text : undefined;
}

/**
 * Whether a node (a parameter's default or annotation) holds a call validating it by an anchored words-only pattern:
 * FastAPI's `Path(..., pattern=r"^[a-z0-9-]+$")`, `Annotated[str, Query(regex=...)]`, Litestar's `Parameter(pattern=...)`.
 * The framework answers 422 to a value failing it, before the handler runs.
 */
export function patternValidated(n: Node | undefined, depth = 0): boolean {
  if (!n || depth > 6) return false;
  if (n.type === 'call') {
    const list = fieldOf(n, 'arguments');
    for (const a of list ? kids(list) : []) {
      const name = a.type === 'keyword_argument' ? fieldOf(a, 'name')?.text : undefined;
      if ((name === 'pattern' || name === 'regex') && safeRegex(fieldOf(a, 'value') ?? undefined)) return true;
    }
    return false;
  }
  return kids(n).some((k) => patternValidated(k, depth + 1));
}
