// Prototype pollution through helper functions: the computed write sits in a small helper the merge loop or the
// path walk calls, or in an iteration callback (forOwn / forIn). Written for this rule, no source in the file.
'use strict';

// ---- merges whose write is in a helper ----

// The loop recurses; the plain write goes through assignValue.
function assignValue(obj, key, value) {
  // ruleid: js.prototype-pollution.unsafe-merge-function
  obj[key] = value;
}
function mergeVia(target, source) {
  for (const key in source) {
    if (isObjectish(source[key]) && isObjectish(target[key])) mergeVia(target[key], source[key]);
    else assignValue(target, key, source[key]);
  }
  return target;
}

// The helper both writes and recurses (mixin style): `__proto__` refused, `constructor` not, and the descent
// accepts functions, so constructor.prototype is reached.
function mixinInto(target, val, key) {
  const existing = target[key];
  if (isObjectish(val) && isObjectish(existing)) mixinAll(existing, val);
  // ruleid: js.prototype-pollution.unsafe-merge-function
  else target[key] = val;
}
function mixinAll(target, ...sources) {
  for (const src of sources) {
    for (const key in src) {
      if (key !== '__proto__') mixinInto(target, src[key], key);
    }
  }
  return target;
}
function isObjectish(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

// A callback named and handed to forIn with the target as `this`.
function copyProp(val, key) {
  const cur = this[key];
  if (isObjectish(val) && isObjectish(cur)) deepMixin(cur, val);
  // ruleid: js.prototype-pollution.unsafe-merge-function
  else this[key] = val;
}
function deepMixin(target, ...objects) {
  for (const obj of objects) forIn(obj, copyProp, target);
  return target;
}

// A forOwn callback inside an inner function, recursing into the outer one.
function fillDefaults(target, ...objects) {
  target = target || {};
  function copyInto(into, from) {
    forOwn(from, (value, key) => {
      const have = into[key];
      // ruleid: js.prototype-pollution.unsafe-merge-function
      if (have == null) into[key] = value;
      else if (isObjectish(have) && isObjectish(value)) fillDefaults(have, value);
    });
  }
  for (const o of objects) copyInto(target, o);
  return target;
}

// A class whose merge calls its own helper method.
class Store {
  put(into, key, value) {
    // ruleid: js.prototype-pollution.unsafe-merge-function
    into[key] = value;
  }
  merge(into, from) {
    Object.keys(from).forEach((key) => {
      if (from[key] && typeof from[key] === 'object') this.merge(into[key] || {}, from[key]);
      else this.put(into, key, from[key]);
    });
    return into;
  }
}

// ---- merges that stay quiet ----

// The helper refuses the dangerous keys itself.
function safeAssign(obj, key, value) {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
  // ok: js.prototype-pollution.unsafe-merge-function
  obj[key] = value;
}
function mergeSafe(target, source) {
  for (const key in source) {
    if (isObjectish(source[key]) && isObjectish(target[key])) mergeSafe(target[key], source[key]);
    else safeAssign(target, key, source[key]);
  }
  return target;
}

// The helper writes only own properties of the target.
function assignOwn(obj, key, value) {
  // ok: js.prototype-pollution.unsafe-merge-function
  if (Object.prototype.hasOwnProperty.call(obj, key) || !(key in obj)) obj[key] = value;
}
function mergeOwn(target, source) {
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(target, key)) continue;
    if (source[key] && typeof source[key] === 'object') mergeOwn(target[key], source[key]);
    else assignOwn(target, key, source[key]);
  }
  return target;
}

// The loop refuses the keys before calling the helper.
function putValue(obj, key, value) {
  // ok: js.prototype-pollution.unsafe-merge-function
  obj[key] = value;
}
const BLOCKED_KEYS = ['__proto__', 'constructor', 'prototype'];
function mergeChecked(target, source) {
  for (const key of Object.keys(source)) {
    if (BLOCKED_KEYS.includes(key)) continue;
    if (isObjectish(source[key]) && isObjectish(target[key])) mergeChecked(target[key], source[key]);
    else putValue(target, key, source[key]);
  }
  return target;
}

// A helper whose only caller copies one object's keys into a fresh one, with no recursion: a shallow copy.
function setField(obj, key, value) {
  // ok: js.prototype-pollution.unsafe-merge-function
  obj[key] = value;
}
function shallowCopy(source) {
  const out = {};
  for (const key in source) setField(out, key, source[key]);
  return out;
}

// The helper's target is a prototype-less object made by the caller.
function store(obj, key, value) {
  // ok: js.prototype-pollution.unsafe-merge-function
  obj[key] = value;
}
function mergeIntoDict(source, dict) {
  if (!dict) dict = Object.create(null);
  for (const key in source) {
    if (source[key] && typeof source[key] === 'object') mergeIntoDict(source[key], dict[key] || (dict[key] = Object.create(null)));
    else store(dict, key, source[key]);
  }
  return dict;
}

// The mixin helper refusing all three keys through a local predicate.
function isSafeName(key) {
  return key !== '__proto__' && key !== 'constructor' && key !== 'prototype';
}
function mixinSafe(target, val, key) {
  if (!isSafeName(key)) return;
  const existing = target[key];
  if (isObjectish(val) && isObjectish(existing)) mixinAllSafe(existing, val);
  // ok: js.prototype-pollution.unsafe-merge-function
  else target[key] = val;
}
function mixinAllSafe(target, ...sources) {
  for (const src of sources) for (const key in src) mixinSafe(target, src[key], key);
  return target;
}

// A forOwn callback that refuses the keys.
function fillDefaultsSafe(target, ...objects) {
  target = target || {};
  function copyInto(into, from) {
    forOwn(from, (value, key) => {
      if (key === '__proto__' || key === 'constructor') return;
      const have = into[key];
      // ok: js.prototype-pollution.unsafe-merge-function
      if (have == null) into[key] = value;
      else if (isObjectish(have) && isObjectish(value)) fillDefaultsSafe(have, value);
    });
  }
  for (const o of objects) copyInto(target, o);
  return target;
}

// ---- deep setters whose last write is in a helper ----

// The walk is in the setter, the write in `result` (set-value style).
function writeLeaf(target, prop, value) {
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  target[prop] = value;
}
function setPathVia(target, path, value) {
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    const prop = keys[i];
    if (typeof target[prop] !== 'object' || target[prop] === null) target[prop] = {};
    if (i === keys.length - 1) {
      writeLeaf(target, prop, value);
      break;
    }
    target = target[prop];
  }
}

// A path walk with a while loop and a helper write through a class method.
class Config {
  assign(node, key, value) {
    // ruleid: js.prototype-pollution.unsafe-path-assignment
    node[key] = value;
  }
  set(path, value) {
    const parts = String(path).split('/');
    let node = this.data;
    while (parts.length > 1) {
      const part = parts.shift();
      node = node[part] || (node[part] = {});
    }
    this.assign(node, parts[0], value);
  }
}

// The walking setter refuses the parts; its helper write is quiet.
function writeLeafSafe(target, prop, value) {
  // ok: js.prototype-pollution.unsafe-path-assignment
  target[prop] = value;
}
function setPathSafe(target, path, value) {
  const keys = path.split('.');
  for (let i = 0; i < keys.length; i++) {
    const prop = keys[i];
    if (prop === '__proto__' || prop === 'constructor' || prop === 'prototype') return;
    if (i === keys.length - 1) return writeLeafSafe(target, prop, value);
    target = target[prop] || (target[prop] = {});
  }
}

// The helper refuses the key itself.
function leafChecked(target, prop, value) {
  if (['__proto__', 'constructor', 'prototype'].includes(prop)) throw new Error('bad key');
  // ok: js.prototype-pollution.unsafe-path-assignment
  target[prop] = value;
}
function setPathChecked(target, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  for (const k of keys) target = target[k] || (target[k] = {});
  leafChecked(target, last, value);
}

// The helper is only called without a walk: a one-level setter.
function setOne(target, prop, value) {
  // ok: js.prototype-pollution.unsafe-path-assignment
  target[prop] = value;
}
function setTop(target, name, value) {
  setOne(target, name, value);
}

// Parts split on '__' can never be `__proto__`, and the walk descends only into objects.
function leafEnv(target, prop, value) {
  // ok: js.prototype-pollution.unsafe-path-assignment
  target[prop] = value;
}
function setFromEnv(target, name, value) {
  const parts = name.split('__');
  const last = parts.pop();
  for (const p of parts) {
    if (typeof target[p] !== 'object' || target[p] === null) target[p] = {};
    target = target[p];
  }
  leafEnv(target, last, value);
}

module.exports = { mergeVia, mixinAll, deepMixin, fillDefaults, Store, mergeSafe, mergeOwn, mergeChecked, shallowCopy, mergeIntoDict, mixinAllSafe, fillDefaultsSafe, setPathVia, Config, setPathSafe, setPathChecked, setTop, setFromEnv };

// ---- more helper shapes ----

// An arrow helper and an index loop over the keys.
const put = (o, k, v) => {
  // ruleid: js.prototype-pollution.unsafe-merge-function
  o[k] = v;
};
function mergeIndexed(dst, src) {
  const keys = Object.keys(src);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (isObjectish(src[key]) && isObjectish(dst[key])) mergeIndexed(dst[key], src[key]);
    else put(dst, key, src[key]);
  }
  return dst;
}

// for…of over entries, a helper named like lodash's baseAssignValue.
function baseAssignValue(object, key, value) {
  // ruleid: js.prototype-pollution.unsafe-merge-function
  object[key] = value;
}
function mergeEntriesVia(object, source) {
  for (const [key, value] of Object.entries(source)) {
    if (isObjectish(value) && isObjectish(object[key])) mergeEntriesVia(object[key], value);
    else baseAssignValue(object, key, value);
  }
  return object;
}

// A reduce walk of a path array, the last write through setPath.
function setPath(obj, k, v) {
  // ruleid: js.prototype-pollution.unsafe-path-assignment
  obj[k] = v;
}
function deepSet(root, path, value) {
  const parts = Array.isArray(path) ? path : path.split('.');
  let cur = root;
  for (let i = 0; i < parts.length - 1; i++) cur = cur[parts[i]] || (cur[parts[i]] = {});
  setPath(cur, parts[parts.length - 1], value);
  return root;
}

// A lodash-style forOwn callback through a namespace, writing the target of the outer merge.
function defaultsDeepNs(target, source) {
  _.forOwn(source, function (value, key) {
    if (target[key] === undefined) {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      target[key] = value;
    } else if (isObjectish(target[key]) && isObjectish(value)) defaultsDeepNs(target[key], value);
  });
  return target;
}

// The same with an own-property test on the target: quiet.
function defaultsDeepOwn(target, source) {
  _.forOwn(source, function (value, key) {
    if (!Object.prototype.hasOwnProperty.call(target, key)) {
      // ok: js.prototype-pollution.unsafe-merge-function
      target[key] = value;
    } else if (isObjectish(target[key]) && isObjectish(value)) defaultsDeepOwn(target[key], value);
  });
  return target;
}

// A helper whose caller walks with parts split on '.', and refuses through a Set named for it.
const UNSAFE_PARTS = new Set(['__proto__', 'constructor', 'prototype']);
function setPathDenied(obj, k, v) {
  // ok: js.prototype-pollution.unsafe-path-assignment
  obj[k] = v;
}
function deepSetDenied(root, path, value) {
  const parts = path.split('.');
  if (parts.some((p) => UNSAFE_PARTS.has(p))) return root;
  let cur = root;
  for (let i = 0; i < parts.length - 1; i++) cur = cur[parts[i]] || (cur[parts[i]] = {});
  setPathDenied(cur, parts[parts.length - 1], value);
  return root;
}

module.exports.more = { mergeIndexed, mergeEntriesVia, deepSet, defaultsDeepNs, defaultsDeepOwn, deepSetDenied };

// `__proto__` refused by a getter, and the descent only where a type-name helper says 'object': `constructor` is a
// function there, so constructor.prototype is never entered.
function getOwnish(obj, p) {
  return p === '__proto__' ? undefined : obj[p];
}
function extendTyped(a, b) {
  Object.keys(b).forEach(function (p) {
    if (kindOf(getOwnish(b, p)) === 'object' && kindOf(a[p]) === 'object') extendTyped(a[p], b[p]);
    // ok: js.prototype-pollution.unsafe-merge-function
    else a[p] = b[p];
  });
  return a;
}

// The same descent test without the refusal: `__proto__` reaches Object.prototype, whose type name is 'object'.
function extendTypedOpen(a, b) {
  Object.keys(b).forEach(function (p) {
    if (kindOf(b[p]) === 'object' && kindOf(a[p]) === 'object') extendTypedOpen(a[p], b[p]);
    // ruleid: js.prototype-pollution.unsafe-merge-function
    else a[p] = b[p];
  });
  return a;
}

module.exports.typed = { extendTyped, extendTypedOpen };

// An own-property test through an alias of hasOwnProperty (as bundles write it): the descent stays in own values.
const ownCheck = Object.prototype.hasOwnProperty;
function isMine(o, k) {
  return ownCheck.call(o, k);
}
function mergeAliased(target, source) {
  for (const key in source) {
    if (isMine(target, key) && isObjectish(target[key]) && isObjectish(source[key])) mergeAliased(target[key], source[key]);
    // ok: js.prototype-pollution.unsafe-merge-function
    else target[key] = source[key];
  }
  return target;
}

// The loop's own write is the finding; the helper it also calls for the same slot is not reported a second time.
function clearSlot(container, key) {
  // ok: js.prototype-pollution.unsafe-merge-function
  if (Array.isArray(container)) container[key] = undefined;
}
function markAll(marks, data) {
  for (const key in data) {
    if (isObjectish(data[key])) {
      // ruleid: js.prototype-pollution.unsafe-merge-function
      marks[key] = markAll(marks[key] || {}, data[key]);
    } else clearSlot(marks, key);
  }
  return marks;
}

module.exports.dup = { mergeAliased, markAll };
