/**
 * Handlers told by a directive (`'use server'`: Next.js server actions) or by the file's path (App Router pages):
 * an edit of the module's directive alone makes and unmakes every exported action, equal to a fresh scan; the
 * schema refuses a file directive without `exported` and a path that is no safe regular expression.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { validateRuleFile } from '../../server/src/engine/taint';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = handlerFindingIds;

const ACTIONS = [
  "'use server';",
  "import { db } from './db';",
  '',
  'export async function search(q: string) {',
  "  return db.$queryRawUnsafe(`SELECT * FROM t WHERE n = '${q}'`);",
  '}',
  '',
  'export function Form() {',
  '  async function save(title: string) {',
  "    'use server';",
  "    await db.$executeRawUnsafe(`INSERT INTO t VALUES ('${title}')`);",
  '  }',
  '  return save;',
  '}',
  '',
].join('\n');

describe('handlers by directive and by path', () => {
  it('an edit of the module directive, then of a function directive, makes and unmakes actions; incremental equals fresh', () => {
    const uri = 'directive:/n/actions.ts';
    engine.open(uri, '/n/actions.ts', 'typescript', ACTIONS, 1);
    try {
      assert.deepEqual(ids(engine.analyze(uri, TAINT_ONLY)), ['js.sqli.string-query@4', 'js.sqli.string-query@10']);
      let version = 1;
      const steps: [number, number, number, string, string[]][] = [
        // `'use server'` -> `'use serve'`: the exported function is no action; the nested one still is.
        [0, 10, 11, '', ['js.sqli.string-query@10']],
        [0, 10, 10, 'r', ['js.sqli.string-query@4', 'js.sqli.string-query@10']],
        // The function's own directive, then back.
        [9, 14, 15, '', ['js.sqli.string-query@4']],
        [9, 14, 14, 'r', ['js.sqli.string-query@4', 'js.sqli.string-query@10']],
      ];
      for (const [line, from, to, text, expected] of steps) {
        engine.change(uri, [{ range: { start: { line, character: from }, end: { line, character: to } }, text }], ++version);
        const r = engine.analyze(uri, TAINT_ONLY);
        assert.deepEqual(ids(r), expected, engine.get(uri)!.text);
        assert.deepEqual(r.findings, engine.scanText('/n/actions.ts', 'typescript', engine.get(uri)!.text, TAINT_ONLY).findings);
      }
    } finally {
      engine.close(uri);
    }
  });

  it('a page file by its path: the same component elsewhere is not one', () => {
    const page = "import { db } from './db';\nexport default async function Page({ params }) {\n  return db.$queryRawUnsafe('SELECT * FROM t WHERE id = ' + params.id);\n}\n";
    assert.deepEqual(ids(engine.scanText('/site/app/t/[id]/page.jsx', 'javascriptreact', page, TAINT_ONLY)), ['js.sqli.string-query@2']);
    assert.deepEqual(ids(engine.scanText('/site/components/page.jsx', 'javascriptreact', page, TAINT_ONLY)), []);
    // Windows separators are read as `/`.
    assert.deepEqual(ids(engine.scanText('C:\\site\\app\\page.jsx', 'javascriptreact', page, TAINT_ONLY)), ['js.sqli.string-query@2']);
  });

  it('schema: file-directive needs exported; path must be a regular expression the guard accepts', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        ok: { languages: ['javascript'], exported: true, 'file-directive': 'use server', params: 'all' },
        fn: { languages: ['javascript'], directive: 'use server', params: 'all' },
        page: { languages: ['javascript'], exported: true, path: '(^|/)app/page\\.jsx$', 'request-param': 0, alias: 'p' },
        noexport: { languages: ['javascript'], 'file-directive': 'use server', params: 'all' },
        badpath: { languages: ['javascript'], exported: true, path: '(', params: 'all' },
      },
      rules: [],
    });
    assert.deepEqual(file.handlers.map((h) => h.id), ['ok', 'fn', 'page']);
    const text = errors.map((e) => e.message).join('\n');
    assert.match(text, /handler noexport: `file-directive` needs `exported: true`/);
    assert.match(text, /handler badpath: `path` /);
  });
});
