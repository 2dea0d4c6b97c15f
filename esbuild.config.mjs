// Bundles the client, the language server, the CLI and the scan worker into dist/, and copies the wasm
// files (grammars + web-tree-sitter runtime) and the built-in rules beside them. `node esbuild.config.mjs
// --watch` rebuilds on change; `--minify` for releases.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** Entry points; optional ones are skipped while their module does not exist yet. */
const entries = [
  { in: 'client/src/main.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/lsp/server.ts', out: 'server' },
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node', optional: true },
  { in: 'server/src/engine/scan/scan-worker.ts', out: 'scan-worker', optional: true },
  { in: 'server/src/lsp/dashboard-worker.ts', out: 'dashboard-worker' },
].filter((e) => !e.optional || existsSync(join(root, e.in)));

function copyAssets() {
  mkdirSync(join(dist, 'grammars'), { recursive: true });
  for (const f of readdirSync(join(root, 'grammars'))) {
    if (f.endsWith('.wasm') || f === 'manifest.json') copyFileSync(join(root, 'grammars', f), join(dist, 'grammars', f));
  }
  copyFileSync(join(root, 'node_modules', 'web-tree-sitter', 'tree-sitter.wasm'), join(dist, 'tree-sitter.wasm'));
  // Rule data only: fixtures stay in the repository.
  rmSync(join(dist, 'rules'), { recursive: true, force: true });
  if (existsSync(join(root, 'rules'))) {
    cpSync(join(root, 'rules'), join(dist, 'rules'), {
      recursive: true,
      filter: (src) => statSync(src).isDirectory() || (/\.(ya?ml|json)$/.test(src) && !/\.(fixture|fixed)\./.test(relative(root, src))),
    });
  }
}

/** The package folder (`node_modules/<name>` or `node_modules/@scope/<name>`) a bundled input path belongs to. */
function packageDirOf(input) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? join(root, 'node_modules', m[1]) : undefined;
}

/**
 * dist/ThirdPartyNotices.txt: every package whose code the bundles contain (from esbuild's metafiles), the grammar
 * packages whose .wasm ship in dist/grammars, and web-tree-sitter's runtime, each with its licence texts, which
 * their licences (MIT, ISC, Apache-2.0, BSD) require to travel with the copies.
 */
function writeNotices(metafiles) {
  const dirs = new Set();
  for (const meta of metafiles) for (const input of Object.keys(meta.inputs)) {
    const dir = packageDirOf(input);
    if (dir) dirs.add(dir);
  }
  dirs.add(join(root, 'node_modules', 'web-tree-sitter'));
  const manifest = JSON.parse(readFileSync(join(root, 'grammars', 'manifest.json'), 'utf8'));
  for (const g of Object.values(manifest.grammars)) dirs.add(join(root, 'node_modules', g.package));
  const parts = [];
  for (const dir of [...dirs].sort()) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const texts = readdirSync(dir)
      .filter((f) => /^(licen[cs]e|copying|notice)/i.test(f))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8').trim());
    if (texts.length === 0) throw new Error(`${pkg.name}: no licence file to ship in ThirdPartyNotices.txt`);
    parts.push(`${pkg.name} ${pkg.version} (${pkg.license ?? 'see below'})\n${'-'.repeat(72)}\n${texts.join('\n\n')}`);
  }
  const head = 'Vigil bundles or ships the following third-party software. Each is distributed under its own licence, reproduced here.';
  writeFileSync(join(dist, 'ThirdPartyNotices.txt'), `${head}\n\n${parts.join('\n\n\n')}\n`);
}

/**
 * The built-in taint and secret rule files, parsed and validated now rather than at every start (see
 * server/src/engine/precompiled-rules.ts): the generator is TypeScript, so it is bundled to a scratch file
 * and run. Rules edited after the build are parsed at start as before (`--watch` does not redo this).
 */
function precompiledRules() {
  if (!existsSync(join(root, 'rules', 'taint')) && !existsSync(join(root, 'rules', 'secrets'))) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'vigil-build-'));
  try {
    const out = join(dir, 'precompile-rule-files.cjs');
    esbuild.buildSync({
      entryPoints: [join(root, 'server/src/engine/precompile-rule-files.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      define: { 'import.meta.url': '__vigilImportMetaUrl' },
      banner: { js: "var __vigilImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    });
    const dirs = Object.fromEntries(['taint', 'secrets'].filter((p) => existsSync(join(root, 'rules', p))).map((p) => [p, join(root, 'rules', p)]));
    return createRequire(import.meta.url)(out).precompileRuleFiles(dirs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const ruleFiles = precompiledRules();

/**
 * V8 keeps a script's source in memory (for lazy compilation) at one byte per character only when every character is
 * Latin-1. esbuild escapes non-ASCII text in strings but leaves it in regex literals and kept comments (`…`, `•`):
 * those few characters made each bundle's source two-byte, 7.7 MB instead of 3.8 MB for the server, and as much again
 * in every scan worker. They are written as `\uXXXX`, which means the same in a regex literal and nothing in a comment
 * (only the columns after them on those lines move in the source map).
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd(() => {
      const file = build.initialOptions.outfile;
      if (!file || !existsSync(file)) return;
      const text = readFileSync(file, 'utf8');
      if (!/[^\x00-\x7f]/.test(text)) return;
      writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    });
  },
};

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: [join(root, e.in)],
      outfile: join(dist, `${e.out}.js`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'linked',
      minify,
      external: e.external ?? [],
      // web-tree-sitter's ESM build finds its wasm through import.meta.url, which a CJS bundle lacks: give it this file's URL.
      define: { 'import.meta.url': '__vigilImportMetaUrl', ...(ruleFiles ? { __VIGIL_RULE_FILES__: JSON.stringify(ruleFiles) } : {}) },
      banner: { js: `${e.banner ? `${e.banner}\n` : ''}var __vigilImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
      logLevel: 'warning',
      metafile: true,
      plugins: [asciiOutput],
    }),
  ),
);

copyAssets();
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  writeNotices(results.map((r) => r.metafile));
  console.log(`esbuild: built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
}
