import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Node } from 'web-tree-sitter';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { PatternCompiler, PatternSyntaxError, boundText, canonicalModule, matchPattern, missingKeys, resetNodeCache, type ValueOf } from '../../server/src/engine/patterns/pattern';
import type { GrammarId } from '../../server/src/engine/languages';
// The language modules register their grammars' shapes with the matcher.
import '../../server/src/engine/taint/lang';

let grammars: GrammarRegistry;
before(async () => {
  grammars = await GrammarRegistry.create(undefined, ['javascript', 'python']);
});

/**
 * Every node of `code` the pattern matches, as text. `values`: a ValueOf made from the tree (a variable followed to
 * its value).
 */
function matches(grammar: GrammarId, pattern: string, code: string, resolve?: (id: string) => string | undefined, values?: (root: Node) => ValueOf): string[] {
  const compiler = new PatternCompiler(grammars.language(grammar)!);
  const p = compiler.compile(pattern);
  const tree = grammars.parse(grammar, code)!;
  const valueOf = values?.(tree.rootNode);
  const out: string[] = [];
  const stack: Node[] = [tree.rootNode];
  while (stack.length) {
    const n = stack.pop()!;
    if (matchPattern(p, n, resolve, undefined, undefined, valueOf)) out.push(n.text);
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  tree.delete();
  resetNodeCache(); // node caches are keyed by address, which the next tree may reuse
  return out.sort();
}

describe('patterns', () => {
  it('binds metavariables and requires the same text on reuse', () => {
    assert.deepEqual(matches('javascript', '$A + $A', 'x + x; x + y;'), ['x + x']);
    assert.deepEqual(matches('python', '$A + $A', 'a = b + b\nc = b + d\n'), ['b + b']);
  });

  it('lets ... match zero or more arguments', () => {
    const code = 'db.query(q); db.query(q, [1]); db.query(q, [1], cb); db.run(q);';
    assert.equal(matches('javascript', '$DB.query($Q, ...)', code).length, 3);
    assert.deepEqual(matches('javascript', '$DB.query($Q)', code), ['db.query(q)']);
    assert.deepEqual(matches('python', 'subprocess.run($C, ..., shell=True, ...)', 'subprocess.run(c, check=True, shell=True, text=True)\nsubprocess.run(c)\n'), [
      'subprocess.run(c, check=True, shell=True, text=True)',
    ]);
  });

  it('lets ... in a template literal match any text around a substitution, and keeps `...$X` a spread', () => {
    const code = 'f(`${a}`); f(`id-${b}`); f(`${c}/x`); f(`plain`); g(...rest);';
    assert.deepEqual(matches('javascript', '`...${$X}...`', code), ['`${a}`', '`${c}/x`', '`id-${b}`']);
    assert.deepEqual(matches('javascript', 'g(...$R)', code), ['g(...rest)']);
  });

  it('compares a Python f-string pattern with f-strings in any quotes and prefix case, not with other prefixes', () => {
    const code = 'a = f"https://h/{x}"\nb = f\'https://h/{y}\'\nc = F"https://h/{z}"\nd = rf"https://h/{w}"\n';
    assert.deepEqual(matches('python', 'f"https://h/{$X}"', code), ['F"https://h/{z}"', 'f"https://h/{x}"', "f'https://h/{y}'"]);
  });

  it('lets a `...;` statement match any run of statements in a block', () => {
    const code = 'function a() { return 1; } function b() { f(); g(); return 2; } function c() { return 3; h(); }';
    assert.deepEqual(matches('javascript', 'function $F(...) { ...; return $E; }', code), ['function a() { return 1; }', 'function b() { f(); g(); return 2; }']);
    // Without it, the block must hold exactly the pattern's statements.
    assert.deepEqual(matches('javascript', 'function $F(...) { return $E; }', code), ['function a() { return 1; }']);
  });

  it('compares operators, not just operands', () => {
    assert.deepEqual(matches('javascript', '$X === "a"', 'x === "a"; x !== "a"; x == "a";'), ['x === "a"']);
  });

  it('treats single- and double-quoted strings as the same literal', () => {
    assert.deepEqual(matches('javascript', 'spawn("sh", $A)', "spawn('sh', a); spawn('bash', a);"), ["spawn('sh', a)"]);
    assert.deepEqual(matches('python', 'open($P, "w")', "open(p, 'w')\nopen(p, 'r')\n"), ["open(p, 'w')"]);
  });

  it('matches imported names through their canonical module path', () => {
    const imports = new Map([['cp', 'child_process'], ['run', 'child_process.exec']]);
    const resolve = (id: string): string | undefined => imports.get(id);
    assert.deepEqual(matches('javascript', 'child_process.exec($C)', 'cp.exec(a); run(b); other.exec(c);', resolve), ['cp.exec(a)', 'run(b)']);
    const py = new Map([['request', 'flask.request']]);
    assert.deepEqual(matches('python', 'flask.request.args', 'x = request.args\ny = other.args\n', (id) => py.get(id)), ['request.args']);
  });

  it('matches calls that yield a module: require, import(), import_module, __import__, util.promisify', () => {
    const none = (): undefined => undefined;
    assert.deepEqual(matches('javascript', 'child_process.exec($C)', "require('child_process').exec(a); require('./child_process').exec(b); require(x).exec(c);", none), [
      "require('child_process').exec(a)",
    ]);
    assert.deepEqual(matches('javascript', 'fs.promises.readFile($P)', "require('fs/promises').readFile(a); require('node:fs').promises.readFile(b); require('fs').readFile(c);", none), [
      "require('fs/promises').readFile(a)",
      "require('node:fs').promises.readFile(b)",
    ]);
    const js = new Map([['util', 'util'], ['cp', 'child_process']]);
    assert.deepEqual(matches('javascript', 'child_process.exec($C)', 'util.promisify(cp.exec)(a); util.promisify(cp.spawn)(b); (await import("child_process")).exec(c);', (id) => js.get(id)), [
      '(await import("child_process")).exec(c)',
      'util.promisify(cp.exec)(a)',
    ]);
    const py = new Map([['importlib', 'importlib']]);
    assert.deepEqual(matches('python', 'os.system($C)', 'importlib.import_module("os").system(a)\n__import__("os").system(b)\nimportlib.import_module("myos").system(c)\n', (id) => py.get(id)), [
      '__import__("os").system(b)',
      'importlib.import_module("os").system(a)',
    ]);
  });

  it('binds a method metavariable to the real name of an imported function', () => {
    const imports = new Map([['rf', 'fs.promises.readFile'], ['co', 'subprocess.check_output'], ['fs', 'fs']]);
    const resolve = (id: string): string | undefined => imports.get(id);
    const compiler = new PatternCompiler(grammars.language('javascript')!);
    const p = compiler.compile('fs.promises.$OP($P)');
    const tree = grammars.parse('javascript', 'rf(a)')!;
    const call = tree.rootNode.namedChildren[0]!.namedChildren[0]!;
    const b = matchPattern(p, call, resolve);
    assert.equal(b && boundText(b, '$OP'), 'readFile');
    assert.equal(b?.get('$P')?.text, 'a');
    assert.equal(matchPattern(compiler.compile('fs.$OP($P)'), call, resolve), undefined);
    tree.delete();
    resetNodeCache();
    assert.deepEqual(matches('python', 'subprocess.$F($C, shell=True)', 'co(a, shell=True)\nco(b)\nother(c, shell=True)\n', resolve), ['co(a, shell=True)']);
  });

  it('matches object and dict patterns as a subset of the keys, in any order', () => {
    assert.deepEqual(matches('javascript', '({__html: $X})', 'f({ a: 1, __html: h }); f({ a: 1 });'), ['{ a: 1, __html: h }']);
    assert.equal(matches('javascript', 'parseXml($X, {noent: true})', 'parseXml(x, { big: 1, noent: true }); parseXml(x, { noent: false });').length, 1);
  });

  it('lets an entry `key: $V` match a method of that name, binding the method', () => {
    // Hapi's `{ handler(request, h) {} }`, a GraphQL resolver map's `{ Query: { user(_, args) {} } }`.
    assert.deepEqual(matches('javascript', '({ handler: $H })', 'f({ path: "/", handler(request, h) { return 1; } });'), ['{ path: "/", handler(request, h) { return 1; } }']);
    assert.deepEqual(matches('javascript', '({ Query: { $F: $H } })', 'x = { Query: { user(_, args) { return 1; } } };'), ['{ Query: { user(_, args) { return 1; } } }']);
    assert.deepEqual(matches('javascript', '({ handler: $H })', 'f({ path: "/", other(request, h) { return 1; } });'), []);
  });

  it('rejects a snippet that does not parse, with the snippet in the message', () => {
    const compiler = new PatternCompiler(grammars.language('javascript')!);
    assert.throws(() => compiler.compile('db.query($Q'), (e: unknown) => e instanceof PatternSyntaxError && /db\.query\(\$Q/.test(e.message));
  });
});

describe('patterns: where while binding, and option keys', () => {
  /** The first node of `code` the pattern matches (with `where`), or undefined. */
  function first(grammar: GrammarId, pattern: string, code: string, where: [string, RegExp][]): { node: string; bound: Record<string, string> } | undefined {
    const p = new PatternCompiler(grammars.language(grammar)!).compile(pattern);
    const tree = grammars.parse(grammar, code)!;
    try {
      const stack: Node[] = [tree.rootNode];
      while (stack.length) {
        const n = stack.shift()!;
        const b = matchPattern(p, n, undefined, undefined, where);
        if (b) return { node: n.text, bound: Object.fromEntries(p.metavars.map((m) => [m, boundText(b, m) ?? ''])) };
        for (const c of n.namedChildren) if (c) stack.push(c);
      }
      return undefined;
    } finally {
      tree.delete();
      resetNodeCache();
    }
  }

  it('tries every entry of an object for a { $K: $V } pattern whose where rejects the first', () => {
    const hit = first('javascript', '({ $K: $V })', 'f({ email: "a", token: Math.random() });', [['$K', /token/]]);
    assert.deepEqual(hit?.bound, { $K: 'token', $V: 'Math.random()' });
    assert.equal(first('javascript', '({ $K: $V })', 'f({ email: "a" });', [['$K', /token/]]), undefined);
  });

  /** The keys `missingKeys` reports for the first node of the given type. */
  function missingIn(grammar: GrammarId, code: string, type: string, keys: string[]): string[] | undefined {
    const tree = grammars.parse(grammar, code)!;
    try {
      const stack: Node[] = [tree.rootNode];
      while (stack.length) {
        const n = stack.shift()!;
        if (n.type === type) return missingKeys(n, keys);
        for (const c of n.namedChildren) if (c) stack.push(c);
      }
      return undefined;
    } finally {
      tree.delete();
      resetNodeCache();
    }
  }

  it('reports option keys that are absent or false, in object-literal and keyword arguments', () => {
    const keys = ['secure', 'httpOnly', 'sameSite'];
    assert.deepEqual(missingIn('javascript', "res.cookie('a', v);", 'call_expression', keys), keys);
    assert.deepEqual(missingIn('javascript', "res.cookie('a', v, { secure: false, httponly: true });", 'call_expression', keys), ['secure', 'sameSite']);
    assert.deepEqual(missingIn('javascript', "res.cookie('a', v, { secure: true, httpOnly: true, 'sameSite': 'lax' });", 'call_expression', keys), []);
    assert.deepEqual(missingIn('python', 'r.set_cookie("a", v, secure=True, samesite=None)\n', 'call', keys), ['httpOnly', 'sameSite']);
  });

  it('reads the attributes of a Set-Cookie value written as a string, and none from other strings', () => {
    const keys = ['secure', 'httpOnly', 'sameSite'];
    assert.deepEqual(missingIn('javascript', "res.setHeader('Set-Cookie', 'sid=abc; Path=/');", 'call_expression', keys), keys);
    assert.deepEqual(missingIn('javascript', "res.setHeader('Set-Cookie', `sid=${v}; Secure; HttpOnly`);", 'call_expression', keys), ['sameSite']);
    assert.deepEqual(missingIn('javascript', "res.setHeader('Set-Cookie', 'sid=abc; path=/; secure; httponly; samesite=lax');", 'call_expression', keys), []);
    // Not a cookie: no `name=` before the first `;`, so its words set nothing.
    assert.deepEqual(missingIn('javascript', "res.setHeader('Content-Type', 'text/html; secure');", 'call_expression', keys), keys);
  });

  it('cannot tell (undefined) when options come from a variable or a spread', () => {
    assert.equal(missingIn('javascript', "res.cookie('a', v, opts);", 'call_expression', ['secure']), undefined);
    assert.equal(missingIn('javascript', "res.cookie('a', v, { ...base });", 'call_expression', ['secure']), undefined);
    assert.equal(missingIn('python', 'r.set_cookie("a", v, **opts)\n', 'call', ['secure']), undefined);
  });

  it('looks inside a key for a dotted path, and counts an absent parent as unset', () => {
    assert.deepEqual(missingIn('javascript', 'session({ cookie: { secure: false } });', 'call_expression', ['cookie.secure']), ['cookie.secure']);
    assert.deepEqual(missingIn('javascript', 'session({ resave: false });', 'call_expression', ['cookie.secure']), ['cookie.secure']);
    assert.deepEqual(missingIn('javascript', 'session({ cookie: { secure: true } });', 'call_expression', ['cookie.secure']), []);
    assert.equal(missingIn('javascript', 'session({ cookie: cookieOpts });', 'call_expression', ['cookie.secure']), undefined);
  });
});

describe('patterns: module specifiers as canonical names', () => {
  it('names a subpath module of Node or lodash as the parent\'s member, others by their characters', () => {
    assert.equal(canonicalModule('fs/promises'), 'fs.promises');
    assert.equal(canonicalModule('node:fs/promises'), 'fs.promises');
    // lodash's per-method modules and its ES build are lodash's own functions.
    assert.equal(canonicalModule('lodash/merge'), 'lodash.merge');
    assert.equal(canonicalModule('lodash/defaultsDeep'), 'lodash.defaultsDeep');
    assert.equal(canonicalModule('lodash-es'), 'lodash');
    assert.equal(canonicalModule('lodash'), 'lodash');
    assert.equal(canonicalModule('lodash/fp/merge'), 'lodash_fp_merge');
    assert.equal(canonicalModule('@nestjs/common'), '_nestjs_common');
    assert.equal(canonicalModule('./lodash/merge'), './lodash/merge');
    // Deno's standard path module is Node's path API, however it is named.
    assert.equal(canonicalModule('@std/path'), 'path');
    assert.equal(canonicalModule('jsr:@std/path@^1.0.0'), 'path');
    assert.equal(canonicalModule('https://deno.land/std@0.224.0/path/mod.ts'), 'path');
    assert.equal(canonicalModule('$std/path/mod.ts'), 'path'); // Fresh's import map
    assert.equal(canonicalModule('$std/http/server.ts'), '_std_http_server.ts');
    assert.equal(canonicalModule('@std/path-extra'), '_std_path_extra');
    assert.equal(canonicalModule('@std/fs'), '_std_fs');
  });
});

describe('patterns: a variable followed to its value', () => {
  /** A ValueOf that reads the `name = value` assignments at the top of Python code. */
  const topAssignments = (root: Node): ValueOf => {
    const values = new Map<string, Node>();
    for (const st of root.namedChildren) {
      const a = st?.namedChildren[0];
      if (a?.type === 'assignment') values.set(a.childForFieldName('left')!.text, a.childForFieldName('right')!);
    }
    return (name) => values.get(name);
  };
  const matchesFollowing = (pattern: string, code: string): string[] => matches('python', pattern, code, undefined, topAssignments);

  it('follows a name used as an object to a subscript it holds, as to a member', () => {
    const code = 'events = client["audit"]["events"]\nusers = client.app.users\nevents.find(q)\nusers.find(q)\n';
    assert.deepEqual(matchesFollowing('$DB[$NAME].find($Q)', code), ['events.find(q)']);
    assert.deepEqual(matchesFollowing('$DB.$C.find($Q)', code), ['users.find(q)']);
    // A walk down a structure (`node = node[k]`) holds no fixed object: not followed.
    assert.deepEqual(matchesFollowing('$DB[$NAME].find($Q)', 'node = node[k]\nnode.find(q)\n'), []);
  });
});
