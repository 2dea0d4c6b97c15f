// Refreshes grammars/*.wasm from the pinned npm grammar packages and rewrites grammars/manifest.json
// (source package, version, licence, sha256). Run with `npm run grammars` after bumping a grammar package.
// Each grammar is load-tested under the pinned web-tree-sitter so an ABI mismatch fails here, not in the editor.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser, Language } from 'web-tree-sitter';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** grammar id -> [npm package, wasm file inside it], kept in package.json beside the pinned grammar packages. */
const GRAMMARS = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).vigil.grammars;

await Parser.init();
const pkgJson = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const pkgVersion = (dir) => pkgJson(dir).version;
const manifest = { webTreeSitter: pkgVersion(join(root, 'node_modules', 'web-tree-sitter')), grammars: {} };
for (const [id, [pkg, file]] of Object.entries(GRAMMARS)) {
  const pkgDir = dirname(require.resolve(`${pkg}/package.json`));
  const version = pkgVersion(pkgDir);
  const dest = join(root, 'grammars', `${id}.wasm`);
  copyFileSync(join(pkgDir, file), dest);
  const bytes = readFileSync(dest);
  const lang = await Language.load(bytes);
  manifest.grammars[id] = {
    package: pkg,
    version,
    // The .wasm is built from the package's grammar and ships in the extension under that package's licence.
    license: pkgJson(pkgDir).license,
    file: `${id}.wasm`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    abi: lang.abiVersion,
  };
  console.log(`${id.padEnd(11)} ${pkg}@${version} abi ${lang.abiVersion}`);
}
writeFileSync(join(root, 'grammars', 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
