/**
 * No full secret in any output. The known secrets are the fake credentials of the reliability corpus plus the
 * exact text of every secret finding in the secret rule fixtures (rules/secrets/**). Every output Vigil makes
 * for files holding them is collected and searched: engine findings and notices (including an analyzer crash
 * whose error message quotes the input), the language server's diagnostics (message, related information,
 * data), code-action titles, log messages, status notifications and stderr, and the CLI's text, JSON and
 * SARIF reports. Needs `npm run build` for the server and CLI parts (npm test does it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Analyzer } from '../../server/src/engine/analyzer';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { readBaseline } from '../../server/src/engine/baseline';
import { parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { publishedExampleSource } from '../../server/src/engine/secrets/published-examples';
import { LspClient, SERVER_JS } from '../lsp/lsp-client';
import { FAKES, LANGUAGES } from './corpus';

const ROOT = join(__dirname, '..', '..');
const CLI_JS = join(ROOT, 'dist', 'cli.js');

function listFixtures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFixtures(p));
    else if (name.includes('.fixture.')) out.push(p);
  }
  return out;
}

/** A workspace file and the secrets it holds. */
interface SecretFile {
  name: string;
  languageId: string;
  text: string;
}

let ws: string;
const files: SecretFile[] = [];
/** Every full secret that must never appear in an output. */
const secrets = new Set<string>();

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'vigil-leak-'));
  for (const v of Object.values(FAKES)) for (const part of v.split('\n')) if (part.length >= 12) secrets.add(part);
  for (const lang of LANGUAGES) files.push({ name: lang.file, languageId: lang.languageId, text: lang.seed });
  // The secret fixtures: what each secret rule matches there is, by the rule's own account, a secret.
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  mkdirSync(join(ws, 'fixtures'));
  for (const path of listFixtures(join(ROOT, 'rules', 'secrets'))) {
    const text = readFileSync(path, 'utf8');
    const languageId = languageIdForPath(path.replace('.fixture.', '.'));
    const r = engine.scanText(path, languageId, text);
    let any = false;
    for (const f of r.findings.filter((x) => x.pack === 'secrets')) {
      const lines = text.split(/\r\n|\r|\n/);
      if (f.range.start.line !== f.range.end.line) continue;
      const raw = (lines[f.range.start.line] ?? '').slice(f.range.start.character, f.range.end.character);
      // A vendor's published example (AWS's AKIAIOSFODNN7EXAMPLE) is public by definition: rule docs quote it.
      if (raw.length >= 12 && publishedExampleSource(raw) === undefined) {
        secrets.add(raw);
        any = true;
      }
    }
    if (any) {
      const name = join('fixtures', basename(path));
      copyFileSync(path, join(ws, name));
      files.push({ name, languageId, text });
    }
  }
  engine.dispose();
});
after(() => rmSync(ws, { recursive: true, force: true }));

/** The secrets found in `output`, each shown by its first characters only. */
function leaks(output: string): string[] {
  return [...secrets].filter((s) => output.includes(s)).map((s) => `${s.slice(0, 6)}… (${s.length} chars)`);
}

describe('no full secret in any output', () => {
  it('engine findings and notices, for every secret file', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    for (const f of files) {
      const r = engine.scanText(join(ws, f.name), f.languageId, f.text);
      assert.deepEqual(leaks(JSON.stringify(r)), [], f.name);
    }
    engine.dispose();
  });

  it('an analyzer that crashes with the input in its error message does not leak it in the notice', async () => {
    // Node's JSON.parse, for one, quotes the input in its error message.
    const crashing: Analyzer = {
      pack: 'secrets',
      rules: () => [],
      appliesTo: () => true,
      open: () => ({
        run: (doc) => {
          JSON.parse(doc.text);
          return [];
        },
      }),
    };
    const engine = await Engine.create({ analyzers: [crashing] });
    // A short input is quoted whole: "Unexpected token 'A', "AKIA…" is not valid JSON".
    for (const text of [FAKES.awsKeyId, `{"key": ${FAKES.awsKeyId}, "secret": ${FAKES.stripeLive}}`]) {
      const r = engine.scanText('/ws/token.json', 'json', text);
      assert.equal(r.notices[0]?.reason, 'analyzer-error', 'the crash is reported');
      assert.match(r.notices[0]!.message, /not valid JSON/, 'the notice still says what went wrong');
      assert.deepEqual(leaks(JSON.stringify(r)), []);
    }
    engine.dispose();
  });

  it('the CLI text, JSON and SARIF reports and its stderr', (t) => {
    if (!existsSync(CLI_JS)) return t.skip('dist/cli.js not built');
    for (const format of ['text', 'json', 'sarif']) {
      const out = join(ws, `report.${format}`);
      const r = spawnSync(process.execPath, [CLI_JS, 'scan', ws, '--root', ws, '--format', format, '--quiet', '--fail-on', 'none', '--no-baseline'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 120_000,
        // SARIF for every fixture is several MB; the 1 MB default would kill the child.
        maxBuffer: 256 * 1024 * 1024,
      });
      writeFileSync(out, r.stdout);
      assert.ok(r.status === 0, `${format}: exit ${r.status} (signal ${r.signal}): ${r.stderr}`);
      assert.deepEqual(leaks(r.stdout), [], `${format} report`);
      assert.deepEqual(leaks(r.stderr), [], `${format} stderr`);
    }
  });

  it('the language server: diagnostics, code actions, logs, status and stderr', async (t) => {
    if (!existsSync(SERVER_JS)) return t.skip('dist/server.js not built');
    const client = new LspClient(SERVER_JS, [], { ...process.env });
    const responses: unknown[] = [];
    try {
      await client.initialize(ws);
      let version = 1;
      for (const f of files) {
        const uri = pathToFileURL(join(ws, f.name)).toString();
        client.open(uri, f.languageId, f.text, version);
        const published = await client.waitForDiagnostics((p) => p.uri === uri);
        // Every quick fix on every diagnostic: titles and the edits they would make.
        for (const d of published.diagnostics) {
          responses.push(await client.request('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }));
        }
        // An edit next to each secret, so the incremental path publishes too.
        client.change(uri, ++version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
        await client.waitForDiagnostics((p) => p.uri === uri && p.version === version, 20_000, false);
      }
    } finally {
      await client.shutdown();
    }
    assert.deepEqual(leaks(JSON.stringify(client.notifications)), [], 'diagnostics, logs and status notifications');
    assert.deepEqual(leaks(client.stderr), [], 'server stderr');
    // Code actions: a fix may move a secret into an ignored .env file, but no title may show it.
    const titles = JSON.stringify(responses.flatMap((r) => (Array.isArray(r) ? r.map((a: { title?: string }) => a.title) : [])));
    assert.deepEqual(leaks(titles), [], 'code-action titles');
  });
});

/**
 * Error paths: input that is wrong AND holds a secret. Error messages quote input (JSON.parse quotes the start of
 * the file, the config loader quotes bad values and keys, regex compilers quote the pattern); every such message
 * goes through the one redaction function.
 */
describe('no full secret in any error message', () => {
  /** A `.vigil.yml` whose every error quotes a secret: a bad path, an unknown key, bad rule fields. */
  const badConfig = (): string =>
    [
      `exclude: ["/${FAKES.awsKeyId}/**"]`,
      `baseline: "../${FAKES.stripeLive}"`,
      `${FAKES.slackBot.split('-').pop()}: true`,
      'severity:',
      `  js.sqli.string-query: ${FAKES.stripeLive}`,
      '',
    ].join('\n');
  const badRules = (): string =>
    [
      'customRules:',
      '  secrets:',
      '    - id: acme.token',
      '      name: Acme token',
      '      description: An Acme token.',
      '      severity: high',
      `      regex: "(?<=${FAKES.awsKeyId})acme_[a-z0-9]{8}"`,
      '      keywords: [acme_]',
      '    - id: acme.other',
      '      name: Acme other',
      '      description: Another.',
      '      severity: high',
      '      regex: "acme_([a-z0-9]{8})"',
      `      secretGroup: "${FAKES.stripeLive}"`,
      '      keywords: [acme_]',
      '  taint:',
      '    - id: js.custom.leaky',
      '      languages: [javascript]',
      '      severity: high',
      `      cwe: ["${FAKES.stripeLive}"]`,
      '      message: m',
      '      sources: [js-request]',
      `      sinks: [{ pattern: "orm.unsafe($Q, $T)", focus: $Q, where: { $T: "(${FAKES.awsKeyId}" } }]`,
      '    - id: js.custom.leaky2',
      '      languages: [javascript]',
      '      severity: high',
      '      cwe: [CWE-89]',
      '      message: m',
      '      sources: [js-request]',
      `      sinks: [{ pattern: "orm.unsafe($Q", focus: $Q, what: "${FAKES.awsKeyId}" }]`,
      '',
    ].join('\n');

  it('config, custom rules and baseline errors, in-process', () => {
    const config = parseVigilConfig(badConfig(), '/ws/.vigil.yml');
    assert.ok(config.errors.length >= 4, JSON.stringify(config.errors));
    assert.deepEqual(leaks(JSON.stringify(config.errors)), []);
    const rules = parseVigilConfig(badRules(), '/ws/.vigil.yml');
    assert.deepEqual(rules.errors, []);
    const setup = createAnalyzers({ customSecretRules: rules.config!.customRules.secrets, customTaintRules: rules.config!.customRules.taint, customRulesSource: '/ws/.vigil.yml' });
    assert.ok(setup.errors.length >= 4, JSON.stringify(setup.errors));
    assert.deepEqual(leaks(JSON.stringify(setup.errors)), []);
    for (const text of [FAKES.awsKeyId, `${FAKES.stripeLive}\n`, `{"entries": ${FAKES.awsKeyId}}`, FAKES.pemBody]) {
      const file = join(ws, 'secret-baseline.json');
      writeFileSync(file, text);
      const r = readBaseline(file);
      assert.match(r.error ?? '', /not valid JSON/);
      assert.deepEqual(leaks(r.error!), [], text.slice(0, 4));
    }
  });

  it('the CLI: a baseline holding a secret, a bad .vigil.yml, bad custom rules (stderr and reports)', (t) => {
    if (!existsSync(CLI_JS)) return t.skip('dist/cli.js not built');
    const dir = mkdtempSync(join(tmpdir(), 'vigil-leak-err-'));
    try {
      writeFileSync(join(dir, 'a.js'), 'const x = 1;\n');
      const secretFile = join(dir, 'notes.txt');
      writeFileSync(secretFile, `${FAKES.awsKeyId}\n`);
      const run = (args: string[]) =>
        // SARIF carries every rule's help (over 1 MB with today's rules): the 1 MB default would kill the child.
        spawnSync(process.execPath, [CLI_JS, ...args, '--root', dir, '--quiet'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
      const outputs: string[] = [];
      // --baseline pointing at a file that holds a secret.
      let r = run(['scan', '--baseline', secretFile]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /not valid JSON/);
      outputs.push(r.stdout, r.stderr);
      // The config's baseline is such a file (the default name).
      writeFileSync(join(dir, '.vigil-baseline.json'), `${FAKES.stripeLive}\n`);
      r = run(['scan']);
      assert.equal(r.status, 2, r.stderr);
      outputs.push(r.stdout, r.stderr);
      r = run(['baseline']);
      assert.equal(r.status, 2, r.stderr);
      outputs.push(r.stdout, r.stderr);
      rmSync(join(dir, '.vigil-baseline.json'));
      // A .vigil.yml whose bad values are secrets.
      writeFileSync(join(dir, '.vigil.yml'), badConfig());
      r = run(['scan']);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /error/);
      outputs.push(r.stdout, r.stderr);
      // Custom rules with a secret in a bad field, in every format.
      writeFileSync(join(dir, '.vigil.yml'), badRules());
      for (const format of ['text', 'json', 'sarif']) {
        r = run(['scan', '--format', format, '--no-baseline']);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /rule error/);
        outputs.push(r.stdout, r.stderr);
      }
      assert.deepEqual(leaks(outputs.join('\n')), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the language server: a bad .vigil.yml, bad custom rules and a secret baseline (diagnostics, logs, stderr)', async (t) => {
    if (!existsSync(SERVER_JS)) return t.skip('dist/server.js not built');
    const dir = mkdtempSync(join(tmpdir(), 'vigil-leak-err-'));
    writeFileSync(join(dir, '.vigil.yml'), badRules());
    writeFileSync(join(dir, '.vigil-baseline.json'), `${FAKES.awsKeyId}\n`);
    const client = new LspClient(SERVER_JS, [], { ...process.env });
    try {
      await client.initialize(dir);
      const cfgUri = pathToFileURL(join(dir, '.vigil.yml')).toString();
      const first = await client.waitForDiagnostics((p) => p.uri === cfgUri && p.diagnostics.length > 0);
      assert.ok(first.diagnostics.some((d) => /acme\.token|js\.custom\.leaky/.test(d.message)), JSON.stringify(first.diagnostics));
      // Live edit: the open config document turns into a bad config quoting secrets.
      client.open(cfgUri, 'yaml', badConfig(), 1);
      await client.waitForDiagnostics((p) => p.uri === cfgUri && p.diagnostics.some((d) => /last good configuration/.test(d.message)));
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(leaks(JSON.stringify(client.notifications)), [], 'diagnostics, logs and status notifications');
    assert.deepEqual(leaks(client.stderr), [], 'server stderr');
  });
});
