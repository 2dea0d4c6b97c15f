/**
 * Test, example and vendored paths lower or skip secret findings. Only the part of the path inside the workspace
 * (the folder or repository scanned) may do that: a folder above it, such as `/home/me/examples/shop`, says
 * nothing about the project, and the editor and the CLI must agree wherever the project lives.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { classifyPath, workspaceRelativePath } from '../../server/src/engine/path-class';
import { createSecretsAnalyzer, scanSecrets } from '../../server/src/engine/secrets';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { gitInit } from './cli-helpers';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
/** A fake token in GitHub's classic-PAT format. */
// A fake token with a valid checksum: an invalid one lowers the severity one step.
const GH = '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';
const LINE = `const token = "${GH}";\n`;

describe('path classes are taken from the path inside the workspace only', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());
  const scan = (path: string, root: string | undefined, text = LINE): Finding[] =>
    engine.scanText(path, languageIdForPath(path), text, SETTINGS, root).findings;

  it('classifies the workspace-relative path, or the file name alone outside a workspace', () => {
    assert.equal(workspaceRelativePath('/home/me/examples/shop/src/a.js', '/home/me/examples/shop'), 'src/a.js');
    assert.equal(workspaceRelativePath('/home/me/examples/shop/src/a.js', undefined), 'a.js');
    assert.equal(workspaceRelativePath('/elsewhere/docs/a.js', '/home/me/shop'), 'a.js');
    assert.deepEqual(classifyPath('/home/me/examples/shop/config.js', '/home/me/examples/shop'), { kind: 'code' });
    assert.deepEqual(classifyPath('/r/examples/config.js', '/r'), { kind: 'example' });
    assert.deepEqual(classifyPath('/r/src/app.test.js', undefined), { kind: 'test' });
    // Type tests (tsd, tstyche): compiled, never run.
    assert.deepEqual(classifyPath('/r/types/index.test-d.ts', '/r'), { kind: 'test' });
    assert.deepEqual(classifyPath('/r/types/index.tst.ts', '/r'), { kind: 'test' });
    assert.deepEqual(classifyPath('/r/src/first.ts', '/r'), { kind: 'code' });
    assert.deepEqual(classifyPath('/home/vendor/r/a.js', '/home/vendor/r'), { kind: 'code' });
    assert.deepEqual(classifyPath('/r/vendor/a.js', '/r'), { kind: 'code', skip: 'vendored' });
  });

  it('keeps full severity for a key in a project that lives under a folder named examples, docs, demo or sample', () => {
    for (const parent of ['examples', 'docs', 'demo', 'sample', 'test', 'fixtures']) {
      const root = `/home/me/${parent}/shop`;
      const [f] = scan(`${root}/config.js`, root);
      assert.equal(f?.severity, 'critical', parent);
      assert.equal(f.properties?.context, 'code', parent);
      assert.doesNotMatch(f.message, /severity is lowered/, parent);
    }
    // Outside any workspace folder the folders say nothing either; the file name still does.
    assert.equal(scan('/home/me/examples/shop/config.js', undefined)[0]?.severity, 'critical');
    assert.equal(scan('/home/me/shop/config.test.js', undefined)[0]?.severity, 'low');
  });

  it('still lowers the severity for examples, docs and tests inside the workspace', () => {
    assert.equal(scan('/home/me/shop/examples/config.js', '/home/me/shop')[0]?.severity, 'low');
    assert.equal(scan('/home/me/shop/docs/setup.js', '/home/me/shop')[0]?.severity, 'low');
    assert.equal(scan('/home/me/shop/test/a.js', '/home/me/shop')[0]?.properties?.context, 'test');
  });

  it('reads fixture folders as test code in their usual spellings (`fixture/`, `_fixture/`, `__fixtures__/`)', () => {
    // Held-out study (docs/accuracy.md): a test TLS key under `_fixture/certs/` was reported as critical.
    for (const dir of ['fixture', '_fixture', '_fixtures', '__fixtures__', 'test-fixtures', 'testfixtures']) {
      const [f] = scan(`/home/me/shop/${dir}/certs/config.js`, '/home/me/shop');
      assert.equal(f?.properties?.context, 'test', dir);
      assert.equal(f.severity, 'low', dir);
    }
    // A folder whose name merely contains the word stays code.
    assert.equal(scan('/home/me/shop/fixturegen/config.js', '/home/me/shop')[0]?.properties?.context, 'code');
  });

  it('reads a folder named with the word test among others as test code (`test-environments/`, `integration_tests/`)', () => {
    // Held-out study 3 (docs/accuracy.md): an OIDC key under `scripts/test-environments/…` was reported as critical.
    for (const dir of ['scripts/test-environments/oidc', 'integration_tests', 'e2e-tests', 'test-env', 'load_test']) {
      const [f] = scan(`/home/me/shop/${dir}/config.js`, '/home/me/shop');
      assert.equal(f?.properties?.context, 'test', dir);
      assert.equal(f.severity, 'low', dir);
    }
    // The word inside another word is not it: `latest/`, `contest/`, `attestation/` stay code.
    for (const dir of ['latest', 'contest-app', 'attestation', 'testimonials']) {
      assert.equal(scan(`/home/me/shop/${dir}/config.js`, '/home/me/shop')[0]?.properties?.context, 'code', dir);
    }
  });

  it('reads a test or CI setup\'s configuration and end-to-end test folders as test code (`.env.test`, `phpunit.xml`, `compose.ci.yaml`, `e2e/`)', () => {
    // Held-out study 4 (docs/accuracy.md): the app secrets of `.env.test`, `.ci/.env.ci`, `phpunit.xml` and CI
    // compose stacks were reported at medium and high, and a HAR recorded under `e2e/` at high.
    const text = `TOKEN="${GH}"\n`;
    for (const file of ['.env.test', '.env.testing', '.ci/.env.ci', '.env.e2e', 'phpunit.xml', 'phpunit.xml.dist', '.ci/compose.ci.yaml', 'compose.cypress.yaml', 'docker-compose.test.yml', 'src-ui/e2e/requests/a.har', 'cypress/support/login.js', 'playwright/auth.js']) {
      const [f] = scan(`/home/me/shop/${file}`, '/home/me/shop', text);
      assert.equal(f?.properties?.context, 'test', file);
      assert.equal(f.severity, 'low', file);
    }
    // The files a deployment reads stay code: `.env`, `.env.production`, `.env.local`, the main compose file.
    for (const file of ['.env', '.env.production', '.env.local', 'docker-compose.yml', 'compose.prod.yaml', 'config/circuit.yml', 'src/e2ee/keys.js']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'code', file);
    }
  });

  it('reads more test-run settings as test code (`.env.testing-ci`, `.env.unit-tests`, `settings/ci.py`, `config/settings/test.yml`, `__stubs__/`)', () => {
    // Held-out study 5 (docs/accuracy.md): the app keys of `.env.tests`, `.env.testing-ci` and `.env.unit-tests`,
    // a CI settings module's SECRET_KEY (high), a test environment's signing key (critical) and a Jest stub's JWT
    // were reported at medium and above.
    const text = `TOKEN="${GH}"\n`;
    for (const file of ['.env.tests', '.env.testing-ci', '.env.unit-tests', '.env.ci.local', 'settings/ci.py', 'shop/settings/test.py', 'config/settings/test.yml', 'config/environments/testing.rb', 'app/__stubs__/jwt.ts']) {
      const [f] = scan(`/home/me/shop/${file}`, '/home/me/shop', text);
      assert.equal(f?.properties?.context, 'test', file);
      assert.equal(f.severity, 'low', file);
    }
    // A deployment's settings stay code, as do names that only contain the word (`.env.contest`, `settings/circle.py`).
    for (const file of ['.env.docker', '.env.production', '.env.contest', 'settings/production.py', 'settings/circle.py', 'config/settings/production.yml', 'config/test-report.yml', 'test.py']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'code', file);
    }
  });

  it("reads Django's tests.py, files named for test certificates or keys and a CI service's env file as test code", () => {
    // Held-out study 6 (docs/accuracy.md): a Django app's provider tests (`providers/<name>/tests.py`) reported a test
    // key at critical and tokens at medium, a test suite's `internal/testcert.go` key at critical and a `.env.travis`
    // app key at medium.
    const text = `TOKEN="${GH}"\n`;
    for (const file of ['shop/tests.py', 'shop/providers/acme/tests.py', 'internal/testcert.go', 'pkg/test_keys.py', 'testdata.go', 'test-tls.ts', '.env.travis', '.env.circleci', 'conftest.py', 'pkg/conftest.py']) {
      const [f] = scan(`/home/me/shop/${file}`, '/home/me/shop', text);
      assert.equal(f?.properties?.context, 'test', file);
      assert.equal(f.severity, 'low', file);
    }
    // Names that only contain the words stay code (`contests.py`, `latest_keys.go`, `testament.go`, `.env.travisty`).
    for (const file of ['shop/contests.py', 'shop/latest_keys.go', 'testament.go', 'keys.go', '.env.travisty', '.env.production', 'pkg/myconftest.py']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'code', file);
    }
  });

  it('reads env files named for a test or CI run and CI configuration folders as test code, and a sample env file as an example', () => {
    // Held-out study 7 (docs/accuracy.md): a `.dev/test.env` app key and session password and a CI stack's
    // `docker/ci-config/signing.key` at critical, reported above low; a `config/sample.env` default at medium.
    const text = `TOKEN="${GH}"\n`;
    for (const file of ['.dev/test.env', 'testing.env', 'app.ci.env', 'e2e.env', 'docker/ci-config/signing.key', 'ci_env/app.yml']) {
      const [f] = scan(`/home/me/shop/${file}`, '/home/me/shop', text);
      assert.equal(f?.properties?.context, 'test', file);
      assert.equal(f.severity, 'low', file);
    }
    for (const file of ['config/sample.env', 'example.env', 'app.template.env']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'example', file);
    }
    // Names that only contain the words stay code: a production env file, a `circle-config` folder. A workflow named
    // for tests stays code too (its steps run with the repository's secrets; see secrets-findings for its values).
    for (const file of ['production.env', 'latest.env', 'contest.env', 'circle-config/app.yml', 'docker/config/signing.key', '.github/workflows/test.yml', '.github/workflows/ci.yml']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'code', file);
    }
  });

  it("reads Rust's test-module file as test code and a folder named for examples among other words as examples", () => {
    // Held-out study 8 (docs/accuracy.md): a test's Basic header in a crate's `src/tests.rs` at medium, and an example
    // Podman unit's database login in `example_configs/` at high.
    const text = `TOKEN="${GH}"\n`;
    for (const file of ['src/tests.rs', 'crates/auth/src/tests.rs']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'test', file);
    }
    for (const file of ['example_configs/podman/app.container', 'config-examples/app.yml', 'sample-apps/api/.env']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'example', file);
    }
    // Names that only contain the words stay code.
    for (const file of ['src/contests.rs', 'src/tests_util.rs', 'counterexamples/app.yml', 'resamples/app.yml']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'code', file);
    }
  });

  it("reads Perl's t/ layout and an underscored test folder as tests, and manual pages and named stand-ins as examples", () => {
    // Held-out study 9 (docs/accuracy.md): Test::Nginx scripts under `t/` (400 findings at medium and above), a
    // `_test/` folder, a manual page's URL example, a key file named `…_PLACE_HOLDER.key` and a `fake-server/`.
    const text = `TOKEN="${GH}"\n`;
    for (const file of ['t/plugin/jwt-auth.t', 't/lib/server.lua', 'xt/author.pm', 'lib/plugins/auth/_test/db.php', 'scripts/check.t']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'test', file);
    }
    for (const file of ['usr/share/man/man3/Mojo::URL.3pm', 'lib/Guide.pod', 'conf/cert/ssl_PLACE_HOLDER.key', 'bench/fake-server/conf/app.yml', 'dummy.conf']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'example', file);
    }
    // Names that only contain the words stay code.
    // Source code named so is code: a UI placeholder component, a module of stand-in handlers.
    for (const file of ['art/app.yml', 'lib/format.tt', 'src/t_config.pm', 'fakers/app.yml', 'manual/man.yml', 'lib/dummyish.php', 'src/components/Placeholder.tsx', 'app/dummy_handlers.py', 'lib/fake.js']) {
      assert.equal(scan(`/home/me/shop/${file}`, '/home/me/shop', text)[0]?.properties?.context, 'code', file);
    }
  });

  it('lowers the severity in documentation files (Markdown, reStructuredText, AsciiDoc), wherever they are', () => {
    // Real-code study (docs/accuracy.md): READMEs and changelogs show made-up credentials in their examples.
    const fenced = `# Setup\n\n\`\`\`js\n${LINE}\`\`\`\n`;
    for (const path of ['/home/me/shop/README.md', '/home/me/shop/lib/CHANGELOG.markdown', '/home/me/shop/guide.rst', '/home/me/shop/intro.adoc']) {
      const [f] = scan(path, '/home/me/shop', fenced);
      assert.equal(f?.severity, 'low', path);
      assert.equal(f.properties?.context, 'example', path);
      assert.match(f.message, /in an example or docs file, so severity is lowered/, path);
    }
    // The extension decides, not a folder above the workspace; source files keep full severity.
    assert.equal(scan('/home/me/shop/README.md', undefined, fenced)[0]?.severity, 'low');
    assert.equal(scan('/home/me/shop/readme.js', '/home/me/shop')[0]?.properties?.context, 'code');
  });

  it('does not skip a project that lives under a folder named vendor or node_modules', () => {
    assert.equal(scan('/home/me/vendor/shop/config.js', '/home/me/vendor/shop').length, 1);
    assert.deepEqual(scan('/home/me/shop/vendor/lib/config.js', '/home/me/shop'), []);
    assert.equal(scanSecrets(LINE, '/home/me/vendor/shop/config.js', 'javascript', '/home/me/vendor/shop').length, 1);
  });

  it('matches a rule\'s allowlist.paths against the workspace-relative path', async () => {
    const rule = {
      id: 'acme.token',
      name: 'Acme token',
      provider: 'Acme',
      description: 'An Acme API token.',
      severity: 'high',
      regex: '\\b(acme_[a-z0-9]{32})\\b',
      keywords: ['acme_'],
      entropy: 3,
      allowlist: { paths: ['**/examples/**'] },
    };
    const { analyzer, errors } = createSecretsAnalyzer({ customSecretRules: [rule] });
    assert.deepEqual(errors, []);
    const custom = await Engine.create({ analyzers: [analyzer] });
    try {
      const text = `TOKEN=acme_${'k3x9q7m2'.repeat(4)}\n`;
      const run = (path: string, root: string) => custom.scanText(path, 'dotenv', text, SETTINGS, root).findings.map((f) => f.ruleId);
      assert.deepEqual(run('/home/me/examples/shop/.env', '/home/me/examples/shop'), ['acme.token']);
      assert.deepEqual(run('/home/me/shop/examples/.env', '/home/me/shop'), []);
    } finally {
      custom.dispose();
    }
  });
});

describe('vigil scan in a repository under a folder named examples', () => {
  it('reports the key at full severity, so --fail-on high fails', async () => {
    const parent = realpathSync(mkdtempSync(join(tmpdir(), 'vigil-pathclass-')));
    const repo = join(parent, 'examples', 'shop');
    mkdirSync(repo, { recursive: true });
    writeFileSync(join(repo, 'config.js'), LINE);
    gitInit(repo);
    let out = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, cwd: repo, env: {} };
    const code = await runCli(['scan', '-j', '1', '--format', 'json', '--fail-on', 'high', '--no-baseline'], io);
    const report = JSON.parse(out) as { findings: (Finding & { path: string })[] };
    assert.deepEqual(report.findings.map((f) => [f.path, f.ruleId, f.severity]), [['config.js', 'secrets.github.classic-pat', 'critical']]);
    assert.equal(code, 1);
  });
});
