/**
 * What a secret finding looks like: masked value, severity by context (test/example paths, comments, test
 * functions), files that are skipped, the quick fixes (env-var read, `.env.example`, suppression) and that no
 * output carries a whole secret.
 */
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { defaultRulesDir } from '../../server/src/engine/rules-dir';
import { createSecretsAnalyzer, maskSecret, scanSecrets } from '../../server/src/engine/secrets';
import { SUPPRESSION_REASON_PLACEHOLDER } from '../../server/src/engine/suppressions';
import { LineIndex } from '../../server/src/engine/text';
import { DEFAULT_SETTINGS, SEVERITIES, type Finding, type Severity } from '../../server/src/engine/types';
import { PUBLISHED_EXAMPLES } from '../../server/src/engine/secrets/published-examples';
import { placeholderReason } from '../../server/src/engine/secrets/false-positive-filters';
import { crc32 } from '../../server/src/engine/secrets/validators';
import { marvin32, marvin64 } from '../../server/src/engine/secrets/azure-keys';
import { applyEdits } from '../rules/rule-fixtures';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };

/** The one finding of a `.env` text that holds one token (`what` names it when there are none or several). */
function onlyFindingIn(text: string, what: string): Finding {
  const found = scanSecrets(text, '/ws/app/.env');
  assert.equal(found.length, 1, what);
  return found[0]!;
}
// A fake token with a valid checksum (generated; see scripts/fake-checksum-token.ts).
const GH = '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';
const SK = 'sk_live_51Hq8ZtK2mWv9Lr4Xc7Bn3Yd6Pa0Fs1Ge';

describe('maskSecret', () => {
  it('shows a few characters of each end and the length, never the whole value', () => {
    assert.equal(maskSecret(GH), 'ghp_…ea7 (40 chars)');
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
    assert.match(f.message, /ghp_…ea7 \(40 chars\)/);
    assert.match(f.message, /rotate/);
    assert.equal(f.properties?.maskedSecret, 'ghp_…ea7 (40 chars)');
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

  it('lower the severity to low for an example a comment introduces ("e.g.", "for example"), found on real code', () => {
    const py = scan('/ws/src/conn.py', `# e.g. mysql://root:Vq7mR2xpL9wZ@db.internal/app\nx = 1\n`);
    assert.equal(py[0]!.severity, 'low');
    assert.match(py[0]!.message, /an example in a comment/);
    const js = scan('/ws/src/app.js', `// For example: ${GH}\nconst x = 1;\n`);
    assert.equal(js[0]!.severity, 'low');
    const plain = scan('/ws/src/conn.py', `# mysql://root:Vq7mR2xpL9wZ@db.internal/app\nx = 1\n`);
    assert.notEqual(plain[0]!.severity, 'low', 'a comment that does not say "example" is lowered one step only');
  });

  it('lower to low a database URI whose host is this machine, or a service name in a compose, env or CI file, and say why', () => {
    // Held-out study 4 (docs/accuracy.md): compose, CI and local-VM database logins were reported at high.
    const cases: [string, string][] = [
      ['/ws/src/db.py', 'url = "postgresql://shop:Vq7mR2xpL9wZ@localhost:5432/shop"\n'],
      ['/ws/Vagrantfile', 'export DATABASE_URL="mysql+pymysql://shop:Vq7mR2xpL9wZ@127.0.0.1/shop"\n'],
      ['/ws/docker-compose.mysql.yml', 'services:\n  app:\n    environment:\n      DATABASE_URL: mysql://shop:Vq7mR2xpL9wZ@db/shop\n'],
      ['/ws/.env', 'DATABASE_URL=postgres://shop:Vq7mR2xpL9wZ@postgres:5432/shop\n'],
      ['/ws/.github/workflows/ci.yml', 'env:\n  DATABASE_URL: postgresql://shop:Vq7mR2xpL9wZ@127.0.0.1:5432/shop\n'],
    ];
    for (const [path, text] of cases) {
      const f = scan(path, text)[0];
      assert.ok(f && f.ruleId.startsWith('secrets.db.'), path);
      assert.equal(f.severity, 'low', path);
      assert.match(f.message, /a local database's login \(this machine or a service of the local setup\), so severity is lowered/, path);
    }
    // A host elsewhere, or a one-word host in a file a deployment reads (a Kubernetes manifest), keeps its severity.
    assert.equal(scan('/ws/src/db.py', 'url = "postgresql://shop:Vq7mR2xpL9wZ@db.internal.example.net:5432/shop"\n')[0]?.severity, 'high');
    assert.equal(scan('/ws/src/db.py', 'url = "postgresql://shop:Vq7mR2xpL9wZ@localhost.attacker.net/shop"\n')[0]?.severity, 'high');
    assert.equal(scan('/ws/k8s/deploy.yaml', 'env:\n  - name: DATABASE_URL\n    value: postgres://shop:Vq7mR2xpL9wZ@postgres:5432/shop\n')[0]?.severity, 'high');
  });

  it("lower to low the generic values and database logins a test workflow sets, not a provider's token, and say why", () => {
    // Held-out study 7 (docs/accuracy.md): an e2e job's testing token and a MySQL password in a workflow named
    // `test.yml` were reported at medium.
    const env = 'jobs:\n  e2e:\n    env:\n      APP_TESTING_TOKEN: Zq4Wx9Nm2Vb7Kt3Lp8Rc5Hd\n    steps:\n      - run: mysql -h 127.0.0.1 -u root -pQz8mTw3Kx9 -e "SELECT 1"\n';
    for (const path of ['/ws/.github/workflows/test.yml', '/ws/.github/workflows/e2e-tests.yaml', '/ws/.github/workflows/ci.yml']) {
      const found = scan(path, env);
      assert.deepEqual(found.map((f) => f.ruleId).sort(), ['secrets.db.mysql-cli-password', 'secrets.generic.token-assignment'], path);
      for (const f of found) {
        assert.equal(f.severity, 'low', path);
        assert.match(f.message, /a test workflow's own settings, so severity is lowered/, path);
      }
    }
    // The same values in a deploy workflow keep their severity, and so does a provider's token in a test workflow.
    assert.ok(scan('/ws/.github/workflows/deploy.yml', env).every((f) => f.severity !== 'low'));
    assert.notEqual(scan('/ws/.github/workflows/test.yml', `env:\n  GH_TOKEN: ${GH}\n`)[0]?.severity, 'low');
  });

  it("lower to low what a Perl module's POD documentation shows, and an env file named for development, and say why", () => {
    // Held-out study 9 (docs/accuracy.md): Mojo::URL's POD examples (`http://user:s3cret@host`) and a development
    // env file (`app.dev.env`) were reported at medium.
    const pod = `package Shop::URL;\nsub password { }\n1;\n\n=head1 SYNOPSIS\n\n  Shop::URL->new('https://isabel:Vq7mR2xpL9wZ@shop.test')->password;\n\n=cut\n\nmy $u = 'https://isabel:Vq7mR2xpL9wZ@shop.test';\n`;
    const found = scan('/ws/lib/Shop/URL.pm', pod);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[6, 'low'], [10, 'medium']]);
    assert.match(found[0]?.message ?? '', /in the file's documentation \(POD\), so severity is lowered/);
    // The same lines in a file that is not Perl keep their severity.
    assert.ok(scan('/ws/lib/url.rb', pod).every((f) => f.severity === 'medium'));
    const env = 'MYSQL_PASSWORD=Vq7mR2xpL9wZk3\n';
    for (const path of ['/ws/app.dev.env', '/ws/development.env']) {
      const [f] = scan(path, env);
      assert.equal(f?.severity, 'low', path);
      assert.match(f.message, /a development configuration's settings, so severity is lowered/, path);
    }
    assert.equal(scan('/ws/.env', env)[0]?.severity, 'medium');
  });

  it('lower to low the generic values of a block named for development or test values, and say why', () => {
    // Held-out study 10 (docs/accuracy.md): a dev server's published credentials (`var DEV_CREDENTIALS = {`) were
    // reported at medium.
    const js = 'var DEV_CREDENTIALS = {\n  token: "Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0",\n};\nvar CREDENTIALS = {\n  token: "Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0",\n};\n';
    const found = scan('/ws/src/constants.js', js);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[1, 'low'], [4, 'medium']]);
    assert.match(found[0]?.message ?? '', /in a block named DEV_CREDENTIALS, for development or test values, so severity is lowered/);
    // A YAML section named for tests; a section merely containing the letters (`devices:`) is not one.
    const yaml = 'test:\n  secret_key_base: Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0\ndevices:\n  secret_key_base: Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0\n';
    assert.deepEqual(scan('/ws/config/secrets.yml', yaml).map((f) => f.severity), ['low', 'high']);
    // A provider's token keeps its severity: it works from anywhere.
    assert.notEqual(scan('/ws/src/constants.js', `var DEV_CREDENTIALS = {\n  github: "${GH}",\n};\n`)[0]?.severity, 'low');
  });

  it('lower to low what a local development environment sets up (`.ddev/`, `.devcontainer/`, a Vagrant provisioning playbook), and say why', () => {
    // Held-out study 5 (docs/accuracy.md): a DDEV environment's APP_KEY and a Vagrant VM's MySQL root password were
    // reported at medium.
    const cases: [string, string][] = [
      ['/ws/.ddev/config.yaml', 'web_environment:\n  - APP_KEY=base64:Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0\n'],
      ['/ws/.devcontainer/docker-compose.yml', 'services:\n  app:\n    environment:\n      SECRET_KEY: Vq7mR2xpL9wZk3Tb8Nc4Hd6J\n'],
      ['/ws/ansible/freebsd/vagrant_playbook.yml', '- name: grant\n  shell: mysql -u root -pVq7mR2xpL9wZ -e "FLUSH PRIVILEGES;"\n'],
    ];
    for (const [path, text] of cases) {
      const f = scan(path, text)[0];
      assert.ok(f, path);
      assert.equal(f.severity, 'low', path);
      assert.match(f.message, /a local development environment's settings, so severity is lowered/, path);
    }
    // A deployment's files keep their severity (an Ansible playbook for servers, the app's own config), and so does
    // a provider's token there: it works against the provider from anywhere, not only on this machine.
    assert.equal(scan('/ws/.devcontainer/devcontainer.json', `{"remoteEnv": {"GITHUB_TOKEN": "${GH}"}}\n`)[0]?.severity, 'critical');
    assert.notEqual(scan('/ws/ansible/site_playbook.yml', cases[2]![1])[0]?.severity, 'low');
    assert.notEqual(scan('/ws/config/app.yaml', cases[0]![1])[0]?.severity, 'low');
  });

  it("lower to low the keys and values of a development configuration (Phoenix's `config/dev.exs`, `settings/development.py`), and say why", () => {
    // Held-out study 8 (docs/accuracy.md): the JWT signing key and `secret_key_base` of `config/dev.exs` at critical
    // and high. Loaded only in the development environment; lowered, not dropped, as the value may be reused.
    const text = 'config :shop, ShopWeb.Endpoint,\n  secret_key_base: "Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0Qe2Wr7Ty4Ui9Op3As6Df"\n';
    for (const path of ['/ws/config/dev.exs', '/ws/config/development.exs', '/ws/shop/settings/dev.py']) {
      const f = scan(path, text)[0];
      assert.ok(f, path);
      assert.equal(f.severity, 'low', path);
      assert.match(f.message, /a development configuration's settings, so severity is lowered/, path);
    }
    // Production and shared configuration keep their severity, and so does a provider's token in a dev config.
    for (const path of ['/ws/config/prod.exs', '/ws/config/runtime.exs', '/ws/config/config.exs', '/ws/config/devices.exs']) {
      assert.notEqual(scan(path, text)[0]?.severity, 'low', path);
    }
    assert.notEqual(scan('/ws/config/dev.exs', `config :shop, github_token: "${GH}"\n`)[0]?.severity, 'low');
  });

  it("lower to low what a Rust file's `#[cfg(test)]` module holds, and nothing after it", () => {
    // Held-out study 8 (docs/accuracy.md): a test key inside `src/cred.rs`'s test module at critical.
    const text = `pub fn connect() {}\n\n#[cfg(test)]\nmod test {\n    use super::*;\n\n    #[test]\n    fn from_memory() {\n        let signing_key = "Vq7mR2xpL9wZk3Tb8Nc4Hd6Jf1Gs5Ya0";\n    }\n}\n\nfn after() {\n    let signing_key = "Wr8nS3yqM0xAl4Uc9Od5Ie7Kg2Ht6Zb1";\n}\n`;
    const found = scan('/ws/src/cred.rs', text);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[8, 'low'], [13, 'medium']]);
    assert.match(found[0]!.message, /in test code, so severity is lowered/);
    // Without the attribute the module is code; and only Rust files are read this way.
    assert.ok(scan('/ws/src/cred.rs', text.replace('#[cfg(test)]', '')).every((f) => f.severity === 'medium'));
    assert.ok(scan('/ws/src/cred.py', text).every((f) => f.severity === 'medium'));
  });

  it('lower to low a JWT signed with a published or trivial key (jwt.io\'s `your-256-bit-secret`, `secret`, `12345`), and say why', () => {
    // Held-out study 5 (docs/accuracy.md): 14 development JWTs signed with the key `12345` in a REST client file
    // were reported at medium. Anyone can mint such a token, so it grants nothing a leak would give away.
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = (key: string, alg = 'HS256'): string => {
      const body = `${b64({ alg, typ: 'JWT' })}.${b64({ iss: 'shop', aud: 'shop-api', sub: 'dev_user', exp: 1976056756 })}`;
      return `${body}.${createHmac(`sha${alg.slice(2)}`, key).update(body).digest('base64url')}`;
    };
    for (const [key, alg] of [['12345', 'HS256'], ['secret', 'HS256'], ['your-256-bit-secret', 'HS256'], ['your-512-bit-secret', 'HS512']] as const) {
      const f = scan('/ws/backend/api.rest', `GET {{host}}/api/v1/user\nX-JWT: ${jwt(key, alg)}\n`)[0];
      assert.equal(f?.ruleId, 'secrets.jwt.token', key);
      assert.equal(f.severity, 'low', key);
      assert.match(f.message, /signed with a published or trivial key, so anyone can mint it; severity is lowered/, key);
      // The token is harmless only if no server trusts that key: one that does accepts anyone's tokens.
      assert.match(f.message, /if a server verifies tokens with that key, the key itself is the problem: it accepts anyone's tokens, so rotate it/, key);
      if (/\d/.test(key)) assert.ok(!f.message.includes(key), 'the key is not printed');
    }
    // Signed with any other key, the same token keeps its severity.
    assert.equal(scan('/ws/backend/api.rest', `X-JWT: ${jwt('Vq7mR2xpL9wZk3Tb8Nc4Hd6J')}\n`)[0]?.severity, 'medium');
  });

  it("cover only the default value of a shell parameter expansion (`${NAME:-value}`, `${NAME:=value}`), not its operator", () => {
    // The `:` of `:-` was read as the assignment, so the finding began at `-` and the masked value showed it.
    for (const op of [':-', ':=']) {
      const value = 'Ue5AHq9xT2mWv7LpZr4KcY8nBf3JdS6g';
      const text = `export API_TOKEN="\${API_TOKEN${op}${value}}"\n`;
      const f = scan('/ws/deploy/run.sh', text)[0];
      assert.equal(f?.ruleId, 'secrets.generic.token-assignment', op);
      const lines = new LineIndex(text);
      assert.equal(text.slice(lines.offsetAt(f.range.start), lines.offsetAt(f.range.end)), value, op);
    }
  });

  it("lower a Firebase app configuration's Google API key (public by design), saying so; not a Google API key elsewhere", () => {
    // A fake key in the right format.
    const key = 'AIzaSyD3vQk9fXw2Lr7Tg4Hs8Jn1Pc6Mb0Ze5Ua';
    const reason = "a Firebase app configuration's API key, which Firebase documents as public";
    const android = `{\n  "client": [{\n    "api_key": [\n      { "current_key": "${key}" }\n    ]\n  }]\n}\n`;
    const web = `const firebaseConfig = {\n  apiKey: "${key}",\n  authDomain: "acme-app.firebaseapp.com",\n  projectId: "acme-app",\n};\n`;
    for (const [path, text] of [['/ws/mobile/android/app/google-services.json', android], ['/ws/web/src/firebase.ts', web]] as const) {
      const f = scan(path, text).find((x) => x.ruleId === 'secrets.gcp.api-key');
      assert.ok(f, path);
      assert.equal(f.severity, 'low', path);
      assert.ok(f.message.includes(reason), f.message);
    }
    // A Maps key in a server's settings is the project's key, billed: the rule's severity.
    const maps = scan('/ws/src/settings.py', `GOOGLE_MAPS_KEY = "${key}"\n`).find((x) => x.ruleId === 'secrets.gcp.api-key');
    assert.equal(maps?.severity, 'high');
    // In a .env file each line names its own key: Firebase's is public, a Maps server key two lines below is not.
    const env = scan('/ws/web/.env.production', `NEXT_PUBLIC_FIREBASE_API_KEY=${key}\nNEXT_PUBLIC_APP_NAME=acme\nGOOGLE_MAPS_SERVER_KEY=${key.replace('Sy', 'Qx')}\n`);
    assert.deepEqual(
      env.filter((x) => x.ruleId === 'secrets.gcp.api-key').map((x) => [x.range.start.line, x.severity]),
      [[0, 'low'], [2, 'high']],
    );
  });

  it('lower to low every published example value (AWS docs, RFC 6749/7617, MinIO play, TOTP...), say where it is published, and never hide it', () => {
    // One value per table entry, in application code where its severity would not otherwise be lowered. Basic-auth
    // examples are written as the header that carries them.
    for (const { value, source } of PUBLISHED_EXAMPLES) {
      const line = value.includes(':') ? `headers = {"Authorization": "Basic ${Buffer.from(value).toString('base64')}"}\n` : `secret = "${value}"\n`;
      const f = scan('/ws/src/settings.py', line)[0];
      assert.ok(f, `${value} is reported`);
      assert.equal(f.severity, 'low', value);
      assert.ok(f.message.includes(`a published example value, ${source}: severity is lowered`), f.message);
      assert.ok(!f.message.includes(value), 'the value is not printed');
    }
    // AWS's pair says EXAMPLE in its own text, which the placeholder filter would hide: lowered instead, with the reason.
    const aws = scan('/ws/src/s3.py', 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\n')[0];
    assert.equal(aws?.ruleId, 'secrets.aws.access-key-id');
    // One character off, a value is no longer the published one: its severity is the rule's.
    assert.equal(scan('/ws/src/settings.py', 'secret = "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBx"\n')[0]?.severity, 'medium');
    assert.equal(scan('/ws/src/settings.py', `headers = {"Authorization": "Basic ${Buffer.from('Aladdin:open sesamE').toString('base64')}"}\n`)[0]?.severity, 'medium');
    // Another value with EXAMPLE in it is still a placeholder: hidden, as before.
    assert.equal(scan('/ws/src/s3.py', 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN8EXAMPLE"\n').length, 0);
  });

  it('lower the severity one step in a Python docstring, as in a comment (a bare string statement is never a value)', () => {
    const doc = scan('/ws/src/db.py', `def connect():\n    """Usage::\n\n        token = "${GH}"\n    """\n    return None\n`);
    assert.equal(doc[0]!.severity, 'high');
    assert.equal(doc[0]!.properties?.context, 'comment');
    const value = scan('/ws/src/db.py', `def connect():\n    token = "${GH}"\n    return token\n`);
    assert.equal(value[0]!.severity, 'critical', 'a string assigned to a name is a value');
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

describe('Azure identifiable keys: a service signature before a Marvin32 checksum (microsoft/security-utilities)', () => {
  // Fake keys made by scripts/fake-azure-key.ts; the engine's Marvin32 is checked against SymCrypt's published
  // test vectors below, so these do not only agree with themselves.
  const VALID: [string, string, Severity][] = [
    ['X2frXBrOM6ktpr2S4xO_7t93hG2WfmjWQD-QBjs1atljAzFuJhe9Kg==', 'secrets.azure.functions-key', 'high'],
    ['8qZYGpcGe/uc1tgF2A9PKOQC+/XAGANFjO30S6h6X6osUahg6OEOzEef7hlMqavEzFjpDJLFgjX2ACDbWYzKbg==', 'secrets.azure.cosmosdb-key', 'critical'],
    ['D6Yt0AMPobvn92Z7+O031QuNGehwlOCLcW2g16t3sXacX3/cPA/T3qUYL93QEXwAjgwNGwivKNkh+AStPQi7eQ==', 'secrets.azure.storage-identifiable-key', 'critical'],
    ['PU6cJA8pmh1hbLle1mB64LczLPwX1j+Z5OYaIuww7OFzOujtC86+WZkQu4IbuYUxL3pSXiUCVm+++ABamxvlVQ==', 'secrets.azure.batch-key', 'high'],
    ['BisSkt4zMhyGDOzgwoYPZeTNxYGeido2uJyRyCkqmu5odNs0fhx6anZurcvER0M8BT7EDkVbfUiFAPIMfxAPbA==', 'secrets.azure.apim-key', 'high'],
    ['gIHjGmTwQsnFoSwAorOBp9oadCcQBVFxBH9OwzOKzMt1bSfy7mw0SlZIFwXwORijnK7Mr0x3Bpxe+AMCkpQarg==', 'secrets.azure.ml-classic-key', 'medium'],
    ['suiGMpiPy5Sp8vREqGNARz3sbEu1KXk0r+ASbNvS+5Y=', 'secrets.azure.service-bus-key', 'high'],
    ['047U3lbeKGcAIUB9UEyvc31ZASAIW1Yf9+AEhA9V1xo=', 'secrets.azure.event-hubs-key', 'high'],
    ['o6KtOdxEGBFf/Pj1NS16mngHFx4HtV4gu+ARmPEmbxc=', 'secrets.azure.relay-key', 'high'],
    ['RB36igMv9d7NG7HOMlvIyVk95WNY7wMaeAIoTMNLlUc=', 'secrets.azure.iot-key', 'high'],
    ['09ndIQTsYTbsvbuPB1cIdOey87WcaoAVjAzCaM8iKPQ=', 'secrets.azure.redis-key', 'high'],
    ['Fnv4YQF8jIDlXsfJ41iYRpohPy4T7enW9iTsa7UOstAzSeDgKJLQ', 'secrets.azure.search-key', 'high'],
    ['v9HxQpRx78NF3C5yOZbU92pZwWzrGdCU5r7B7qUvif+ACRAnUy2l', 'secrets.azure.container-registry-key', 'high'],
  ];
  const scanOne = (token: string): Finding => onlyFindingIn(`AZURE_SETTING=${token}\n`, token);
  /** One checksum character changed (the third from the end before the padding: the last ones carry format bits). */
  const broken = (token: string): string => {
    const end = token.replace(/=+$/, '').length - 3;
    return token.slice(0, end) + (token[end] === 'B' ? 'C' : 'B') + token.slice(end + 1);
  };

  it('Marvin32 matches SymCrypt\'s and .NET\'s test vectors', () => {
    const hex = ([lo, hi]: [number, number]): string => hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
    assert.equal(hex(marvin64(Buffer.from('abc'), 0xd53cd9cecd0893b7n)), '22c74339492769bf');
    assert.equal(marvin32(Buffer.from('abc'), 0xd53cd9cecd0893b7n), 0x6be02a86);
    assert.equal(hex(marvin64(Buffer.from('abcdefghijklmnopqrstuvwxyz'), 0xddddeeeeffff000n)), 'a128eb7e7260aca2');
    assert.equal(hex(marvin64(Buffer.alloc(0), 0x004fb61a001bdbccn)), '30ed35c100cd3c7d');
    assert.equal(hex(marvin64(Buffer.from([55, 244, 149]), 0x004fb61a001bdbccn)), 'f0b07c789b8cf7e8');
  });

  for (const [token, ruleId, severity] of VALID) {
    it(`a valid checksum raises confidence, an invalid one lowers confidence and severity: ${ruleId}`, () => {
      const good = scanOne(token);
      assert.equal(good.ruleId, ruleId);
      assert.equal(good.severity, severity);
      assert.equal(good.properties?.checksum, 'valid');
      assert.equal(good.properties?.confidence, 'high');
      const bad = scanOne(broken(token));
      assert.equal(bad.ruleId, ruleId, 'still reported: a mistyped live key is still worth a look');
      assert.equal(bad.severity, SEVERITIES[SEVERITIES.indexOf(severity) + 1]);
      assert.equal(bad.properties?.checksum, 'invalid');
      assert.equal(bad.properties?.confidence, 'low');
    });
  }

  it('the legacy connection-string rules judge an identifiable key inside them, and give no verdict on an older key', () => {
    const conn = (key: string): Finding => scanOne(`DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${key};EndpointSuffix=core.windows.net`);
    const identifiable = conn('sIki3ca8OCuIhKLEw1CEDFtms80hdC3T2+Eg26/5T+v8hy/v5ODq+dREJq4JIGPyOiX6L/slrXlD+AStv20hMA==');
    assert.equal(identifiable.ruleId, 'secrets.azure.storage-account-key');
    assert.equal(identifiable.properties?.checksum, 'valid');
    const older = conn('0OLtN+6AjNuEjTmvQDcfjU4Q4sKWbWqZ+9lYxbc/Wt9JMr5OcNr5EIFumVS1L7iMboMMmTXbFKed8JNpqE4ChQ==');
    assert.equal(older.ruleId, 'secrets.azure.storage-account-key');
    assert.equal(older.properties?.checksum, undefined);
  });

  it('84-character annotated keys (JQQJ99): a matching checksum raises confidence, a mismatch gives no verdict', () => {
    const good = scanOne('9clzUpj6xB9DaPS8ybEWVL8Y1Sq9avjFAz75lGItIetqVmSG22I2JQQJ99BLAAAAAAAAAAAAAAAAACOGl5xC');
    assert.equal(good.ruleId, 'secrets.azure.ai-services-key');
    assert.equal(good.properties?.checksum, 'valid');
    assert.equal(good.properties?.confidence, 'high');
    const other = scanOne(broken('9clzUpj6xB9DaPS8ybEWVL8Y1Sq9avjFAz75lGItIetqVmSG22I2JQQJ99BLAAAAAAAAAAAAAAAAACOGl5xC'));
    assert.equal(other.ruleId, 'secrets.azure.ai-services-key');
    assert.equal(other.severity, 'high');
    assert.equal(other.properties?.checksum, undefined);
  });
});

describe('checksummed tokens (GitHub ghp_ gho_ ghu_ ghs_ ghr_, npm npm_): base62 CRC32 of the 30 random characters', () => {
  // Fake tokens whose last six characters were computed with node:zlib's crc32, independently of the engine.
  const VALID: [string, string, Severity][] = [
    ['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', 'secrets.github.classic-pat', 'critical'],
    ['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', 'secrets.github.oauth-token', 'high'],
    ['ghu_Se1l8HrR4zq8PhuAlPD9nrr61CRmwj1Nzz1s', 'secrets.github.user-to-server-token', 'high'],
    ['ghs_lxVemrMMeAF2c1scU3LXxSg03HKSKP1RFryg', 'secrets.github.app-installation-token', 'high'],
    ['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', 'secrets.github.refresh-token', 'high'],
    ['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', 'secrets.npm.access-token', 'critical'],
    // Thunderstore service account tokens use the same format (thunderstore-io/Thunderstore account/tokens.py).
    ['tss_WEcEaJ8V7SoT8XXnqypM7OicvAN7bS09S7g4', 'secrets.thunderstore.service-account-token', 'high'],
  ];
  const scanOne = (token: string): Finding => onlyFindingIn(`TOKEN=${token}\n`, token);
  /** The same token with one checksum character changed. */
  const broken = (token: string): string => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

  for (const [token, ruleId, severity] of VALID) {
    it(`a valid checksum raises confidence, an invalid one lowers confidence and severity: ${ruleId}`, () => {
      const good = scanOne(token);
      assert.equal(good.ruleId, ruleId);
      assert.equal(good.severity, severity);
      assert.equal(good.properties?.checksum, 'valid');
      assert.equal(good.properties?.confidence, 'high');
      assert.doesNotMatch(good.message, /checksum/);

      const bad = scanOne(broken(token));
      assert.equal(bad.ruleId, ruleId, 'still reported: a mistyped live token is still worth a look');
      assert.equal(bad.severity, SEVERITIES[SEVERITIES.indexOf(severity) + 1]);
      assert.equal(bad.properties?.checksum, 'invalid');
      assert.equal(bad.properties?.confidence, 'low');
      assert.match(bad.message, /checksum does not match/);
      assert.ok(!bad.message.includes(broken(token)));
    });
  }

  it('tokens of other shapes get no checksum verdict (fine-grained PATs, longer refresh tokens, old npm UUIDs)', () => {
    const fine = scanOne(`github_pat_${'A1b2C3d4E5f6G7h8I9j0Kl'}_${'m'.repeat(1)}${'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8Ba7ZyXwVuTsRqPoNmLkJiHgFeDcBa12'}`);
    assert.equal(fine.properties?.checksum, undefined);
    assert.equal(fine.properties?.confidence, undefined);
    const longRefresh = scanOne(`ghr_${'Q7wE9rT2yU4iO6pA8sD1fG3hJ5kL0zX2cV4bN6mQ8wE1rT3yU5iO7pA9sD2fG4hJ6k'}`);
    assert.equal(longRefresh.ruleId, 'secrets.github.refresh-token');
    assert.equal(longRefresh.properties?.checksum, undefined);
  });

  it('Cfx.re server keys: cfxk_ + body, then `_` + the unpadded base62 CRC32 of `cfxk_` + body (Cfx.re\'s published format)', () => {
    // Fake keys; suffixes computed with a separate CRC-32, checked against the example in Cfx.re's announcement.
    for (const token of ['cfxk_AFgac2cw6Ev8FDyP2xkfS9_2nDBO2', 'cfxk_ePDZJ15XjLYoCg0rZmjXd0_41H88J']) {
      const good = scanOne(token);
      assert.equal(good.ruleId, 'secrets.cfx.server-key');
      assert.equal(good.properties?.checksum, 'valid', token);
      assert.equal(good.properties?.confidence, 'high');
      const bad = scanOne(broken(token));
      assert.equal(bad.ruleId, 'secrets.cfx.server-key');
      assert.equal(bad.properties?.checksum, 'invalid');
      assert.equal(bad.properties?.confidence, 'low');
    }
  });

  it('Chief Tools tokens: ct + type, `_`, 30-242 random base62, then the padded base62 CRC32 of the random part (docs.chief.tools)', () => {
    // Fake tokens; checksums computed with Python's zlib.crc32, independently of the engine. The longer random
    // parts (40, 56, 64) are outside GitHub's fixed 30, so only the Chief Tools checksum can judge them.
    for (const token of [
      'ctp_HW2h6zuGBJdZdiKNu9sffF6kseqAKD2S2WZd',
      'ctt_kIYsz87yg4pkk0JkHoHPdUSXDmyQKqhbpqMSfeh745XbC9',
      'cto_xyQU8AnPpPYfQyHWmDFoH047ME4vJh1y3IppRJ1GVVzJEpPOQTRA16yb2fGFTh',
      'ctr_T6W3u7YIEH4Q02BOwJDgZpFABP5JukmeAxffXytpE0yxHzmGrBjXR2m96VDy3Ial0f5NNq',
    ]) {
      const good = scanOne(token);
      assert.equal(good.ruleId, 'secrets.chieftools.token', token);
      assert.equal(good.properties?.checksum, 'valid', token);
      assert.equal(good.properties?.confidence, 'high');
      const bad = scanOne(broken(token));
      assert.equal(bad.ruleId, 'secrets.chieftools.token');
      assert.equal(bad.properties?.checksum, 'invalid', token);
      assert.equal(bad.properties?.confidence, 'low');
    }
  });

  it('the engine\'s CRC32 agrees with node:zlib on random input', () => {
    const zlibCrc = (zlib as { crc32?: (s: string) => number }).crc32;
    if (!zlibCrc) return; // older Node: the literal tokens above still check the whole path
    for (let i = 0; i < 200; i++) {
      const s = randomBytes(1 + (i % 60)).toString('base64');
      assert.equal(crc32(s), zlibCrc(s), s);
    }
  });
});

describe('held out 11: context that says development, CI, a test double or a sample (issue 16)', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());
  const scan = (path: string, text: string): Finding[] => engine.scanText(path, languageIdForPath(path), text, SETTINGS, '/ws').findings;
  const only = (fs: Finding[]): Finding => {
    assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => [f.ruleId, f.severity])));
    return fs[0]!;
  };
  // A key made for this test run: real key material, never a credential of anything. A placeholder word its
  // random base64 holds by chance (`xxxx`, `todo`: about 1 key in 200) no longer hides it, so any draw will do.
  const PEM = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  assert.equal(placeholderReason(PEM), undefined);
  const ESCAPED_PEM = PEM.trim().split('\n').join('\\n');
  const SECRET = 'Hq8vT2mZ7xWpLs4Rn9Kd';

  it("lowers a CI setup's private keys and generic values (`ci/pod/…`, `.ci/`), and keeps a provider's token there", () => {
    const key = only(scan('/ws/ci/pod/keycloak/server.key.pem', PEM));
    assert.equal(key.severity, 'low');
    assert.match(key.message, /a CI setup's own settings/);
    assert.equal(only(scan('/ws/.ci/realm.sh', `kcadm.sh create clients -s secret=${SECRET}\n`)).severity, 'low');
    assert.equal(only(scan('/ws/ci/deploy.sh', `GITHUB_TOKEN=${GH}\n`)).severity, 'critical', "a provider's token works from anywhere");
    assert.equal(only(scan('/ws/src/server.key.pem', PEM)).severity, 'critical');
    assert.equal(only(scan('/ws/civic/realm.sh', `kcadm.sh create clients -s secret=${SECRET}\n`)).severity, 'medium');
  });

  it('lowers the key of a localhost certificate (`caddy.localhost.key`, `localhost+2-key.pem`), not of another host', () => {
    for (const path of ['/ws/caddytest/a.caddy.localhost.key', '/ws/certs/localhost+2-key.pem', '/ws/localhost.key']) {
      const f = only(scan(path, PEM));
      assert.equal(f.severity, 'low', path);
      assert.match(f.message, /the key of a localhost certificate/);
    }
    for (const path of ['/ws/certs/api.example.net.key', '/ws/certs/localhostname.key']) assert.equal(only(scan(path, PEM)).severity, 'critical', path);
  });

  it('lowers generic values in a development compose file and a top-level dev/ folder, not in the main compose file', () => {
    const compose = `services:\n  app:\n    environment:\n      CLIENT_SECRET: "${SECRET}"\n`;
    for (const path of ['/ws/docker-compose.dev.yml', '/ws/compose.local.yaml', '/ws/dev/compose.yaml']) {
      const f = only(scan(path, compose));
      assert.equal(f.severity, 'low', path);
      assert.match(f.message, /a development configuration's settings/);
    }
    for (const path of ['/ws/docker-compose.yml', '/ws/src/devices/compose.yaml']) assert.equal(only(scan(path, compose)).severity, 'medium', path);
  });

  it('lowers a key or token inside a test double (`class Mock`, `FakeClient`), whatever the rule', () => {
    const ruby = (cls: string): string =>
      `module Fog\n  class Compute\n    class ${cls}\n      def create_key_pair(name)\n        response.body = {\n          "keypair" => {\n            "private_key" => "${ESCAPED_PEM}",\n          }\n        }\n      end\n    end\n  end\nend\n`;
    const mock = only(scan('/ws/lib/fog/compute/requests/create_key_pair.rb', ruby('Mock')));
    assert.equal(mock.ruleId, 'secrets.key.rsa-private');
    assert.equal(mock.severity, 'low');
    assert.match(mock.message, /inside Mock, a test double's canned data/);
    assert.equal(only(scan('/ws/lib/fog/compute/requests/create_key_pair.rb', ruby('Real'))).severity, 'critical');
    const py = (cls: string): string => `class ${cls}:\n    def headers(self):\n        return {"token": "${GH}"}\n`;
    assert.equal(only(scan('/ws/app/clients.py', py('FakeGitHubClient'))).severity, 'low');
    assert.equal(only(scan('/ws/app/clients.py', py('GitHubClient'))).severity, 'critical');
  });

  it("lowers a secret in a doc comment's `@example` block or an open code fence to low; elsewhere in a comment one step", () => {
    const jsdoc = `/**\n * Uploads a certificate.\n *\n * @example\n * \`\`\`ts\n * await client.create({\n *   token: '${GH}',\n * });\n * \`\`\`\n */\nexport function create() {}\n`;
    const ex = only(scan('/ws/src/resources/certificates.ts', jsdoc));
    assert.equal(ex.severity, 'low');
    assert.match(ex.message, /an example in a doc comment/);
    const fenced = only(scan('/ws/src/lib.rs', `/// Connects.\n///\n/// \`\`\`\n/// let token = "${GH}";\n/// \`\`\`\npub fn connect() {}\n`));
    assert.equal(fenced.severity, 'low');
    assert.match(fenced.message, /a code sample in a doc comment/);
    // After the fence closes, or under another tag, the comment is prose again: one step down only.
    const closed = `/**\n * \`\`\`ts\n * create()\n * \`\`\`\n * token: ${GH}\n */\nexport function create() {}\n`;
    assert.equal(only(scan('/ws/src/a.ts', closed)).severity, 'high');
    const tagged = `/**\n * @example create()\n * @param token - defaults to ${GH}\n */\nexport function create() {}\n`;
    assert.equal(only(scan('/ws/src/b.ts', tagged)).severity, 'high');
  });

  it('lowers generic values in an HTTP request file aimed only at localhost, not in one that calls another host', () => {
    const http = (host: string): string => `\uFEFF# For more info on HTTP files go to https://aka.ms/vs/httpfile\n@Web_HostAddress = ${host}\n@Email=administrator@localhost\n@Password=${SECRET}!\nPOST {{Web_HostAddress}}/Identity/Account/Login\n`;
    const local = only(scan('/ws/src/Web/Web.http', http('https://localhost:5001')));
    assert.equal(local.severity, 'low');
    assert.match(local.message, /a request file for a local server/);
    assert.equal(only(scan('/ws/src/Web/Web.http', http('https://api.example.net'))).severity, 'medium');
  });
});

describe('short passwords in settings files', () => {
  const rule = 'secrets.generic.config-short-password';
  // Paths under a workspace root, so test and example folders are told by the path inside it.
  const ids = (text: string, path: string): string[] => scanSecrets(text, `/w/${path}`, undefined, '/w').map((f) => f.ruleId);

  it('reports a short mixed value under a settings file password key, at low', () => {
    const findings = scanSecrets('db.url=jdbc:mysql://db/app\ndb.password=QWvro7\n', '/w/conf/app.properties', undefined, '/w');
    const f = findings.find((x) => x.ruleId === rule);
    assert.ok(f, JSON.stringify(findings.map((x) => x.ruleId)));
    assert.equal(f.severity, 'low');
    assert.equal(f.range.start.line, 1);
  });

  it('not in code, where the same line is as often a test or a form', () => {
    assert.ok(!ids('password = "QWvro7"\n', 'app/db.py').includes(rule));
    assert.ok(!ids('const password = "QWvro7";\n', 'src/db.js').includes(rule));
  });

  it('not in test or example files, where a short password is the fixture\'s own', () => {
    assert.ok(!ids('db.password=QWvro7\n', 'src/test/resources/application.properties').includes(rule));
    assert.ok(!ids('password: QWvro7\n', 'examples/config.yaml').includes(rule));
  });

  it('not for words, digit runs, setting words, tags or templates', () => {
    for (const v of ['postgres', 'Admin', '123456', 'required', '!vault', '${DB_PASS}', 'DB_PASS', 'v1.2']) {
      assert.ok(!ids(`password: ${v}\n`, 'conf/app.yaml').includes(rule), v);
    }
  });
});

describe('an OpenSSH private key as ssh-keygen writes it (issue 16)', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());
  // The openssh-key-v1 layout of an unencrypted ed25519 key, with random key bytes made for this run: its counts
  // and empty cipher fields are zero bytes, which base64 writes as runs of `A` (`…bm9uZQAAAAAAAAAB…`).
  const str = (b: Buffer | string): Buffer => {
    const body = Buffer.from(b);
    const n = Buffer.alloc(4);
    n.writeUInt32BE(body.length);
    return Buffer.concat([n, body]);
  };
  const u32 = (v: number): Buffer => {
    const n = Buffer.alloc(4);
    n.writeUInt32BE(v);
    return n;
  };
  const pub = randomBytes(32);
  const pubBlob = Buffer.concat([str('ssh-ed25519'), str(pub)]);
  const check = randomBytes(4);
  const priv = Buffer.concat([check, check, str('ssh-ed25519'), str(pub), str(Buffer.concat([randomBytes(32), pub])), str(''), Buffer.from([1, 2, 3])]);
  const blob = Buffer.concat([Buffer.from('openssh-key-v1\0'), str('none'), str('none'), str(''), u32(1), str(pubBlob), str(priv)]).toString('base64');
  const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${blob.match(/.{1,70}/g)!.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;

  it('is reported though its base64 has runs of one character; a body of one character is not', () => {
    assert.match(KEY, /AAAAAAAA/);
    const found = engine.scanText('/ws/deploy/id_ed25519', 'plaintext', KEY, SETTINGS, '/ws').findings;
    assert.deepEqual(found.map((f) => f.ruleId), ['secrets.key.openssh-private']);
    const typed = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(64)}\n-----END OPENSSH PRIVATE KEY-----\n`;
    assert.deepEqual(engine.scanText('/ws/deploy/id_ed25519', 'plaintext', typed, SETTINGS, '/ws').findings, []);
  });
});
