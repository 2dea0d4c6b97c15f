/**
 * Denial of service from a workspace: regexes and globs from `.vigil.yml`, custom rules and settings, and YAML
 * alias bombs. Boundedness is shown by construction (the user's regex runs on the linear-time engine, or is
 * refused at load); where a hang is the risk, the risky call runs in a child process whose timeout is only a
 * guard, so a regression fails the test instead of hanging the suite.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { locateRuleErrors, parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { compileGlob, globProblem, MAX_GLOB_LENGTH } from '../../server/src/engine/glob';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { Folders } from '../../server/src/lsp/folders';
import { LspClient, SERVER_JS } from '../lsp/lsp-client';
import { cli } from './cli-helpers';
import { isLinearRegex } from '../../server/src/engine/regex-guard';
import { loadTaintRuleSet } from '../../server/src/engine/taint';
import { compileFor } from '../../server/src/engine/taint/rule-set';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';

const ROOT = join(__dirname, '..', '..');

/** Runs a TypeScript snippet in a child process; the timeout only guards against a hang. */
function runChild(code: string, timeoutMs = 60_000): { status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-dos-'));
  const file = join(dir, 'child.ts');
  writeFileSync(file, code);
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs });
    return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A custom taint rule whose sink constrains a metavariable with a catastrophic regex. */
const evilTaintRule = {
  id: 'js.custom.evil-where',
  languages: ['javascript'],
  severity: 'high',
  cwe: ['CWE-89'],
  message: 'tainted $SOURCE reaches $SINK',
  sources: ['js-request'],
  sinks: [{ pattern: 'orm.unsafe($Q, $T)', focus: '$Q', where: { $T: '(a+)+$' } }],
};

describe('custom taint rule regexes run on the linear-time engine', () => {
  it('compiles `where` of custom rules for the linear engine, as built-in ones (rule-regex-linear.test.ts)', async () => {
    const { set, errors } = loadTaintRuleSet(join(defaultRulesDir(), 'taint'), [evilTaintRule], '/ws/.vigil.yml');
    assert.deepEqual(errors, []);
    const grammars = await GrammarRegistry.create();
    const compiled = compileFor(set, 'javascript', grammars.language('javascript')!)!;
    const custom = compiled.rules.find((r) => r.spec.id === 'js.custom.evil-where')!;
    assert.ok(custom.sinks[0]!.where.length === 1 && custom.sinks[0]!.where.every(([, re]) => isLinearRegex(re)));
    const builtin = compiled.rules.filter((r) => r.spec.id !== 'js.custom.evil-where').flatMap((r) => r.sinks.flatMap((s) => s.where));
    assert.ok(builtin.length > 0 && builtin.every(([, re]) => isLinearRegex(re)));
  });

  it('a custom `where` on the linear engine still decides matches', async () => {
    const rule = { ...evilTaintRule, sinks: [{ pattern: 'orm.unsafe($Q, $T)', focus: '$Q', where: { $T: '^.(?<run>a{3})!.$' } }] };
    const setup = createAnalyzers({ customTaintRules: [rule], customRulesSource: '/ws/.vigil.yml' });
    assert.deepEqual(setup.errors, []);
    const eng = await Engine.create({ analyzers: setup.analyzers });
    const scan = (arg: string) => eng.scanText('/a.js', 'javascript', `const express = require('express');\nconst app = express();\napp.get('/', (req, res) => { orm.unsafe(req.query.q, ${arg}); });\n`).findings.map((f) => f.ruleId);
    assert.deepEqual(scan("'aaa!'"), ['js.custom.evil-where']);
    assert.deepEqual(scan("'aaaa!'"), []);
    eng.dispose();
  });

  it('refuses a `where` regex the linear engine cannot run, naming the rule and the key', () => {
    const rule = { ...evilTaintRule, sinks: [{ pattern: 'orm.unsafe($Q, $T)', focus: '$Q', where: { $T: '(a)\\1' } }] };
    const setup = createAnalyzers({ customTaintRules: [rule], customRulesSource: '/ws/.vigil.yml' });
    const e = setup.errors.find((x) => x.ruleId === 'js.custom.evil-where');
    assert.ok(e, JSON.stringify(setup.errors));
    assert.equal(e.source, '/ws/.vigil.yml');
    assert.match(e.message, /where\.\$T/);
    assert.match(e.message, /linear-time engine/);
  });

  it('the refusal is located on the rule in .vigil.yml (CLI and server)', async () => {
    const text = [
      'customRules:',
      '  taint:',
      '    - id: js.custom.fine',
      '      languages: [javascript]',
      '      severity: high',
      '      cwe: [CWE-89]',
      '      message: m',
      '      sources: [js-request]',
      '      sinks: [{ pattern: "orm.safe($Q)", focus: $Q }]',
      '    - id: js.custom.evil-where',
      '      languages: [javascript]',
      '      severity: high',
      '      cwe: [CWE-89]',
      '      message: m',
      '      sources: [js-request]',
      '      sinks: [{ pattern: "orm.unsafe($Q, $T)", focus: $Q, where: { $T: "(a)\\\\1" } }]',
      '',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'vigil-where-'));
    try {
      writeFileSync(join(dir, '.vigil.yml'), text);
      const cfg = join(dir, '.vigil.yml');
      const loaded = parseVigilConfig(text, cfg);
      assert.deepEqual(loaded.errors, []);
      const setup = createAnalyzers({ customTaintRules: loaded.config!.customRules.taint, customRulesSource: cfg });
      const located = locateRuleErrors(setup.errors, loaded);
      const e = located.find((x) => x.ruleId === 'js.custom.evil-where');
      assert.equal(e?.range?.start.line, 9, JSON.stringify(located));
      const folders = new Folders(await GrammarRegistry.create(), true, () => {});
      folders.setFolders([dir]);
      const problem = folders.forPath(join(dir, 'a.js')).ruleProblems.find((x) => x.ruleId === 'js.custom.evil-where');
      assert.equal(problem?.range?.start.line, 9, JSON.stringify(problem));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a `(a+)+$` where-clause against a 30-character binding does not hang the analysis', () => {
    const r = runChild(`
      import { createAnalyzers } from ${JSON.stringify(join(ROOT, 'server/src/engine/analyzers'))};
      import { Engine } from ${JSON.stringify(join(ROOT, 'server/src/engine/engine'))};
      const rule = ${JSON.stringify(evilTaintRule)};
      (async () => {
        const setup = createAnalyzers({ customTaintRules: [rule], customRulesSource: '/ws/.vigil.yml' });
        const eng = await Engine.create({ analyzers: setup.analyzers });
        const text = "const express = require('express');\\nconst app = express();\\napp.get('/', (req, res) => { orm.unsafe(req.query.q, '${'a'.repeat(30)}!'); });\\n";
        const ids = eng.scanText('/a.js', 'javascript', text).findings.map((f) => f.ruleId);
        console.log(JSON.stringify({ errors: setup.errors, ids }));
        eng.dispose();
      })();
    `);
    assert.equal(r.signal, null, `the analysis hung (killed by the guard timeout): ${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { errors: [], ids: [] });
  });
});

/** "Billion laughs": nine levels of nine aliases each expand to 9^7 strings. */
const ALIAS_BOMB = [
  'exclude: &a ["x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '',
].join('\n');

describe('YAML alias bombs in .vigil.yml', () => {
  it('are a config error located on the file, not an exception', () => {
    const r = parseVigilConfig(ALIAS_BOMB, '/ws/.vigil.yml');
    assert.equal(r.config, undefined);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /alias/i);
    // At the first alias, line 2 column 8 (`*a`).
    assert.deepEqual(r.errors[0]!.range?.start, { line: 1, character: 7 });
  });

  it('a few aliases are still fine', () => {
    const r = parseVigilConfig('exclude: &ex ["dist/**"]\ncustomRules:\n  taint: []\n  secrets: []\nbaseline: .b.json\n', '/ws/.vigil.yml');
    assert.deepEqual(r.errors, []);
    const anchors = parseVigilConfig('rules: &r\n  js.sqli.string-query: false\nseverity:\n  js.sqli.string-query: low\npacks: { taint: true }\n', '/ws/.vigil.yml');
    assert.deepEqual(anchors.errors, []);
  });

  it('the CLI exits 2 with one line per error and no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-bomb-'));
    try {
      writeFileSync(join(dir, '.vigil.yml'), ALIAS_BOMB);
      writeFileSync(join(dir, 'a.js'), 'const x = 1;\n');
      const r = await cli(dir, ['scan', '--root', dir, '--no-baseline']);
      assert.equal(r.code, 2, r.err);
      assert.doesNotMatch(r.err, /internal error|^\s+at /m);
      assert.match(r.err, /\.vigil\.yml:2:8: error: .*alias/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the server keeps the last good config and reports the bomb on the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-bomb-'));
    try {
      writeFileSync(join(dir, '.vigil.yml'), 'minSeverity: high\n');
      const logs: string[] = [];
      const folders = new Folders(await GrammarRegistry.create(), true, (m) => logs.push(m));
      folders.setFolders([dir]);
      const state = folders.forPath(join(dir, 'a.js'));
      assert.equal(state.config.minSeverity, 'high');
      assert.equal(folders.reload(dir, ALIAS_BOMB, join(dir, '.vigil.yml')), false);
      assert.equal(state.config.minSeverity, 'high', 'the last good config stays');
      assert.match(state.configProblems[0]?.message ?? '', /alias/i);
      assert.ok(state.configProblems[0]?.range);
      // A workspace that starts with the bomb still gets an engine (built-in rules) and the error.
      writeFileSync(join(dir, '.vigil.yml'), ALIAS_BOMB);
      const fresh = new Folders(await GrammarRegistry.create(), true, () => {});
      fresh.setFolders([dir]);
      assert.match(fresh.forPath(join(dir, 'a.js')).configProblems[0]?.message ?? '', /alias/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the language server starting on a bomb still analyses files and shows the error on .vigil.yml', async (t) => {
    if (!existsSync(SERVER_JS)) return t.skip('dist/server.js not built');
    const dir = mkdtempSync(join(tmpdir(), 'vigil-bomb-'));
    writeFileSync(join(dir, '.vigil.yml'), ALIAS_BOMB);
    const client = new LspClient(SERVER_JS, [], { ...process.env });
    try {
      await client.initialize(dir);
      const cfgUri = pathToFileURL(join(dir, '.vigil.yml')).toString();
      const cfg = await client.waitForDiagnostics((p) => p.uri === cfgUri && p.diagnostics.length > 0);
      assert.match(cfg.diagnostics[0]!.message, /alias/i);
      assert.deepEqual(cfg.diagnostics[0]!.range.start, { line: 1, character: 7 });
      const app = pathToFileURL(join(dir, 'app.js')).toString();
      client.open(app, 'javascript', "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => { res.send(eval(req.query.q)); });\n", 1);
      const published = await client.waitForDiagnostics((p) => p.uri === app && p.diagnostics.length > 0);
      assert.ok(published.diagnostics.some((d) => /eval|code/i.test(String(d.code))), JSON.stringify(published.diagnostics.map((d) => d.code)));
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** `*a*a…*a` (30 times) then `b`: minimatch's backtracking regex needs hours for a 64-character name of `a`s. */
const EVIL_GLOB = `${'*a'.repeat(30)}b`;
const LONG_NAME = 'a'.repeat(64);

describe('user globs match in linear time', () => {
  it('an exclude glob against a long file name does not hang the walk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-glob-'));
    try {
      writeFileSync(join(dir, LONG_NAME), 'x\n');
      writeFileSync(join(dir, `${LONG_NAME}b`), 'x\n');
      const r = runChild(`
        import { walkFiles } from ${JSON.stringify(join(ROOT, 'server/src/engine/scan/file-walker'))};
        const r = walkFiles([{ root: ${JSON.stringify(dir)} }], { exclude: [${JSON.stringify(EVIL_GLOB)}] });
        console.log(JSON.stringify(r.files.map((f) => f.relPath)));
      `);
      assert.equal(r.signal, null, `the walk hung (killed by the guard timeout): ${r.stderr}`);
      assert.equal(r.status, 0, r.stderr);
      // The glob still does its job: the name ending in b is excluded.
      assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), [LONG_NAME]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a custom secret rule allowlist path against a long file name does not hang the scan', () => {
    const r = runChild(`
      import { createSecretsAnalyzer } from ${JSON.stringify(join(ROOT, 'server/src/engine/secrets'))};
      const rule = { id: 'acme.token', name: 'Acme token', description: 'An Acme token.', severity: 'high', regex: 'acme_[a-z0-9]{8}', keywords: ['acme_'], allowlist: { paths: [${JSON.stringify(EVIL_GLOB)}] } };
      const { analyzer, errors } = createSecretsAnalyzer({ customSecretRules: [rule] });
      const active = analyzer.scanner.activeRules('/ws/src/${LONG_NAME}');
      const skippedHere = analyzer.scanner.activeRules('/ws/src/${LONG_NAME}b');
      console.log(JSON.stringify({ errors, on: active[active.length - 1], offInB: skippedHere[skippedHere.length - 1] }));
    `);
    assert.equal(r.signal, null, `the scan hung (killed by the guard timeout): ${r.stderr}`);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { errors: [], on: true, offInB: false });
  });

  it('every user glob is compiled for the linear-time engine by the one shared module', () => {
    const m = compileGlob(EVIL_GLOB);
    assert.ok(m.regex && isLinearRegex(m.regex));
    assert.equal(m.match(LONG_NAME), false);
    assert.equal(m.match(`${LONG_NAME}b`), true);
    // No other module matches globs itself (minimatch compiles globs to backtracking regexes).
    const offenders: string[] = [];
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && p !== join(ROOT, 'server/src/engine/glob.ts') && /from 'minimatch'/.test(readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(join(ROOT, 'server', 'src'));
    walk(join(ROOT, 'client', 'src'));
    assert.deepEqual(offenders, []);
  });

  it('keeps minimatch semantics (dot: true, matchBase) for ordinary globs', () => {
    const globs = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/*.min.js', 'dist/**', 'vendor/**', '*.js', 'src/**/*.ts', '{a,b}/**', '[abc]*.js',
      '[!a]*.js', '?.js', 'a/**/b', '**/*.{js,ts}', '@(x|y).js', '+(ab)c', '*(ab)c', '?(a)b.js', 'a\\*b', '**', '*', '.env*', '**/.env', '!vendor/**', '!!x.js', '#comment', 'test/fixtures/**', '**/test/**/*.py'];
    const paths = ['x.js', 'a.js', 'd.js', 'b.js', '.env', '.env.local', 'app/.env', 'dist', 'dist/x.js', 'dist/a/b.min.js', 'node_modules/p/i.js', 'a/node_modules/p/i.js',
      '.git/config', 'src/a.ts', 'src/x/y/z.ts', 'src/a.js', 'a/b', 'a/x/y/b', 'b/c', 'vendor/v.js', 'x.min.js', 'x/y.min.js', 'y.js', 'ababc', 'c', 'abc', 'a*b', 'axb',
      'test/fixtures/f.py', 'x/test/y/z.py', '/ws/abs/dist/x.js', '/ws/abs/.git/HEAD', 'b.js', 'ab.js', 'deep/a.js', 'deep/x/.hidden.js'];
    for (const matchBase of [false, true]) {
      for (const g of globs) {
        const m = compileGlob(g, { matchBase });
        for (const p of paths) assert.equal(m.match(p), minimatch(p, g, { dot: true, matchBase }), `${g} on ${p} (matchBase ${matchBase})`);
      }
    }
  });

  it('refuses a glob past the complexity limit, or one the linear engine cannot run, with a clear error', () => {
    assert.match(globProblem('x'.repeat(MAX_GLOB_LENGTH + 1)) ?? '', /longer than/);
    assert.match(globProblem('{a,b}'.repeat(12)) ?? '', /alternatives/);
    assert.match(globProblem('src/!(a|b).js') ?? '', /not supported/);
    assert.equal(globProblem('**/vendor/**'), undefined);
    const r = parseVigilConfig(`exclude:\n  - "dist/**"\n  - "${'{a,b}'.repeat(12)}"\n`, '/ws/.vigil.yml');
    assert.equal(r.config, undefined);
    assert.match(r.errors[0]!.message, /exclude\[1\].*alternatives/);
    assert.equal(r.errors[0]!.range?.start.line, 2);
    const bad = { id: 'acme.token', name: 'Acme token', description: 'An Acme token.', severity: 'high', regex: 'acme_[a-z0-9]{8}', keywords: ['acme_'], allowlist: { paths: ['src/!(x).js'] } };
    const setup = createAnalyzers({ customSecretRules: [bad], customRulesSource: '/ws/.vigil.yml' });
    assert.match(setup.errors.find((e) => e.ruleId === 'acme.token')?.message ?? '', /allowlist\.paths.*not supported/);
  });
});
