// Prototype pollution in utility functions: recursive merges and deep setters, with no source in the file.
'use strict';

// ---- recursive merges ----

// The textbook deep merge: for…in over the source, recursing into target[key].
function merge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object' && source[key] !== null) {
      if (!target[key]) target[key] = {};
      merge(target[key], source[key]);
    } else {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      target[key] = source[key];
    }
  }
  return target;
}

// Object.keys(…).forEach with the write in the callback, and the recursion in the value.
const deepAssign = function (dest, src) {
  Object.keys(src).forEach((k) => {
    // ruleid: js.prototype-pollution.unsafe-merge-function
    dest[k] = isObject(src[k]) ? deepAssign(dest[k] || {}, src[k]) : src[k];
  });
  return dest;
};

// for…of over Object.entries.
function mergeEntries(into, from) {
  for (const [name, value] of Object.entries(from)) {
    if (value && typeof value === 'object') {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      into[name] = mergeEntries(into[name] ?? {}, value);
    } else into[name] = value;
  }
  return into;
}

// jQuery-style extend: sources from `arguments`, the recursion target kept in locals.
function extend() {
  let target = arguments[0] || {};
  const deep = true;
  for (let i = 1; i < arguments.length; i++) {
    const options = arguments[i];
    for (const name in options) {
      const src = target[name];
      const copy = options[name];
      if (deep && copy && typeof copy === 'object') {
        const clone = src && typeof src === 'object' ? src : {};
        // ruleid: js.prototype-pollution.unsafe-merge-function
        target[name] = extend(clone, copy);
      } else if (copy !== undefined) {
        target[name] = copy;
      }
    }
  }
  return target;
}

// An index loop over a keys array.
function defaultsDeep(obj, defaults) {
  const keys = Object.keys(defaults);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (typeof defaults[key] === 'object') {
      obj[key] = obj[key] || {};
      defaultsDeep(obj[key], defaults[key]);
      // ruleid: js.prototype-pollution.unsafe-merge-function
    } else if (obj[key] === undefined) obj[key] = defaults[key];
  }
  return obj;
}

// A method of a config class, recursing through `this`.
class Config {
  apply(target, patch) {
    for (const key of Object.keys(patch)) {
      if (isObject(patch[key]) && isObject(target[key])) {
        this.apply(target[key], patch[key]);
      } else {
        // ruleid: js.prototype-pollution.unsafe-merge-function
        target[key] = patch[key];
      }
    }
  }
}

// Many sources as a rest parameter.
function mergeAll(target, ...sources) {
  for (const source of sources) {
    for (const key in source) {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      target[key] = isObject(source[key]) ? mergeAll(target[key] || {}, source[key]) : source[key];
    }
  }
  return target;
}

// The well-known snippet that writes with Object.assign and a computed key.
function mergeDeep(target, source) {
  if (isObject(target) && isObject(source)) {
    for (const key in source) {
      if (isObject(source[key])) {
        // ruleid: js.prototype-pollution.unsafe-merge-function
        if (!target[key]) Object.assign(target, { [key]: {} });
        mergeDeep(target[key], source[key]);
      } else {
        Object.assign(target, { [key]: source[key] });
      }
    }
  }
  return target;
}

// A target that is a member of an object (options.defaults) is still the recursion's target.
const utils = {
  assignDeep(base, extra) {
    for (const p in extra) {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      base[p] = typeof extra[p] === 'object' ? utils.assignDeep(base[p] || {}, extra[p]) : extra[p];
    }
    return base;
  },
};

// Checking that the key is an own property of the SOURCE protects nothing: JSON.parse makes __proto__ an own key.
function mergeOwn(target, source) {
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
    if (isObject(target[key])) mergeOwn(target[key], source[key]);
    // ruleid: js.prototype-pollution.unsafe-merge-function
    else target[key] = source[key];
  }
}

// Refusing only __proto__: the recursion still descends into target.constructor (a function, as isExtendable
// allows), and its prototype is Object.prototype.
function mixin(target, source) {
  for (const key in source) {
    if (key === '__proto__') continue;
    const existing = target[key];
    // ruleid: js.prototype-pollution.unsafe-merge-function
    if (isExtendable(existing) && isExtendable(source[key])) target[key] = mixin(existing, source[key]);
    else target[key] = source[key];
  }
  return target;
}
function isExtendable(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

// Refusing __proto__ and descending only into plain objects: constructor (a function) is replaced, not entered.
function extendPlain(target, source) {
  for (const key in source) {
    if (key === '__proto__') continue;
    const src = target[key];
    const clone = src && typeof src === 'object' ? src : {};
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = isObject(source[key]) ? extendPlain(clone, source[key]) : source[key];
  }
  return target;
}

// A class whose constructor names __proto__: helper names such as `constructor` are looked up as own entries only.
class Store {
  constructor() {
    this.reserved = ['__proto__'];
  }
  merge(target, source) {
    for (const key in source) {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      target[key] = isObject(source[key]) ? this.merge(target[key] || {}, source[key]) : source[key];
    }
    return target;
  }
}

// ---- deep setters ----

// The classic dot-path setter.
function setPath(obj, path, value) {
  const parts = path.split('.');
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!cur[parts[i]]) cur[parts[i]] = {};
    cur = cur[parts[i]];
  }
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
}

// Shift the parts off; the write of the last part after the loop.
function setIn(target, keyPath, val) {
  const keys = Array.isArray(keyPath) ? keyPath.slice() : keyPath.split('.');
  let node = target;
  while (keys.length > 1) {
    const k = keys.shift();
    node = node[k] = node[k] || {};
  }
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  node[keys[0]] = val;
  return target;
}

// The write inside the loop, on the last part.
function assignPath(root, segments, value) {
  let o = root;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      // ruleid: js.prototype-pollution.unsafe-path-assignment
      o[seg] = value;
    } else {
      if (typeof o[seg] !== 'object') o[seg] = {};
      o = o[seg];
    }
  });
}

// reduce with the object as accumulator.
const setByReduce = (obj, path, value) =>
  path.split('.').reduce((acc, part, i, all) => {
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    if (i === all.length - 1) acc[part] = value;
    else if (!acc[part]) acc[part] = {};
    return acc[part];
  }, obj);

// A query-string style parser: `a[b][c]=1` into a fresh object, still walking into __proto__.
function parseNested(query) {
  const result = {};
  for (const pair of query.split('&')) {
    const [rawKey, rawValue] = pair.split('=');
    const path = rawKey.replace(/\]/g, '').split('[');
    let cur = result;
    for (let i = 0; i < path.length - 1; i++) {
      cur = cur[path[i]] || (cur[path[i]] = {});
    }
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    cur[path[path.length - 1]] = decodeURIComponent(rawValue);
  }
  return result;
}

// Refusing only __proto__ leaves constructor.prototype: obj.constructor is Object, and its prototype is the target.
function setChecked(obj, path, value) {
  const parts = path.split('.');
  if (parts.includes('__proto__')) throw new Error('bad path');
  let cur = obj;
  for (const p of parts.slice(0, -1)) cur = cur[p] = cur[p] || {};
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
}

// A recursive setter: the walk is the recursion on obj[head].
function setRecursive(obj, keys, value) {
  const [head, ...rest] = keys;
  if (rest.length === 0) {
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    obj[head] = value;
    return;
  }
  setRecursive(obj[head] || (obj[head] = {}), rest, value);
}

// A setter whose walk is a while loop over indexOf('.') on the string itself.
function setByScan(obj, path, value) {
  let cur = obj;
  let rest = path;
  let dot;
  while ((dot = rest.indexOf('.')) !== -1) {
    const head = rest.slice(0, dot);
    cur = cur[head] || (cur[head] = {});
    rest = rest.slice(dot + 1);
  }
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  cur[rest] = value;
}

// ---- safe: refusing the keys ----

function mergeSafe(target, source) {
  for (const key in source) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    // ok: js.prototype-pollution.unsafe-merge-function
    if (isObject(source[key])) target[key] = mergeSafe(target[key] || {}, source[key]);
    else target[key] = source[key];
  }
  return target;
}

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
function mergeDenyList(target, source) {
  Object.keys(source).forEach((key) => {
    if (FORBIDDEN_KEYS.includes(key)) return;
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = isObject(source[key]) ? mergeDenyList(target[key] || {}, source[key]) : source[key];
  });
  return target;
}

function mergeRegex(target, source) {
  for (const key in source) {
    if (/^(__proto__|constructor|prototype)$/.test(key)) continue;
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = isObject(source[key]) ? mergeRegex(target[key] || {}, source[key]) : source[key];
  }
  return target;
}

// A helper that really tests the keys, followed to its definition.
function isSafeKey(key) {
  return key !== '__proto__' && key !== 'constructor' && key !== 'prototype';
}
function mergeWithHelper(target, source) {
  for (const key of Object.keys(source)) {
    if (!isSafeKey(key)) continue;
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = isObject(source[key]) ? mergeWithHelper(target[key] || {}, source[key]) : source[key];
  }
  return target;
}

// Descending only into the target's own properties: target.__proto__ is never own.
function mergeOwnTarget(target, source) {
  for (const key in source) {
    if (Object.prototype.hasOwnProperty.call(target, key) && isObject(target[key])) {
      mergeOwnTarget(target[key], source[key]);
    } else {
      // ok: js.prototype-pollution.unsafe-merge-function
      target[key] = clone(source[key]);
    }
  }
}

// A clone into a fresh object never descends into the target's properties.
function cloneDeep(value) {
  if (!isObject(value)) return value;
  const out = {};
  for (const key in value) {
    // ok: js.prototype-pollution.unsafe-merge-function
    out[key] = cloneDeep(value[key]);
  }
  return out;
}

// A shallow copy: no recursion.
function assignShallow(target, source) {
  for (const key in source) {
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = source[key];
  }
  return target;
}

// Keys the program wrote itself, not a parameter's.
function applyDefaults(target) {
  const DEFAULTS = { retries: 3, timeout: { connect: 1000 } };
  for (const key in DEFAULTS) {
    // ok: js.prototype-pollution.unsafe-merge-function
    target[key] = isObject(DEFAULTS[key]) ? applyDefaults(target[key] || {}) : DEFAULTS[key];
  }
  return target;
}

// A Map has no prototype chain to walk.
function mergeMaps(target, source) {
  for (const [key, value] of source) {
    // ok: js.prototype-pollution.unsafe-merge-function
    target.set(key, value instanceof Map ? mergeMaps(target.get(key) || new Map(), value) : value);
  }
  return target;
}

function setSafe(obj, path, value) {
  const parts = path.split('.');
  let cur = obj;
  for (const p of parts.slice(0, -1)) {
    if (p === '__proto__' || p === 'constructor' || p === 'prototype') return;
    cur = cur[p] = cur[p] || {};
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
}

// Own-property test before descending: __proto__ and constructor are then fresh own objects.
function setOwn(obj, path, value) {
  const parts = path.split('.');
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    if (!Object.prototype.hasOwnProperty.call(cur, parts[i])) cur[parts[i]] = {};
    cur = cur[parts[i]];
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
}

// A dictionary without a prototype at every level.
function setNoProto(path, value) {
  const root = Object.create(null);
  let cur = root;
  const parts = path.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    cur = cur[parts[i]] = cur[parts[i]] || Object.create(null);
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
  return root;
}

// A walk along constant parts.
function setTheme(settings, theme) {
  let cur = settings;
  for (const p of ['ui', 'colors']) cur = cur[p] = cur[p] || {};
  // ok: js.prototype-pollution.unsafe-path-assignment
  cur[theme.name] = theme.value;
}

// A getter walks but writes nothing along the way; the write is to a fresh result.
function pick(obj, paths) {
  const out = {};
  for (const path of paths) {
    let cur = obj;
    for (const p of path.split('.')) cur = cur == null ? undefined : cur[p];
    // ok: js.prototype-pollution.unsafe-path-assignment
    out[path] = cur;
  }
  return out;
}

// A deny-list helper for paths, followed to its definition.
const UNSAFE_PARTS = new Set(['__proto__', 'constructor', 'prototype']);
function setWithSet(obj, path, value) {
  const parts = path.split('.');
  if (parts.some((p) => UNSAFE_PARTS.has(p))) return;
  let cur = obj;
  for (const p of parts.slice(0, -1)) cur = cur[p] = cur[p] || {};
  // ok: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
}

// structuredClone and a spread copy write no key by hand.
function copyOptions(options) {
  // ok: js.prototype-pollution.unsafe-merge-function
  return { ...structuredClone(options) };
}

// A counter table: the key is a parameter's, but no walk and no recursion.
function countWords(words) {
  const counts = {};
  for (const w of words) {
    // ok: js.prototype-pollution.unsafe-path-assignment
    counts[w] = (counts[w] || 0) + 1;
  }
  return counts;
}

// ---- safe shapes seen in real libraries ----

// A copy the function made itself: it writes into its own fresh copy's slots, handing the slot on as a source.
function copyTree(obj) {
  const copied = Array.isArray(obj) ? [...obj] : { ...obj };
  Object.keys(copied).forEach((k) => {
    // ok: js.prototype-pollution.unsafe-merge-function
    if (copied[k] && typeof copied[k] === 'object') copied[k] = copyTree(copied[k]);
  });
  return copied;
}

// The slot is set to a new object just before the recursion descends into it.
function fillValues(source, value, out) {
  for (const k of Object.keys(source)) {
    if (isObject(source[k])) {
      // ok: js.prototype-pollution.unsafe-merge-function
      out[k] = Array.isArray(source[k]) ? [] : {};
      fillValues(source[k], value, out[k]);
    } else out[k] = value;
  }
  return out;
}

// The slot is a source of a merge into a fresh object.
function mergeFresh(output, input) {
  for (const key in input) {
    const existing = output[key];
    // ok: js.prototype-pollution.unsafe-merge-function
    output[key] = isObject(existing) ? mergeFresh({}, [existing, input[key]]) : input[key];
  }
  return output;
}

// Each step clones into the slot and walks into the clone, never into what was there.
function setCloned(obj, path, value) {
  const res = { ...obj };
  let cur = res;
  const parts = path.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    cur = cur[parts[i]] = { ...cur[parts[i]] };
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  cur[parts[parts.length - 1]] = value;
  return res;
}

// The walk goes into a property below the slot, not into the slot.
function buildTree(names) {
  const result = {};
  names.forEach((name) => {
    const path = name.split('/');
    const leaf = path.pop();
    let target = result;
    path.forEach((p) => {
      if (!target[p]) target[p] = { children: {} };
      target = target[p].children;
    });
    // ok: js.prototype-pollution.unsafe-path-assignment
    target[leaf] = name;
  });
  return result;
}

// reduce handing on the accumulator itself builds one flat object.
function fromPairs(pairs) {
  return pairs.reduce((acc, pair) => {
    // ok: js.prototype-pollution.unsafe-path-assignment
    acc[pair.key] = pair.value;
    return acc;
  }, {});
}

// The same fixed step every turn is no path walk.
function setEach(items, part, special, value) {
  for (let item of items) {
    if (item[special]) item = item[special];
    // ok: js.prototype-pollution.unsafe-path-assignment
    item[part] = value;
  }
}

// __proto__ refused, and the walk descends only into values of type 'object' (constructor is a function).
function unflattenKey(result, key, value) {
  const parts = key.split('.');
  let recipient = result;
  for (let i = 0; i < parts.length - 1; i++) {
    if (parts[i] === '__proto__') return;
    if (typeof recipient[parts[i]] !== 'object') recipient[parts[i]] = {};
    recipient = recipient[parts[i]];
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  recipient[parts[parts.length - 1]] = value;
}

// An own-property helper, followed to its definition: the walk never enters an inherited value.
function hasKey(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function setDeclared(table, keys, value) {
  let target = table;
  const last = keys.pop();
  for (const k of keys) {
    if (hasKey(target, k) && typeof target[k] !== 'object') throw new Error('redefined');
    if (!hasKey(target, k)) target[k] = {};
    target = target[k];
  }
  // ok: js.prototype-pollution.unsafe-path-assignment
  target[last] = value;
}

// ---- gaps ----

// Mutual recursion through a helper: the loop calls mergeValue, which calls mergeInto again.
function mergeInto(target, source) {
  for (const key in source) {
    // todoruleid: js.prototype-pollution.unsafe-merge-function
    target[key] = mergeValue(target[key], source[key]);
  }
  return target;
}
function mergeValue(a, b) {
  return isObject(a) && isObject(b) ? mergeInto(a, b) : b;
}

function isObject(v) {
  return v !== null && typeof v === 'object';
}
function clone(v) {
  return JSON.parse(JSON.stringify(v));
}

module.exports = { merge, deepAssign, mergeEntries, extend, defaultsDeep, Config, mergeAll, mergeDeep, utils, mergeOwn, setPath, setIn, assignPath, setByReduce, parseNested, setChecked, setRecursive };
