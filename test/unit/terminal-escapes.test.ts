/**
 * Terminal escape sequences from a repository (in file names and in quoted source text) must not reach a terminal
 * raw: ESC, BEL, CSI, OSC and other C0/C1 controls could clear the screen, retitle the terminal or hide lines of a
 * CI log. The CLI's text report and its stderr show them escaped (`\x1b`); JSON and SARIF escape them already.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatJson } from '../../server/src/engine/output/json-format';
import { formatSarif } from '../../server/src/engine/output/sarif-format';
import { formatText } from '../../server/src/engine/output/text-format';
import type { ScanReport } from '../../server/src/engine/output/scan-report';
import { cli } from './cli-helpers';

/** Clear screen, set the window title (OSC, BEL-terminated), a C1 CSI, backspace, DEL and a bidi override. */
const EVIL = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\b\u007f\u202e';

/** Any raw control character a terminal would act on (line breaks and tabs between lines are ours). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('CLI output escapes terminal control characters', () => {
  it('the text report: paths, messages, traces, notices, rule errors, skipped, failed and stale entries', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const report: ScanReport = {
      tool: { name: 'vigil', version: '0' },
      roots: ['/ws'],
      files: [{
        path: `/ws/a${EVIL}.js`, root: '/ws', relPath: `a${EVIL}.js`,
        findings: [{
          ruleId: 'test.taint.eval', pack: 'taint', severity: 'high', cwe: [], range, docsUrl: '',
          message: `Request input reaches eval(${EVIL})`,
          trace: [{ kind: 'source', message: `read ${EVIL}`, range, path: `/ws/b${EVIL}.js` }],
        }],
        notices: [{ reason: 'too-large', message: `note ${EVIL}` }],
      }],
      scannedCount: 1,
      skipped: [{ path: `/ws/s${EVIL}`, reason: 'binary', message: `skipped ${EVIL}` }],
      failed: [{ path: `/ws/f${EVIL}`, message: `failed ${EVIL}` }],
      ruleErrors: [{ source: `/ws/.vigil${EVIL}.yml`, ruleId: `r${EVIL}`, message: `bad ${EVIL}` }],
      rules: [],
      baseline: { file: 'b.json', hidden: 0, stale: [{ path: `p${EVIL}`, ruleId: `r${EVIL}`, fingerprint: 'f'.repeat(16) }] },
      durationMs: 1,
      cancelled: false,
    };
    for (const color of [false, true]) {
      const text = formatText(report, { color });
      const withoutOurColours = color ? text.replace(/\u001b\[\d+m/g, '') : text;
      assert.doesNotMatch(withoutOurColours, RAW_CONTROL);
      assert.match(text, /a\\x1b\[2J\\x1b\]0;pwned\\x07\\x9b31m\\x08\\x7f\\u202e\.js/);
      // Long lines are wrapped to the terminal's width: join them back before looking for a phrase.
      const flat = withoutOurColours.replace(/\n +/g, ' ');
      for (const what of ['eval(', 'read ', 'note ', 'skipped ', 'failed ', 'bad ']) assert.ok(flat.includes(`${what}\\x1b[2J`), what);
    }
  });

  it('JSON and SARIF: JSON.stringify leaves DEL, C1 controls and bidi overrides raw; they are escaped too', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const report: ScanReport = {
      tool: { name: 'vigil', version: '0' }, roots: ['/ws'], scannedCount: 1, skipped: [], failed: [], ruleErrors: [], rules: [], durationMs: 1, cancelled: false,
      files: [{ path: `/ws/a${EVIL}.js`, root: '/ws', relPath: `a${EVIL}.js`, notices: [],
        findings: [{ ruleId: 'test.taint.eval', pack: 'taint', severity: 'high', cwe: [], range, docsUrl: '', message: `m ${EVIL}` }] }],
    };
    for (const [name, text] of [['json', formatJson(report)], ['sarif', formatSarif(report)]] as const) {
      assert.doesNotMatch(text, RAW_CONTROL, name);
      // Still the same data once parsed.
      assert.equal((JSON.parse(text) as { findings?: { message: string }[] }).findings?.[0]?.message ?? `m ${EVIL}`, `m ${EVIL}`, name);
    }
  });

  it('a file whose name and content hold escapes, through the CLI (text on stdout, errors on stderr)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-esc-'));
    try {
      const name = `t${EVIL.replace('\u202e', '')}.js`;
      writeFileSync(join(dir, name), `const k = "FAKETOKEN_abcdefghijklmnop";\n// ${EVIL}\n`);
      const text = await cli(dir, ['scan', '--root', dir, '--no-baseline', '--fail-on', 'none']);
      assert.equal(text.code, 0, text.err);
      assert.match(text.out, /t\\x1b\[2J\\x1b\]0;pwned\\x07/);
      assert.doesNotMatch(text.out, RAW_CONTROL);
      // A stale baseline entry for that file is reported on stderr in a JSON run.
      writeFileSync(join(dir, 'base.json'), JSON.stringify({ version: 1, entries: [{ path: name, ruleId: 'test.secret.fake-token', fingerprint: 'x' }] }));
      const json = await cli(dir, ['scan', '--root', dir, '--format', 'json', '--baseline', join(dir, 'base.json'), '--fail-on', 'none']);
      assert.equal(json.code, 0, json.err);
      assert.match(json.err, /stale baseline entry t\\x1b\[2J/);
      assert.doesNotMatch(json.err, RAW_CONTROL);
      // A usage error quoting a path.
      const missing = await cli(dir, ['scan', join(dir, `missing${EVIL}`), '--root', dir]);
      assert.equal(missing.code, 2);
      assert.match(missing.err, /missing\\x1b\[2J/);
      assert.doesNotMatch(missing.err, RAW_CONTROL);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
