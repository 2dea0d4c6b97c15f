/**
 * Config paths cannot escape the workspace: `..` and absolute paths are refused by the config loader, and a
 * symbolic link inside the repository (to a folder, to a file, or dangling) cannot lead the CLI's baseline
 * read or write outside it. An untrusted repository must not make `vigil baseline` overwrite a file elsewhere.
 * Needs `npm run build` (npm test does it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseVigilConfig } from '../../server/src/engine/config/vigil-config';
import { walkFiles } from '../../server/src/engine/scan/file-walker';

const CLI_JS = join(__dirname, '..', '..', 'dist', 'cli.js');
const temp = mkdtempSync(join(tmpdir(), 'vigil-escape-'));
after(() => rmSync(temp, { recursive: true, force: true }));

function repo(name: string, baseline: string, link: (ws: string, outside: string) => void): { ws: string; outside: string } {
  const ws = join(temp, name);
  const outside = join(temp, `${name}-outside`);
  mkdirSync(ws);
  mkdirSync(outside);
  spawnSync('git', ['init', '-q'], { cwd: ws });
  writeFileSync(join(ws, '.vigil.yml'), `baseline: ${baseline}\n`);
  writeFileSync(join(ws, 'a.js'), 'const a = 1;\n');
  link(ws, outside);
  return { ws, outside };
}

function cli(ws: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI_JS, ...args, '--root', ws, '--quiet'], { cwd: ws, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
}

describe('config paths stay inside the workspace', () => {
  it('the loader refuses absolute and `..` paths', () => {
    for (const bad of ['/etc/passwd', '../x.json', 'a/../../x.json']) {
      const r = parseVigilConfig(`baseline: "${bad}"\n`, '/ws/.vigil.yml');
      assert.equal(r.config, undefined, bad);
      assert.match(r.errors[0]!.message, /inside the workspace|not absolute/);
    }
  });

  it('a symlinked folder, file or dangling link cannot take the baseline outside', { skip: !existsSync(CLI_JS) && 'dist/cli.js not built' }, () => {
    const cases = [
      repo('dir-link', 'out/base.json', (ws, outside) => symlinkSync(outside, join(ws, 'out'))),
      repo('file-link', 'base.json', (ws, outside) => {
        writeFileSync(join(outside, 'victim.json'), '{"version":1,"entries":[]}\n');
        symlinkSync(join(outside, 'victim.json'), join(ws, 'base.json'));
      }),
      repo('dangling-link', 'base.json', (ws, outside) => symlinkSync(join(outside, 'created.json'), join(ws, 'base.json'))),
    ];
    for (const { ws, outside } of cases) {
      const before = readdirSync(outside);
      const r = cli(ws, 'baseline');
      assert.equal(r.status, 2, `${ws}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /outside the workspace/);
      assert.deepEqual(readdirSync(outside), before, 'nothing written outside');
      const scan = cli(ws, 'scan', '--fail-on', 'none');
      assert.equal(scan.status, 2, 'scan refuses the config baseline too');
    }
  });

  it('a baseline inside the workspace still works', { skip: !existsSync(CLI_JS) && 'dist/cli.js not built' }, () => {
    const { ws } = repo('plain', 'security/base.json', (w) => mkdirSync(join(w, 'security')));
    const r = cli(ws, 'baseline');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(existsSync(join(ws, 'security', 'base.json')));
  });

  it('the workspace walk does not follow links out of the workspace, and says so', () => {
    const ws = join(temp, 'walk');
    const outside = join(temp, 'walk-outside');
    mkdirSync(join(ws, 'src'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(ws, 'src', 'a.js'), 'const a = 1;\n');
    writeFileSync(join(outside, 'id_rsa'), 'not a real key\n');
    symlinkSync(outside, join(ws, 'home'));
    symlinkSync(join(outside, 'id_rsa'), join(ws, 'key.txt'));
    // Links inside the workspace still work.
    symlinkSync(join(ws, 'src'), join(ws, 'src-link'));
    const r = walkFiles([{ root: ws }]);
    assert.deepEqual(r.files.map((f) => f.relPath).sort(), ['src/a.js']);
    const outsideSkips = r.skipped.filter((x) => /outside the workspace/.test(x.message)).map((x) => x.path).sort();
    assert.deepEqual(outsideSkips, [join(ws, 'home'), join(ws, 'key.txt')]);
  });
});
