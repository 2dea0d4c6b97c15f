/**
 * What a secret finding looks like: masked value, severity by context (test/example paths, comments, test
 * functions), files that are skipped, the quick fixes (env-var read, `.env.example`, suppression) and that no
 * output carries a whole secret.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { createSecretsAnalyzer, maskSecret, scanSecrets } from '../../server/src/engine/secrets';
import { SUPPRESSION_REASON_PLACEHOLDER } from '../../server/src/engine/suppressions';
import { LineIndex } from '../../server/src/engine/text';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { applyEdits } from '../rules/rule-fixtures';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
const GH = 'ghp_R8mK2vQ9xL4tW7nB1cZ5yH3jF6dS0aPqex2T';
const SK = 'sk_live_51Hq8ZtK2mWv9Lr4Xc7Bn3Yd6Pa0Fs1Ge';

describe('maskSecret', () => {
  it('shows a few characters of each end and the length, never the whole value', () => {
    assert.equal(maskSecret(GH), 'ghp_…x2T (40 chars)');
    assert.equal(maskSecret('Vq7#mZ2p!xR9'), 'Vq… (12 chars)');
    assert.equal(maskSecret('short'), '… (5 chars)');
    assert.ok(!maskSecret('-----BEGIN\nabc').includes('\n'));
  });
});

describe('secret findings', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());
  // Every path here is in the workspace /ws: path classes count only inside a workspace (see path-class.test.ts).
  const scan = (path: string, text: string): Finding[] => engine.scanText(path, languageIdForPath(path), text, SETTINGS, '/ws').findings;

  it('cover exactly the secret, carry it masked only, and remind to rotate', () => {
    const text = `const token = "${GH}";\n`;
    const [f] = scan('/ws/src/app.js', text);
    assert.ok(f);
    assert.equal(f.ruleId, 'secrets.github.classic-pat');
    assert.equal(f.severity, 'critical');
    const lines = new LineIndex(text);
    assert.equal(text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)), GH);
    assert.match(f.message, /ghp_…x2T \(40 chars\)/);
    assert.match(f.message, /rotate/);
    assert.equal(f.properties?.maskedSecret, 'ghp_…x2T (40 chars)');
    assert.deepEqual(f.cwe, ['CWE-798']);
    assert.ok(!JSON.stringify(f).includes(GH));
  });

  it('lower the severity in test and example paths, and in test functions, without hiding the finding', () => {
    const line = `const token = "${GH}";\n`;
    for (const path of ['/ws/test/app.js', '/ws/src/__tests__/a.js', '/ws/src/app.test.js', '/ws/pkg/client_test.go', '/ws/examples/demo.js', '/ws/.env.example']) {
      const text = path.endsWith('.go') ? `package x\nvar token = "${GH}"\n` : path.endsWith('.example') ? `TOKEN=${GH}\n` : line;
      const fs = scan(path, text);
      assert.equal(fs.length, 1, path);
      assert.equal(fs[0]!.severity, 'low', path);
    }
    const inTest = scan('/ws/src/api.js', `describe('api', () => {\n  it('calls', () => {\n    const token = "${GH}";\n  });\n});\n`);
    assert.equal(inTest[0]!.severity, 'low');
    assert.equal(inTest[0]!.properties?.context, 'test');
    const pyTest = scan('/ws/src/checks.py', `def test_login():\n    token = "${GH}"\n`);
    assert.equal(pyTest[0]!.severity, 'low');
  });

  it('lower the severity one step in a comment (tree-sitter in code, line syntax elsewhere)', () => {
    const js = scan('/ws/src/app.js', `/* old token: ${GH} */\nconst x = 1;\n`);
    assert.equal(js[0]!.severity, 'high');
    assert.equal(js[0]!.properties?.context, 'comment');
    const env = scan('/ws/.env', `# TOKEN=${GH}\n`);
    assert.equal(env[0]!.severity, 'high');
    const code = scan('/ws/src/app.js', `const s = "// ${GH}";\n`);
    assert.equal(code[0]!.severity, 'critical', 'comment markers inside a string are not a comment');
  });

  it('skip lockfiles, vendored and minified files', () => {
    const text = `{"token": "${GH}"}\n`;
    for (const path of ['/ws/package-lock.json', '/ws/yarn.lock', '/ws/node_modules/x/index.js', '/ws/vendor/a/b.go', '/ws/dist/app.min.js']) {
      assert.deepEqual(scanSecrets(text, path, undefined, '/ws'), [], path);
    }
    const minified = `var a=${JSON.stringify('x'.repeat(20_000))};var t="${GH}";`;
    assert.deepEqual(scanSecrets(minified, '/ws/dist/app.js'), []);
  });

  it('ignore placeholders, templates and environment references', () => {
    const text = [
      'password = "changeme"',
      'api_key = "<your-api-key>"',
      'token: ${GITHUB_TOKEN}',
      'secret = "{{ .Values.secret }}"',
      'password=%DB_PASSWORD%',
      'const apiKey = process.env.API_KEY;',
      'STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'token = "abcdefghijklmnopqrstuvwx"',
      'password = "aaaaaaaaaaaaaaa1"',
      '',
    ].join('\n');
    assert.deepEqual(scan('/ws/config.py', text).map((f) => f.ruleId), []);
  });

  it('offer an env-var fix in the file\'s idiom, with NAME= (never the value) for .env.example', () => {
    const [js] = scan('/ws/src/pay.js', `const stripe = require('stripe')('${SK}');\n`);
    const fix = js!.fixes!.find((x) => x.isPreferred)!;
    assert.equal(fix.kind, 'fix');
    assert.equal(fix.edits[0]!.newText, 'process.env.STRIPE_SECRET_KEY');
    assert.deepEqual(fix.appendLines, [{ path: '/ws/src/.env.example', line: 'STRIPE_SECRET_KEY=' }]);
    assert.ok(!JSON.stringify(js!.fixes).includes(SK));

    const pyText = `import os\n\nKEY = "${SK}"\n`;
    const [py] = scan('/ws/app.py', pyText);
    const pyFix = py!.fixes!.find((x) => x.isPreferred)!;
    assert.equal(applyEdits(pyText, pyFix.edits), 'import os\n\nKEY = os.environ["STRIPE_SECRET_KEY"]\n', 'no second import os');

    const [java] = scan('/ws/A.java', `class A { String k = "${SK}"; }\n`);
    assert.equal(java!.fixes![0]!.edits[0]!.newText, 'System.getenv("STRIPE_SECRET_KEY")');

    const goText = `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("${SK}") }\n`;
    const [go] = scan('/ws/main.go', goText);
    assert.equal(applyEdits(goText, go!.fixes![0]!.edits), 'package main\n\nimport "fmt"\nimport "os"\n\nfunc main() { fmt.Println(os.Getenv("STRIPE_SECRET_KEY")) }\n');

    const [generic] = scan('/ws/src/db.ts', `export const dbPassword: string = "Vq7#mZ2p!xR9w";\n`);
    assert.equal(generic!.fixes![0]!.edits[0]!.newText, 'process.env.DB_PASSWORD');
  });

  it('offer no env-var fix where it would break the code, but still a suppression', () => {
    const [key] = scan('/ws/a.js', `const m = { "${GH}": 1 };\n`);
    assert.deepEqual(key!.fixes!.map((f) => f.kind), ['suppress']);
    const [tpl] = scan('/ws/a.js', `const u = \`${GH}\${suffix}\`;\n`);
    assert.deepEqual(tpl!.fixes!.map((f) => f.kind), ['suppress']);
    const [goConst] = scan('/ws/a.go', `package a\n\nconst token = "${GH}"\n`);
    assert.deepEqual(goConst!.fixes!.map((f) => f.kind), ['suppress']);
  });

  it('suppress with a comment in the file\'s syntax, same indentation, that the engine honours', () => {
    for (const [path, text, prefix] of [
      ['/ws/src/a.js', `function f() {\n    const t = "${GH}";\n}\n`, '    // vigil-ignore'],
      ['/ws/a.py', `def f():\n    t = "${GH}"\n`, '    # vigil-ignore'],
      ['/ws/.env', `TOKEN=${GH}\n`, '# vigil-ignore'],
      ['/ws/values.yaml', `auth:\n  token: ${GH}\n`, '  # vigil-ignore'],
    ] as const) {
      const [f] = scan(path, text);
      const sup = f!.fixes!.find((x) => x.kind === 'suppress')!;
      assert.ok(sup.edits[0]!.newText.startsWith(`${prefix} secrets.github.classic-pat -- `), sup.edits[0]!.newText);
      // The fix leaves a placeholder reason for the user to type over (see suppress-fix.test.ts).
      const after = scan(path, applyEdits(text, sup.edits).replace(SUPPRESSION_REASON_PLACEHOLDER, 'revoked demo token'));
      assert.deepEqual(after, [], path);
    }
  });

  it('never put a whole secret in any finding of any rule fixture', () => {
    const dir = join(defaultRulesDir(), 'secrets');
    let checked = 0;
    for (const name of readdirSync(dir).filter((n) => n.includes('.fixture.'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const lines = new LineIndex(text);
      for (const f of scan(join(dir, name.replace('.fixture.', '.')), text)) {
        const secret = text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end));
        assert.ok(!JSON.stringify(f).includes(secret), `${name}: ${f.ruleId} leaks its secret`);
        checked++;
      }
    }
    assert.ok(checked > 200, `only ${checked} findings checked`);
  });
});
