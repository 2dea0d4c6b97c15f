import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { AdvisoryDb, importAdvisories, ScaAnalyzer } from '../../server/src/engine/sca';
import { firstCall, importsOf, loadVulnerableFunctions, tableLookup, WorkspaceImports, type VulnerableFunctions } from '../../server/src/engine/sca/reachability';
import { prioritize } from '../../server/src/engine/priority';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { OSV_RECORDS } from './sca-helpers';

const TABLE: VulnerableFunctions = {
  entries: [
    { ecosystem: 'npm', package: 'fake-lodash', advisories: ['VIGIL-TEST-0002'], functions: ['template'] },
    { ecosystem: 'PyPI', package: 'fake-requests', advisories: ['VIGIL-TEST-0003'], functions: ['get'], modules: ['fakereq'] },
  ],
};

let db: string;
before(() => {
  db = join(mkdtempSync(join(tmpdir(), 'vigil-sca-reach-')), 'db');
  importAdvisories(db, [OSV_RECORDS]);
});

describe('reachability: import and call facts', () => {
  it('JS/TS imports: default, namespace, named, require, destructuring, subpath, dynamic; not relative or node: ones', () => {
    const text = [
      "import _ from 'lodash';",
      "import * as L from 'lodash';",
      "import { template as t, merge } from 'lodash';",
      "const { trim: tr } = require('lodash');",
      "const tpl = require('lodash/template');",
      "import('@scope/pkg/sub');",
      "import './local';",
      "import fs from 'node:fs';",
    ].join('\n');
    assert.deepEqual(importsOf('js', text).map((i) => [i.module, i.subpath, i.line, i.bindings.map((b) => `${b.imported}>${b.local}`).join(' ')]), [
      ['lodash', '', 1, '*>_'],
      ['lodash', '', 2, '*>L'],
      ['lodash', '', 3, 'template>t merge>merge'],
      ['lodash', '', 4, 'trim>tr'],
      ['lodash', 'template', 5, '*>tpl'],
      ['@scope/pkg', 'sub', 6, ''],
    ]);
  });

  it('Python imports: import a.b as c, from a import x as y', () => {
    const text = 'import os, yaml as y\nfrom yaml import load as ld, dump\nfrom .local import x\n';
    assert.deepEqual(importsOf('py', text).map((i) => [i.module, i.line, i.bindings.map((b) => `${b.imported}>${b.local}`).join(' ')]), [
      ['os', 1, '*>os'],
      ['yaml', 1, '*>y'],
      ['yaml', 2, 'load>ld dump>dump'],
    ]);
  });

  it('a call of the named function through each kind of binding, not a same-named local function', () => {
    const call = (src: string): number | undefined => firstCall(src, importsOf('js', src), 'template');
    assert.equal(call("import _ from 'lodash';\n\n_.template(x);"), 3);
    assert.equal(call("import { template as t } from 'lodash';\nt(x);"), 2);
    assert.equal(call("const tpl = require('lodash/template');\ntpl(x);"), 2);
    assert.equal(call("require('lodash').template(x);"), 1);
    assert.equal(call("import _ from 'lodash';\nfunction template() {}\ntemplate(x);\n_.merge(a);"), undefined);
    const py = 'import yaml\nyaml.load(data)\n';
    assert.equal(firstCall(py, importsOf('py', py), 'load'), 2);
  });

  it('the shipped table loads, keyed by CVE alias', () => {
    const table = loadVulnerableFunctions(join(__dirname, '..', '..', 'rules', 'dependencies', 'vulnerable-functions.yml'));
    assert.deepEqual(tableLookup(table, 'npm', 'lodash', ['GHSA-x', 'CVE-2021-23337']).functions, ['template']);
    assert.deepEqual(tableLookup(table, 'PyPI', 'pyyaml', ['CVE-2017-18342']), { functions: ['load', 'load_all'], modules: ['yaml'] });
  });

  it('a workspace index skips node_modules, re-reads changed files only, and says when the look was bounded', () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-reach-ws-'));
    mkdirSync(join(ws, 'src'));
    mkdirSync(join(ws, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(ws, 'node_modules', 'x', 'i.js'), "require('fake-qs')");
    writeFileSync(join(ws, 'src', 'a.js'), "const _ = require('fake-lodash');\n");
    const idx = new WorkspaceImports(ws);
    idx.refresh();
    assert.deepEqual(idx.reach('npm', 'fake-qs', []), { level: 'not-imported', at: undefined, looked: 1, complete: true });
    assert.deepEqual(idx.reach('npm', 'fake-lodash', ['template']).level, 'imported');
    writeFileSync(join(ws, 'src', 'a.js'), "const _ = require('fake-lodash');\n\n_.template('x');\n");
    idx.refresh();
    assert.deepEqual(idx.reach('npm', 'fake-lodash', ['template']), { level: 'called', at: { path: 'src/a.js', line: 3 }, fn: 'template', looked: 1, complete: true });
    writeFileSync(join(ws, 'src', 'b.py'), 'import fakereq\n');
    const bounded = new WorkspaceImports(ws, 1);
    bounded.refresh();
    assert.equal(bounded.reach('PyPI', 'fake-requests', [], ['fakereq']).complete, false);
  });
});

describe('reachability in findings', () => {
  async function scan(ws: string, limit?: number): Promise<Finding[]> {
    const analyzer = new ScaAnalyzer(new AdvisoryDb(db), { table: TABLE, fileLimit: limit });
    const engine = await Engine.create({ analyzers: [analyzer] });
    const r = engine.scanText(join(ws, 'requirements.txt'), 'pip-requirements', 'fake-requests==2.25.0\n', DEFAULT_SETTINGS, ws);
    const p = engine.scanText(join(ws, 'package.json'), 'json', '{ "dependencies": { "fake-lodash": "4.17.15" } }\n', { ...DEFAULT_SETTINGS, minSeverity: 'info' }, ws);
    return [...r.findings, ...p.findings];
  }

  it('says where the package is imported or the vulnerable function called, or that it is not imported (severity lowered)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-reach-f-'));
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'src', 'a.js'), "import _ from 'fake-lodash';\n\nexport const f = (s) => _.template(s);\n");
    const [req, ...lodash] = await scan(ws);
    assert.match(req!.message, /not imported anywhere \(1 source file looked at\)/);
    assert.equal(req!.properties?.reachability, 'not-imported');
    assert.equal(req!.severity, 'medium', 'high, one step lower: not imported');
    const tpl = lodash.find((f) => f.properties?.advisory === 'VIGIL-TEST-0002')!;
    assert.match(tpl.message, /vulnerable function `template` called in src\/a\.js:3/);
    assert.equal(tpl.properties?.reachability, 'called');
    const merge = lodash.find((f) => f.properties?.advisory === 'VIGIL-TEST-0001')!;
    assert.match(merge.message, /imported in src\/a\.js:1/);
    assert.equal(merge.severity, 'critical');
  });

  it('ranks a called vulnerable function first and a direct dependency nothing imports last (the priority reads `reachable`)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-reach-p-'));
    mkdirSync(join(ws, 'src'));
    writeFileSync(join(ws, 'src', 'a.js'), "import _ from 'fake-lodash';\n\nexport const f = (s) => _.template(s);\n");
    const [req, ...lodash] = await scan(ws);
    const tpl = lodash.find((f) => f.properties?.advisory === 'VIGIL-TEST-0002')!;
    const merge = lodash.find((f) => f.properties?.advisory === 'VIGIL-TEST-0001')!;
    assert.equal(tpl.properties?.reachable, true);
    assert.equal(req!.properties?.reachable, false, 'a direct dependency no file imports (complete look)');
    assert.equal(merge.properties?.reachable, undefined, 'imported, and no function is known: unknown');
    const ctx = { path: join(ws, 'package.json'), root: ws };
    assert.equal(prioritize(tpl, ctx).reason, 'vulnerable dependency reachable from your code');
    const { reachable: _known, ...unknown } = tpl.properties!;
    assert.ok(prioritize(tpl, ctx).score > prioritize({ ...tpl, properties: unknown }, ctx).score);
    assert.equal(prioritize(req!, { path: join(ws, 'requirements.txt'), root: ws }).reason, 'vulnerable dependency, not called from your code');
    // Imported, the vulnerable function known but not called: not reachable through it.
    writeFileSync(join(ws, 'src', 'a.js'), "import _ from 'fake-lodash';\n_.merge(a, b);\n");
    const again = (await scan(ws)).find((f) => f.properties?.advisory === 'VIGIL-TEST-0002')!;
    assert.equal(again.properties?.reachability, 'imported');
    assert.equal(again.properties?.reachable, false);
    // A bounded look proves nothing.
    const big = mkdtempSync(join(tmpdir(), 'vigil-reach-pb-'));
    writeFileSync(join(big, 'a.js'), '1');
    writeFileSync(join(big, 'b.js'), '2');
    const [bounded] = await scan(big, 1);
    assert.equal(bounded!.properties?.reachable, undefined);
  });

  it('a bounded look (the editor) says so and does not lower the severity', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-reach-b-'));
    writeFileSync(join(ws, 'a.js'), '1');
    writeFileSync(join(ws, 'b.js'), '2');
    const [req] = await scan(ws, 1);
    assert.match(req!.message, /not imported in the first 1 source file looked at/);
    assert.equal(req!.severity, 'high');
  });

  it('reads the workspace again when told it changed, never on a timer (same events, same findings)', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-reach-e-'));
    writeFileSync(join(ws, 'a.py'), 'print(1)\n');
    const analyzer = new ScaAnalyzer(new AdvisoryDb(db), { table: TABLE });
    const engine = await Engine.create({ analyzers: [analyzer] });
    const reach = () => engine.scanText(join(ws, 'requirements.txt'), 'pip-requirements', 'fake-requests==2.25.0\n', DEFAULT_SETTINGS, ws).findings[0]!.properties?.reachability;
    assert.equal(reach(), 'not-imported');
    writeFileSync(join(ws, 'b.py'), 'import fakereq\n');
    assert.equal(reach(), 'not-imported', 'no event yet: the listing in hand is used');
    engine.workspaceChanged();
    assert.notEqual(reach(), 'not-imported', 'after the event the new import is seen');
  });
});

describe('reachability: functions and modules named by the OSV record itself', () => {
  // Made-up records: a PyPI one in the `ecosystem_specific.imports[].symbols` style (import path and symbols), an
  // npm one with `database_specific.affected_functions` (qualified names). Neither package is in the curated table.
  const records = {
    'VIGIL-TEST-OSVFN-1.json': {
      id: 'VIGIL-TEST-OSVFN-1',
      summary: 'Code execution in fake-yamlish load (test record)',
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'fake-yamlish' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }],
          ecosystem_specific: { imports: [{ path: 'fyaml.loader', symbols: ['unsafe_load', 'Loader.construct_object'] }] },
        },
      ],
    },
    'VIGIL-TEST-OSVFN-2.json': {
      id: 'VIGIL-TEST-OSVFN-2',
      summary: 'Injection in fake-tpl render (test record)',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'fake-tpl' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }],
          database_specific: { affected_functions: ['fake-tpl.render', 'not a name()'] },
        },
      ],
    },
  };
  let osvDb: string;
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-osvfn-'));
    for (const [name, r] of Object.entries(records)) writeFileSync(join(dir, name), JSON.stringify(r));
    osvDb = join(dir, 'db');
    importAdvisories(osvDb, [dir]);
  });

  async function scan(ws: string): Promise<Finding[]> {
    const engine = await Engine.create({ analyzers: [new ScaAnalyzer(new AdvisoryDb(osvDb), { table: { entries: [] } })] });
    const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
    return [
      ...engine.scanText(join(ws, 'requirements.txt'), 'pip-requirements', 'fake-yamlish==1.0\n', settings, ws).findings,
      ...engine.scanText(join(ws, 'package.json'), 'json', '{ "dependencies": { "fake-tpl": "1.0.0" } }\n', settings, ws).findings,
    ];
  }

  it('a call of a function the record names is "vulnerable function called", through the import name it gives', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-osvfn-ws-'));
    writeFileSync(join(ws, 'app.py'), 'import os\nfrom fyaml.loader import unsafe_load\n\nunsafe_load(data)\n');
    writeFileSync(join(ws, 'a.js'), "const tpl = require('fake-tpl');\nmodule.exports = (s) => tpl.render(s);\n");
    const [py, js] = await scan(ws);
    assert.match(py!.message, /vulnerable function `unsafe_load` called in app\.py:4/);
    assert.equal(py!.properties?.reachability, 'called');
    assert.match(js!.message, /vulnerable function `render` called in a\.js:2/);
  });

  it('imported without a call of those functions says which were looked for', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'vigil-osvfn-ws-'));
    writeFileSync(join(ws, 'app.py'), 'import fyaml\n\nfyaml.safe_dump(data)\n');
    writeFileSync(join(ws, 'a.js'), "import tpl from 'fake-tpl';\ntpl.compile(s);\n");
    const [py, js] = await scan(ws);
    assert.match(py!.message, /imported in app\.py:1 \(no call of `unsafe_load`, `construct_object` found\)/);
    assert.match(js!.message, /imported in a\.js:1 \(no call of `render` found\)/);
  });
});
