/**
 * The language table (engine/languages.ts) is the one record of the languages Vigil knows: package.json and the
 * grammar folder must agree with it, and the lists derived from it must say what the table says.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  GRAMMAR_IDS, LANGUAGES, MODULE_SUFFIXES, TAINT_GRAMMARS, TAINT_LANGUAGE_LABELS, TAINT_LANGUAGES, commentSyntax, grammarFor, languageIdForPath, taintLanguageOf,
} from '../../server/src/engine/languages';
import { languageModule } from '../../server/src/engine/taint/lang';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { activationEvents: string[]; contributes: unknown };

describe('language table', () => {
  it('package.json activates on exactly the languages the table marks `activates`', () => {
    const inPackage = new Set(pkg.activationEvents.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length)));
    const inTable = new Set(LANGUAGES.filter((l) => l.activates).map((l) => l.id));
    assert.deepEqual([...inPackage].filter((id) => !inTable.has(id)), [], 'activation events for languages the table does not activate on');
    assert.deepEqual([...inTable].filter((id) => !inPackage.has(id)), [], 'languages the table activates on without an activation event');
  });

  it('every language id package.json contributes (editorLangId / resourceLangId conditions) is in the table', () => {
    const ids = [...JSON.stringify(pkg.contributes).matchAll(/(?:editorLangId|resourceLangId)\s*==\s*'?([\w-]+)/g)].map((m) => m[1]!);
    for (const id of ids) assert.ok(LANGUAGES.some((l) => l.id === id), `package.json names language ${id}, unknown to the table`);
  });

  it('each grammar the table names is built into grammars/ and listed in its manifest', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'grammars', 'manifest.json'), 'utf8')) as { grammars: Record<string, { file: string }> };
    for (const g of GRAMMAR_IDS) {
      assert.equal(manifest.grammars[g]?.file, `${g}.wasm`, `grammar ${g} in grammars/manifest.json`);
      assert.ok(readFileSync(join(root, 'grammars', `${g}.wasm`)).length > 0, `grammars/${g}.wasm`);
    }
  });

  it('no language id, extension or file name is claimed twice', () => {
    const seen = (list: string[]): string[] => list.filter((x, i) => list.indexOf(x) !== i);
    assert.deepEqual(seen(LANGUAGES.map((l) => l.id)), []);
    assert.deepEqual(seen(LANGUAGES.flatMap((l) => [...l.extensions])), []);
    assert.deepEqual(seen(LANGUAGES.flatMap((l) => [...(l.fileNames ?? [])])), []);
  });

  it('derives the path, grammar, taint and comment lookups from the records', () => {
    const cases: [string, string, string | undefined][] = [
      ['a/b.jsx', 'javascriptreact', 'javascript'],
      ['b.mts', 'typescript', 'typescript'],
      ['c.tsx', 'typescriptreact', 'tsx'],
      ['d.pyw', 'python', 'python'],
      ['E.JAVA', 'java', 'java'],
      ['deploy/Dockerfile.prod', 'dockerfile', undefined],
      ['.env.local', 'dotenv', undefined],
      ['conf/app.env', 'dotenv', undefined],
      ['x.tfvars', 'terraform', 'terraform'],
      ['notes.unknown', 'plaintext', undefined],
    ];
    for (const [path, id, grammar] of cases) {
      assert.equal(languageIdForPath(path), id, path);
      assert.equal(grammarFor(id, path), grammar, path);
    }
    assert.equal(grammarFor('plaintext', 'x.ts'), 'typescript', 'falls back to the extension');
    for (const l of ['javascript', 'typescript', 'python', 'java'] as const) assert.ok(TAINT_LANGUAGES.includes(l), l);
    assert.equal(taintLanguageOf('tsx'), 'typescript');
    assert.equal(taintLanguageOf('json'), undefined);
    assert.deepEqual(commentSyntax('python'), ['#', '']);
    assert.deepEqual(commentSyntax('html'), ['<!--', ' -->']);
    assert.equal(commentSyntax('json'), undefined);
    assert.equal(MODULE_SUFFIXES[0], '');
    for (const s of ['.js', '.tsx', '/index.ts', '.py', '/__init__.py']) assert.ok(MODULE_SUFFIXES.includes(s), s);
  });

  it('package.json names the npm package of every grammar, and of no other (scripts/grammars.mjs reads it)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { vigil: { grammars: Record<string, [string, string]> }; devDependencies: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.vigil.grammars).sort(), [...GRAMMAR_IDS].sort());
    for (const [id, [name]] of Object.entries(pkg.vigil.grammars)) assert.ok(pkg.devDependencies[name], `${id}: ${name} is pinned`);
  });

  it('every grammar the taint pack analyses has a language module and a docs label', () => {
    for (const g of TAINT_GRAMMARS) {
      assert.ok(GRAMMAR_IDS.includes(g), g);
      const lang = taintLanguageOf(g)!;
      assert.equal(languageModule(lang).id, lang === 'typescript' ? 'javascript' : lang, `module of ${g}`);
      assert.ok(TAINT_LANGUAGE_LABELS[lang], `label of ${lang}`);
    }
  });
});
