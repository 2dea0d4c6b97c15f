/**
 * Bad inputs at the engine level, with the real rule packs: each must return within a time bound, without an
 * exception or an analyzer failure, and say what it skipped. The server-level twins (the same inputs sent over
 * LSP, checking the process stays up) are in test/reliability/server-bad-input.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { GRAMMAR_IDS } from '../../server/src/engine/languages';
import { DEFAULT_SETTINGS, type AnalysisResult } from '../../server/src/engine/types';
import { FAKES, LANGUAGES, prng } from '../reliability/corpus';

let engine: Engine;
let loadErrors: unknown[] = [];
before(async () => {
  const setup = createAnalyzers();
  loadErrors = setup.errors;
  engine = await Engine.create({ analyzers: setup.analyzers });
});
after(() => engine.dispose());

/**
 * Runs a scan and checks the invariants every bad input shares: no analyzer failure. Bounded by construction
 * (size checks before parsing, parse and taint budgets counted in work, linear regexes), not by a clock here:
 * how fast is `npm run bench`'s.
 */
function scan(path: string, languageId: string, text: string, settings = DEFAULT_SETTINGS): AnalysisResult {
  const r = engine.scanText(path, languageId, text, settings);
  const failed = r.notices.filter((n) => n.reason === 'analyzer-error');
  assert.deepEqual(failed, [], `${path}: an analyzer failed`);
  return r;
}

/** The engine still parses and analyses normally: nothing was corrupted (wasm heap, sessions). */
function assertEngineHealthy(): void {
  const r = engine.scanText('/ws/health.js', 'javascript', 'const a = 1;\n');
  assert.deepEqual(r.notices, []);
  const doc = engine.open('health', '/ws/h.js', 'javascript', 'let x = [1, 2];\n');
  assert.equal(doc.tree?.rootNode.type, 'program');
  engine.close('health');
}

describe('bad inputs (engine)', () => {
  it('the built-in rules load without errors (the inputs below run against every pack)', () => {
    assert.deepEqual(loadErrors, []);
  });

  it('random bytes, decoded as an editor would, in every language: binary notice or a normal result', () => {
    const rnd = prng(42);
    for (const lang of LANGUAGES) {
      for (let k = 0; k < 5; k++) {
        const bytes = Buffer.from(Array.from({ length: 4096 + k * 1000 }, () => Math.floor(rnd() * 256)));
        const r = scan(`/ws/rand${k}-${lang.file}`, lang.languageId, bytes.toString('utf8'));
        // Random bytes hold NULs, so the file must be called binary rather than analysed as code.
        assert.equal(r.notices[0]?.reason, 'binary', `${lang.languageId} #${k}`);
        assert.deepEqual(r.findings, []);
      }
    }
    assertEngineHealthy();
  });

  it('random printable noise without NULs is analysed without failing', () => {
    const rnd = prng(7);
    const alphabet = 'abc(){}[];:"\'`\\/*#\n\r\t =+-.,<>$€😀中';
    for (const lang of LANGUAGES) {
      const chars = Array.from(alphabet);
      let text = '';
      for (let i = 0; i < 20_000; i++) text += chars[Math.floor(rnd() * chars.length)];
      scan(`/ws/noise-${lang.file}`, lang.languageId, text);
    }
    assertEngineHealthy();
  });

  it('invalid UTF-8: a few bad bytes in real code still get analysed; mostly bad bytes are called binary', () => {
    const code = Buffer.from(`const a = "caf\u00e9";\nconst key = "${FAKES.awsKeyId}";\n`, 'utf8');
    // Truncated sequence, overlong encoding, lone continuation byte, invalid lead byte.
    const bad = Buffer.concat([Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0x0a, 0xc0, 0xaf, 0x80, 0xff, 0x0a]), code]);
    const text = bad.toString('utf8');
    assert.ok(text.includes('\ufffd'));
    const few = scan('/ws/mixed.js', 'javascript', text.repeat(20));
    assert.ok(!few.notices.some((n) => n.reason === 'binary'), 'a few replacement characters do not make a file binary');
    const mostly = Buffer.alloc(5000, 0xff).toString('utf8');
    const r = scan('/ws/bad.txt', 'plaintext', mostly);
    assert.equal(r.notices[0]?.reason, 'binary');
    assert.match(r.notices[0]!.message, /binary|UTF-8/);
  });

  it('an empty file, and files of only line breaks or whitespace, in every language and grammar', () => {
    for (const lang of LANGUAGES) {
      for (const text of ['', '\n', '\r\n\r\n', '\r', '   \t  ', '\ufeff']) {
        const r = scan(`/ws/empty-${lang.file}`, lang.languageId, text);
        assert.deepEqual(r, { findings: [], notices: [] }, `${lang.languageId} ${JSON.stringify(text)}`);
      }
    }
    // An open, empty document edited into code and back to empty.
    const doc = engine.open('empty', '/ws/e.py', 'python', '');
    engine.change('empty', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'import os\n' }], 1);
    engine.analyze('empty');
    engine.change('empty', [{ text: '' }], 2);
    assert.deepEqual(engine.analyze('empty'), { findings: [], notices: [] });
    assert.equal(doc.text, '');
    engine.close('empty');
  });

  it('a 10 MB single-line minified file: skipped with a notice at the default limit, analysed within the work budgets when allowed', () => {
    const unit = `var a${'x'.repeat(8)}=function(b){return b.query("SELECT "+b.id)},c=${JSON.stringify('y'.repeat(60))};`;
    const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
    assert.ok(big.length >= 10_000_000 && !big.includes('\n'));
    const skipped = scan('/ws/bundle.min.js', 'javascript', big);
    assert.equal(skipped.notices[0]?.reason, 'too-large');
    assert.match(skipped.notices[0]!.message, /vigil\.maxFileSize/);
    assert.deepEqual(skipped.findings, []);
    // With the limit raised the file is read by the packs that scan text; its one line is over the taint pack's
    // line-length limit, so that pack neither parses nor walks it and says so.
    const allowed = scan('/ws/bundle.min.js', 'javascript', big, { ...DEFAULT_SETTINGS, maxFileSize: 20_000_000 });
    assert.deepEqual(allowed.notices.map((n) => n.reason), ['minified']);
    assertEngineHealthy();
  });

  it('the bench\'s one-line bundle of 5,000,000 characters (issue 17): every pack returns, the taint pack with a "minified" notice', () => {
    // The bench's own case runner in a child process. The timeout is a hang guard only (it took minutes before the
    // fix); what bounds it is the line-length check before any parse (long-line.test.ts counts the work).
    const runner = join(__dirname, '..', '..', 'bench', 'adversarial-case.ts');
    const out = execFileSync(process.execPath, ['--import', 'tsx', runner, '--case', 'long-line', '--size', '5000000', '--runs', '1', '--rules', join(__dirname, '..', '..', 'rules')], {
      encoding: 'utf8',
      timeout: 600_000,
      maxBuffer: 1 << 24,
    });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { chars?: number; notices?: string[]; error?: string };
    assert.equal(r.error, undefined);
    assert.ok((r.chars ?? 0) >= 5_000_000);
    assert.deepEqual(r.notices?.map((n) => n.split(':')[0]), ['minified']);
  });

  it('10,000-level nested expressions in every grammar: no stack overflow, walkers are iterative', () => {
    const N = 10_000;
    const nest = (open: string, mid: string, close: string) => open.repeat(N) + mid + close.repeat(N);
    const cases: [string, string, string][] = [
      ['deep-parens.js', 'javascript', `db.query(${nest('(', 'req.query.id', ')')});\n`],
      ['deep-calls.js', 'javascript', `eval(${nest('f(', 'req.body.x', ')')});\n`],
      ['deep-binary.js', 'javascript', `db.query("a" + ${'req.query.a + '.repeat(N)}"b");\n`],
      ['deep-blocks.js', 'javascript', `${'function f(req) {'.repeat(N)}eval(req.query.x)${'}'.repeat(N)}\n`],
      ['deep-arrays.ts', 'typescript', `const a: unknown = ${nest('[', `"${FAKES.awsKeyId}"`, ']')};\n`],
      ['deep-jsx.tsx', 'typescriptreact', `const v = ${nest('<div>', '{x}', '</div>')};\n`],
      ['deep.py', 'python', `import os\nos.system(${nest('(', 'request.args["x"]', ')')})\n`],
      ['deep-lists.py', 'python', `x = ${nest('[', '1', ']')}\n`],
      ['Deep.java', 'java', `class A { void m(HttpServletRequest req) { String s = ${nest('(', 'req.getParameter("a")', ')')}; } }\n`],
      ['deep.go', 'go', `package main\nvar x = ${nest('(', '1', ')')}\n`],
      ['deep.json', 'json', `${nest('{"a":', `"${FAKES.stripeLive}"`, '}')}\n`],
      ['deep.sh', 'shellscript', `echo ${nest('$(', 'x', ')')}\n`],
      ['deep-lists.tf', 'terraform', `a = ${nest('[', '1', ']')}\n`],
      ['deep-blocks.tf', 'terraform', `${'a {\n'.repeat(N)}${'}\n'.repeat(N)}`],
      ['deep.yml', 'yaml', `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} v\n`],
    ];
    for (const [file, languageId, text] of cases) {
      const r = scan(`/ws/${file}`, languageId, text);
      assert.ok(!r.notices.some((n) => n.reason === 'analyzer-error'), file);
    }
    // Incremental: an edit deep inside the nesting goes through the delta path too.
    const text = `db.query(${nest('(', 'req.query.id', ')')});\n`;
    engine.open('deep', '/ws/deep-edit.js', 'javascript', text);
    engine.analyze('deep');
    const at = text.indexOf('req');
    engine.change('deep', [{ range: { start: { line: 0, character: at }, end: { line: 0, character: at + 3 } }, text: 'abc' }], 1);
    const r = engine.analyze('deep');
    assert.deepEqual(r.notices, []);
    engine.close('deep');
    assert.ok(GRAMMAR_IDS.length >= 8);
    assertEngineHealthy();
  });

  it('files over the size limit are skipped with a notice naming the setting, in every language', () => {
    const settings = { ...DEFAULT_SETTINGS, maxFileSize: 10_000 };
    for (const lang of LANGUAGES) {
      const text = lang.seed.repeat(Math.ceil(20_000 / lang.seed.length));
      const r = scan(`/ws/large-${lang.file}`, lang.languageId, text, settings);
      assert.deepEqual(r.findings, []);
      assert.equal(r.notices.length, 1);
      assert.equal(r.notices[0]!.reason, 'too-large');
      assert.match(r.notices[0]!.message, /10,000/);
    }
    // An open document that grows past the limit is skipped, and analysed again once it shrinks back.
    const seed = LANGUAGES[0]!.seed;
    engine.open('grow', '/ws/grow.js', 'javascript', seed);
    const before = engine.analyze('grow', settings);
    engine.change('grow', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '/*' + 'x'.repeat(20_000) + '*/' }], 1);
    assert.equal(engine.analyze('grow', settings).notices[0]?.reason, 'too-large');
    engine.change('grow', [{ text: seed }], 2);
    assert.deepEqual(engine.analyze('grow', settings), before);
    engine.close('grow');
  });

  it('a document with a thousand findings returns them all, in bounds', (t) => {
    if (!engine.rules().some((r) => r.pack === 'secrets')) return t.skip('no secrets pack loaded');
    const lines: string[] = [];
    for (let i = 0; i < 1200; i++) lines.push(`AWS_ACCESS_KEY_ID_${i}=AKIA${String(i).padStart(4, '0')}${FAKES.awsKeyId.slice(8)}`);
    const r = scan('/ws/many.env', 'dotenv', `${lines.join('\n')}\n`);
    assert.ok(r.findings.length >= 1000, `${r.findings.length} findings`);
    // Every finding on its own line, each with a distinct fingerprint.
    assert.equal(new Set(r.findings.map((f) => f.fingerprint)).size, r.findings.length);
  });

  it('lone-CR, CRLF and LF versions of the same file give findings on the same lines and text', () => {
    for (const lang of LANGUAGES) {
      const variants = ['\n', '\r\n', '\r'].map((eol) => lang.seed.replace(/\n/g, eol));
      const results = variants.map((text) => {
        const r = scan(`/ws/eol-${lang.file}`, lang.languageId, text);
        const lines = text.split(/\r\n|\r|\n/);
        return r.findings.map((f) => {
          // Single-line text under the range, read through LSP positions: must be the same code in every variant.
          const line = lines[f.range.start.line] ?? '';
          const end = f.range.end.line === f.range.start.line ? f.range.end.character : line.length;
          return `${f.ruleId}@${f.range.start.line}:${line.slice(f.range.start.character, end)}`;
        });
      });
      assert.deepEqual(results[1], results[0], `${lang.languageId}: CRLF vs LF`);
      assert.deepEqual(results[2], results[0], `${lang.languageId}: CR vs LF`);
    }
  });
});
