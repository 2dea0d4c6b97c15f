// Prototype pollution in utility functions: shapes that look like unsafe merges or deep setters but whose keys can
// never be __proto__/constructor/prototype, or never reach Object.prototype; each beside a variant that can.
'use strict';

// ---- keys with constant text around them ----

// A part with a constant prefix that no dangerous name starts with: '$' + part is never __proto__.
function setScoped(store, path, value) {
  const parts = path.split('.');
  let node = store;
  for (let i = 0; i < parts.length - 1; i++) {
    node = node['$' + parts[i]] || (node['$' + parts[i]] = {});
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  node['$' + parts[parts.length - 1]] = value;
}

// A template with a constant suffix: `${part}:meta` is never a dangerous name either.
function setTagged(store, path, value) {
  const parts = path.split('.');
  let node = store;
  for (let i = 0; i < parts.length - 1; i++) {
    const slot = `${parts[i]}:meta`;
    node = node[slot] || (node[slot] = {});
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  node[parts[parts.length - 1]] = value;
}

// A prefix that __proto__ does start with: '_' + '_proto__' is __proto__.
function setUnderscored(store, path, value) {
  const parts = path.split('.');
  let node = store;
  for (let i = 0; i < parts.length - 1; i++) {
    node = node['_' + parts[i]] || (node['_' + parts[i]] = {});
  }
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  node[parts[parts.length - 1]] = value;
}

// A reduce whose callback hands on the accumulator itself (a comma expression ending in it), labelling each entry.
function describeEntries(map) {
  // ok: js.prototype-pollution.unsafe-path-assignment
  return [...map.entries()].reduce((acc, [key, val], i) => ((acc[label(key, i) + ' =>'] = val), acc), {});
}
function label(key, i) {
  return typeof key === 'symbol' ? `Symbol(${i})` : String(key);
}

// The same comma form handing on the next level: a walk along the parts.
function ensurePath(root, path, value) {
  const parts = path.split('.');
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  parts.reduce((node, part, i) => (i === parts.length - 1 ? (node[part] = value) : (node[part] = node[part] || {}), node[part]), root);
  return root;
}

// ---- parts split on a separator that every dangerous name contains ----

// Parts of a split on '__' never hold '__' (so never __proto__), and the walk descends only into objects, so
// `constructor` (a function) stops it.
function fromEnvironment(prefix, vars) {
  const out = {};
  for (const name of Object.keys(vars)) {
    if (!name.startsWith(prefix)) continue;
    const parts = name.slice(prefix.length).split('__');
    let cursor = out;
    parts.forEach((part, i) => {
      if (!part || typeof cursor !== 'object') return;
      // ok: js.prototype-pollution.unsafe-path-assignment
      if (i === parts.length - 1) cursor[part] = vars[name];
      if (cursor[part] === undefined) cursor[part] = {};
      cursor = cursor[part];
    });
  }
  return out;
}

// A split on '_': no part is __proto__, but constructor_prototype_polluted walks Object -> Object.prototype.
function fromUnderscoreNames(vars) {
  const out = {};
  for (const name of Object.keys(vars)) {
    const parts = name.toLowerCase().split('_');
    let cursor = out;
    for (let i = 0; i < parts.length - 1; i++) {
      if (cursor[parts[i]] === undefined) cursor[parts[i]] = {};
      cursor = cursor[parts[i]];
    }
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    cursor[parts[parts.length - 1]] = vars[name];
  }
  return out;
}

// The same '__' split with no type test: constructor and prototype are still parts.
function fromEnvironmentLoose(vars) {
  const out = {};
  for (const name of Object.keys(vars)) {
    const parts = name.split('__');
    let cursor = out;
    for (let i = 0; i < parts.length - 1; i++) {
      cursor = cursor[parts[i]] || (cursor[parts[i]] = {});
    }
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    cursor[parts[parts.length - 1]] = vars[name];
  }
  return out;
}

// ---- keys checked by every caller ----

const RESERVED_PARTS = ['__proto__', 'constructor', 'prototype'];
function checkedParts(path) {
  const parts = path.split('.');
  if (parts.some((p) => RESERVED_PARTS.includes(p))) throw new Error(`refusing to set ${path}`);
  return parts;
}

// A private recursive setter: both callers hand it parts that checkedParts refused.
function fillParts(parts, obj, value) {
  const key = parts.shift();
  if (parts.length > 0) {
    obj[key] = obj[key] || {};
    fillParts(parts, obj[key], value);
  } else {
    // ok: js.prototype-pollution.unsafe-path-assignment
    obj[key] = value;
  }
}
function setChecked(obj, path, value) {
  fillParts(checkedParts(path), obj, value);
  return obj;
}
function setAllChecked(obj, values) {
  for (const path of Object.keys(values)) {
    const parts = checkedParts(path);
    fillParts(parts, obj, values[path]);
  }
  return obj;
}

// The same setter with one caller that splits the path itself.
function fillLoose(parts, obj, value) {
  const key = parts.shift();
  if (parts.length > 0) {
    obj[key] = obj[key] || {};
    fillLoose(parts, obj[key], value);
  } else {
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    obj[key] = value;
  }
}
function setLoose(obj, path, value) {
  fillLoose(checkedParts(path), obj, value);
  fillLoose(path.split('/'), obj, value);
}

// A schema whose keys a refusing normaliser wrote: the only caller builds it with normalize() first.
function normalize(name, def, into) {
  if (name === '__proto__' || name === 'constructor' || name === 'prototype') throw new Error(`reserved key ${name}`);
  into[name] = def && typeof def === 'object' && !('default' in def) ? { children: {} } : { default: def };
  if (into[name].children) for (const k of Object.keys(def)) normalize(k, def[k], into[name].children);
}
function applyDefaults(schema, values) {
  Object.keys(schema.children).forEach((name) => {
    const node = schema.children[name];
    if (node.children) {
      // ok: js.prototype-pollution.unsafe-merge-function
      values[name] = values[name] || {};
      applyDefaults(node, values[name]);
    } else if (values[name] === undefined) values[name] = node.default;
  });
}
function loadConfig(def) {
  const schema = { children: {} };
  for (const k of Object.keys(def)) normalize(k, def[k], schema.children);
  const values = {};
  applyDefaults(schema, values);
  return values;
}

// The same defaults walk, with a caller that hands it a schema nothing checked.
function applyDefaultsLoose(schema, values) {
  Object.keys(schema.children).forEach((name) => {
    const node = schema.children[name];
    if (node.children) {
      values[name] = values[name] || {};
      applyDefaultsLoose(node, values[name]);
      // ruleid: js.prototype-pollution.unsafe-merge-function
    } else if (values[name] === undefined) values[name] = node.default;
  });
}
function loadRaw(text) {
  const values = {};
  applyDefaultsLoose(JSON.parse(text), values);
  return values;
}

// ---- an object's own keys written back into the same object ----

// Every key is the object's own (even an own "__proto__" from JSON.parse is a plain data property), and the
// values written are wrappers of its own values: no second object's keys reach the target.
function wrapMethods(obj) {
  Object.keys(obj).forEach((key) => {
    if (typeof obj[key] === 'function') {
      // ok: js.prototype-pollution.unsafe-merge-function
      obj[key] = wrap(obj[key]);
    } else if (obj[key] && typeof obj[key] === 'object') {
      wrapMethods(obj[key]);
    }
  });
  return obj;
}
function wrap(f) {
  return (...args) => Promise.resolve(f(...args));
}

// Keys of one object, writes into another: the classic merge.
function copyMethods(into, from) {
  Object.keys(from).forEach((key) => {
    if (from[key] && typeof from[key] === 'object') {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      into[key] = copyMethods(into[key] || {}, from[key]);
    } else into[key] = from[key];
  });
  return into;
}

// ---- copy, then walk into the copy ----

// Each step replaces the slot with a copy of its own value and then walks into that copy: Object.prototype is
// read, never written (a `__proto__` step sets the copy's prototype to a copy).
function copyAlong(object, path) {
  const parts = path.split('.');
  const result = copyOf(object);
  let nested = result;
  for (let i = 0; nested != null && i < parts.length; i++) {
    const key = parts[i];
    const current = nested[key];
    if (current != null && typeof current === 'object') {
      // ok: js.prototype-pollution.unsafe-path-assignment
      nested[key] = copyOf(current);
    }
    nested = nested[key];
  }
  return result;
}

// The same walk writing the caller's value: `__proto__.x` writes the value into Object.prototype.
function putAlong(object, path, value) {
  const parts = path.split('.');
  let nested = object;
  for (let i = 0; nested != null && i < parts.length; i++) {
    const key = parts[i];
    if (i === parts.length - 1) {
      // ruleid: js.prototype-pollution.unsafe-path-assignment
      nested[key] = copyOf(value);
    }
    nested = nested[key];
  }
  return object;
}

function copyOf(v) {
  return Array.isArray(v) ? v.slice() : { ...v };
}

// ---- refusals kept elsewhere ----

// A deny list kept as a property of the module's exports.
exports.UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'];
function mergeListed(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (exports.UNSAFE_KEYS.includes(key)) continue;
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = value && typeof value === 'object' ? mergeListed(target[key] || {}, value) : value;
  }
  return target;
}

// A key test from another module whose name says it refuses unsafe keys, and a descent only into plain objects
// (constructor, a function, is none).
const { isUnsafeKey, isPlainObject } = require('./object-keys');
function mergeImported(target, source) {
  for (const key of Object.keys(source)) {
    if (isUnsafeKey(key)) continue;
    if (isPlainObject(source[key]) && isPlainObject(target[key])) {
      // ok: js.prototype-pollution.unsafe-merge-function
      target[key] = mergeImported(target[key], source[key]);
    } else target[key] = source[key];
  }
  return target;
}

// A local function of such a name is judged by what it does: this one lets __proto__ through.
function isSafeName(key) {
  return key.length > 0;
}
function mergeNamed(target, source) {
  for (const key of Object.keys(source)) {
    if (!isSafeName(key)) continue;
    if (isPlainObject(source[key]) && isPlainObject(target[key])) {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      target[key] = mergeNamed(target[key], source[key]);
    } else target[key] = source[key];
  }
  return target;
}

// ---- copy on write ----

// The target is replaced by the function's own copy before the first write; nested levels are merged the same
// way, so Object.prototype is read, never written.
function mergeImmutable(first, ...rest) {
  let out = first;
  let copied = false;
  for (const obj of rest) {
    const keys = keysAndSymbols(obj);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      let next = obj[key];
      if (out[key] && typeof out[key] === 'object' && next && typeof next === 'object') next = mergeImmutable(out[key], next);
      if (next === out[key]) continue;
      if (!copied) {
        copied = true;
        out = copyOf(out);
      }
      // ok: js.prototype-pollution.unsafe-path-assignment
      out[key] = next;
    }
  }
  return out;
}

// The same merge writing into its argument.
function mergeMutable(first, ...rest) {
  const out = first;
  for (const obj of rest) {
    const keys = keysAndSymbols(obj);
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j];
      let next = obj[key];
      if (out[key] && typeof out[key] === 'object' && next && typeof next === 'object') next = mergeMutable(out[key], next);
      // ruleid: js.prototype-pollution.unsafe-path-assignment
      out[key] = next;
    }
  }
  return out;
}

function keysAndSymbols(obj) {
  return [...Object.keys(obj), ...Object.getOwnPropertySymbols(obj)];
}

// A merge into a spread copy of its target: each level copies before it writes.
function mergeCopy(target, source) {
  target = { ...target };
  for (const key of Object.keys(source)) {
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = isPlainObject(source[key]) ? mergeCopy(target[key] || {}, source[key]) : source[key];
  }
  return target;
}

// The copy made after the writes protects nothing.
function mergeThenCopy(target, source) {
  for (const key of Object.keys(source)) {
    // ruleid: js.prototype-pollution.unsafe-merge-function
    target[key] = isPlainObject(source[key]) ? mergeThenCopy(target[key] || {}, source[key]) : source[key];
  }
  target = { ...target };
  return target;
}

// ---- a counter stepped in the loop's condition ----

function applyPatch(target, patch) {
  let it = target;
  let i = -1;
  const last = patch.path.length - 1;
  while (++i < last) {
    if (it[patch.path[i]] === undefined) it[patch.path[i]] = {};
    it = it[patch.path[i]];
  }
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  it[patch.path[i]] = patch.value;
  return target;
}

// ---- a descent guarded by a local predicate that excludes functions ----

// __proto__ refused, and the descent only into values a local helper accepts: objects and arrays, never
// functions, so `constructor` (Object, a function) is not entered.
function isObj(v) {
  return v !== null && typeof v === 'object';
}
function canDescend(v) {
  return isObj(v) || Array.isArray(v);
}
function mergeGuarded(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__') continue;
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = canDescend(source[key]) && canDescend(target[key]) ? mergeGuarded(target[key], source[key]) : source[key];
  }
  return target;
}

// The same with a predicate that also holds for functions: constructor.prototype is entered.
function isObjectish(v) {
  const t = typeof v;
  return v != null && (t === 'object' || t === 'function');
}
function mergeObjectish(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__') continue;
    // ruleid: js.prototype-pollution.unsafe-merge-function
    target[key] = isObjectish(source[key]) && isObjectish(target[key]) ? mergeObjectish(target[key], source[key]) : source[key];
  }
  return target;
}

module.exports = {
  setScoped,
  setTagged,
  setUnderscored,
  describeEntries,
  ensurePath,
  fromEnvironment,
  fromUnderscoreNames,
  fromEnvironmentLoose,
  setChecked,
  setAllChecked,
  setLoose,
  loadConfig,
  loadRaw,
  wrapMethods,
  copyMethods,
  copyAlong,
  putAlong,
  mergeListed,
  mergeImported,
  mergeNamed,
  mergeImmutable,
  mergeMutable,
  applyPatch,
  mergeCopy,
  mergeThenCopy,
  mergeGuarded,
  mergeObjectish,
};

// A deep setter whose path parts were all refused first: the walk's variable (`node = node[k]`) is no object the
// write's `$O[$K1][$K2]` stands for.
const FORBIDDEN_PARTS = new Set(['__proto__', 'constructor', 'prototype']);
function setOptionPath(opts, dottedPath, value) {
  const keys = String(dottedPath).split('.');
  if (keys.some((k) => FORBIDDEN_PARTS.has(k))) throw new Error('invalid option path');
  let node = opts;
  for (const k of keys.slice(0, -1)) {
    if (!Object.prototype.hasOwnProperty.call(node, k)) node[k] = {};
    node = node[k];
  }
  // ok: js.prototype-pollution.merge
  node[keys[keys.length - 1]] = value;
}
app.post('/options', (req, res) => {
  setOptionPath({}, req.body.path, req.body.value);
  res.sendStatus(204);
});
