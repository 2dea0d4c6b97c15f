/**
 * The bench's Java and Go rows (issue 11): the generated files the edit-latency part types into are valid code
 * in which Vigil finds every planted flow and credential (so their latency rows measure the same work as the other
 * languages'), and the Debian-package corpora of the scan part turn a bad cache or a missing apt-get into a
 * "skipped" reason instead of scanning something unchecked. No network: nothing here downloads.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateFile, pasteSnippet } from '../../bench/corpus/generate';
import { rng } from '../../bench/lib/stats';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

describe('bench generated Java and Go files', () => {
  let engine: Engine;
  let grammars: GrammarRegistry;
  before(async () => {
    engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    grammars = await GrammarRegistry.create();
  });
  const parsesCleanly = (lang: 'java' | 'go', text: string): boolean => {
    const tree = grammars.parse(lang, text);
    try {
      return tree !== undefined && !tree.rootNode.hasError;
    } finally {
      tree?.delete();
    }
  };

  // The seeds of the bench's own 3,000-line files (1000 + the language's place in bench/lib/corpus.ts LANGUAGES;
  // not imported: that module fixes the scratch folder the Debian tests below set).
  for (const [lang, ext, seed] of [['java', 'java', 1003], ['go', 'go', 1004]] as const) {
    it(`${lang}: exact length, parses cleanly, and every planted flow and credential is found`, () => {
      const g = generateFile(lang, 3_000, seed);
      assert.equal(g.text.split('\n').length - 1, 3_000);
      assert.ok(g.vulnerableBlocks > 10 && g.secretBlocks > 5, `${g.vulnerableBlocks} flows, ${g.secretBlocks} credentials`);
      assert.ok(parsesCleanly(lang, g.text), 'no syntax error in the file');
      const r = engine.scanText(`/bench/app.${ext}`, lang, g.text, DEFAULT_SETTINGS);
      assert.deepEqual(r.notices.map((n) => n.reason), [], 'no budget cut or skip');
      const taint = r.findings.filter((f) => f.ruleId.startsWith(`${lang}.`));
      const secrets = r.findings.filter((f) => f.ruleId.startsWith('secrets.'));
      assert.equal(taint.length, g.vulnerableBlocks, taint.map((f) => f.ruleId).join(', '));
      assert.equal(secrets.length, g.secretBlocks);
    });

    it(`${lang}: a pasted block at a block start, as the edit script pastes, keeps the file valid`, () => {
      const g = generateFile(lang, 600, 7);
      assert.ok(!parsesCleanly(lang, `${g.text}}\n}\n`), 'the check sees a syntax error');
      const lines = g.text.split('\n');
      const r = rng(3);
      for (let i = 0; i < 12; i++) {
        const at = g.blockStarts[Math.floor(r() * g.blockStarts.length)]!;
        const pasted = [...lines.slice(0, at), ...pasteSnippet(lang, r, i).split('\n').slice(0, -1), ...lines.slice(at)].join('\n');
        assert.ok(parsesCleanly(lang, pasted), `paste ${i} at line ${at}`);
      }
    });
  }
});

describe('bench Debian corpora', () => {
  let tmp: string;
  let mod: typeof import('../../bench/lib/debian-corpus');
  const savedTmp = process.env.VIGIL_BENCH_TMP;
  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'vigil-debcorpus-'));
    // RAW (the scratch folder) is read when bench/lib/paths.ts loads: set it first.
    process.env.VIGIL_BENCH_TMP = tmp;
    mod = await import('../../bench/lib/debian-corpus');
  });
  after(() => {
    if (savedTmp === undefined) delete process.env.VIGIL_BENCH_TMP;
    else process.env.VIGIL_BENCH_TMP = savedTmp;
    rmSync(tmp, { recursive: true, force: true });
  });

  it('a cached .deb whose sha256 is not the pin is skipped with both digests, and removed so it is fetched again', () => {
    assert.ok(mod.DEB_CACHE.startsWith(tmp));
    const pkg = { name: 'golang-github-example-dev', version: '1.0.0-1', sha256: 'a'.repeat(64), project: 'example' };
    mkdirSync(mod.DEB_CACHE, { recursive: true });
    const cached = join(mod.DEB_CACHE, 'golang-github-example-dev_1.0.0-1_all.deb');
    writeFileSync(cached, 'not the pinned package');
    const c = mod.debianCorpus({ name: 'go', packages: [pkg], select: () => assert.fail('nothing is unpacked from an unchecked package') });
    assert.equal(c.ok, false);
    assert.match(!c.ok ? c.skipped : '', /golang-github-example-dev=1\.0\.0-1: sha256 [0-9a-f]{64} is not the pinned a{64}/);
    assert.equal(existsSync(cached), false);
  });

  it('without apt-get the corpus is skipped, saying so', () => {
    const savedPath = process.env.PATH;
    process.env.PATH = join(tmp, 'no-such-bin');
    try {
      const c = mod.debianCorpus({ name: 'java', packages: [{ name: 'openjdk-17-source', version: '0-0', sha256: 'b'.repeat(64), project: 'x' }], select: () => [] });
      assert.equal(c.ok, false);
      assert.match(!c.ok ? c.skipped : '', /openjdk-17-source=0-0: apt-get could not run \(ENOENT\)/);
    } finally {
      process.env.PATH = savedPath;
    }
  });

  it('every pin names a version and a full sha256', () => {
    for (const spec of [mod.JAVA_CORPUS, mod.GO_CORPUS]) {
      for (const p of spec.packages) {
        assert.match(p.sha256, /^[0-9a-f]{64}$/, p.name);
        assert.match(p.version, /^[\w.+~:-]+$/, p.name);
      }
    }
  });
});
