/**
 * What a file's path says about it: test code, an example or docs file, vendored or generated. The one
 * classification every host uses (the editor, the workspace scan and the CLI all pass the workspace root), taken
 * from the path INSIDE the workspace only: a folder above it (`/home/me/examples/shop`) is where the project
 * happens to live, not what the file is, and would otherwise lower or hide real secrets.
 */
import { basename, isAbsolute, relative, sep } from 'node:path';
import { grammarFor, languageIdForPath, TAINT_GRAMMARS } from './languages';

/** `code` unless the path names test code or an example/docs file. */
export type PathKind = 'code' | 'test' | 'example';

export interface PathClass {
  kind: PathKind;
  /** Set when findings in this file would be noise: lockfile, vendored, minified bundle. */
  skip?: string;
}

/**
 * The path relative to `root` with `/` separators. Without a root, or for a file outside it, the file name alone:
 * no folder of an unknown location may classify the file.
 */
export function workspaceRelativePath(path: string, root: string | undefined): string {
  if (root) {
    const rel = relative(root, path);
    if (rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return basename(path.replace(/\\/g, '/'));
}

/** Classifies a file by its path inside the workspace `root` (see `workspaceRelativePath`). */
export function classifyPath(path: string, root: string | undefined): PathClass {
  const rel = workspaceRelativePath(path, root);
  const kind: PathKind = isTestPath(rel) ? 'test' : isExamplePath(rel) ? 'example' : 'code';
  const skip = skippedPathReason(rel);
  return skip ? { kind, skip } : { kind };
}

/** Lockfiles, vendored or generated code, minified bundles: findings there would be noise. */
function skippedPathReason(rel: string): string | undefined {
  const p = rel.replace(/\\/g, '/');
  const base = p.slice(p.lastIndexOf('/') + 1).toLowerCase();
  if (
    /^(?:\.?package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|composer\.lock|gemfile\.lock|cargo\.lock|poetry\.lock|pipfile\.lock|uv\.lock|go\.sum|packages\.lock\.json|pubspec\.lock|mix\.lock|podfile\.lock|flake\.lock)$/.test(base)
  ) {
    return 'lockfile';
  }
  if (/(?:^|\/)(?:node_modules|vendor|third_party|bower_components|\.git)\//.test(p)) return 'vendored';
  if (/\.min\.(?:js|mjs|css)$|\.map$|[.-]bundle\.js$/.test(base)) return 'minified';
  return undefined;
}

/** Test code: findings keep showing, at low severity. */
function isTestPath(rel: string): boolean {
  const p = rel.replace(/\\/g, '/').toLowerCase();
  return (
    /(?:^|\/)(?:test|tests|__tests__|spec|specs|__mocks__|__stubs__|testdata|test-data|_{0,2}fixtures?(?:__)?|test-?fixtures)\//.test(p) ||
    // The word among others, joined by `-` or `_` (`test-environments/`, `integration_tests/`, `e2e-tests/`).
    /(?:^|\/)(?:[a-z0-9]+[-_])*tests?(?:[-_][a-z0-9]+)*\//.test(p) ||
    // End-to-end test folders (`e2e/`, `cypress/`, `playwright/`), and a test or CI run's own settings: `.env.test`,
    // `.env.ci`, `phpunit.xml`, a compose file for a test stack (`compose.ci.yaml`, `docker-compose.test.yml`).
    /(?:^|\/)(?:e2e|cypress|playwright)\//.test(p) ||
    // The word among others in the env file's name too (`.env.testing-ci`, `.env.unit-tests`, `.env.ci.local`).
    // Also a CI service's own (`.env.travis`, `.env.circleci`).
    /(?:^|\/)\.env\.(?:[a-z0-9]+[._-])*(?:tests?|testing|ci|e2e|travis|circleci)(?:[._-][a-z0-9]+)*$/.test(p) ||
    // A settings file named for the test or CI environment (Django's `settings/ci.py`, Rails' `config/settings/test.yml`).
    /(?:^|\/)(?:settings|config|conf|environments?)\/(?:[\w-]+\/)*(?:test|testing|ci)\.(?:py|ya?ml|rb|json|toml|ini|php|exs?)$/.test(p) ||
    // The same named the other way round (`test.env`, `app.ci.env`, `e2e.env`), and a CI run's configuration folder
    // (`ci-config/`, `ci_env/`). A workflow named for tests is not test code (its own steps run with the repository's
    // secrets); the secrets pack lowers only the generic values it sets (`testWorkflowReason`).
    /(?:^|\/)(?:[a-z0-9]+[._-])*(?:tests?|testing|ci|e2e)(?:[._-][a-z0-9]+)*\.env$/.test(p) ||
    /(?:^|\/)\.?ci[-_](?:config|configs|env|envs|settings|fixtures?)\//.test(p) ||
    /(?:^|\/)phpunit\.xml(?:\.dist)?$/.test(p) ||
    /(?:^|\/)(?:docker-)?compose(?:[.-][a-z0-9_-]+)*[.-](?:test|testing|ci|e2e|cypress)(?:[.-][a-z0-9_-]+)*\.ya?ml$/.test(p) ||
    /[._-](?:test|spec)\.[a-z0-9]+$/.test(p) ||
    // Type tests: tsd's `index.test-d.ts` and tstyche's `index.tst.ts` are compiled by the checker, never run.
    /\.(?:test-d|tst)\.[cm]?tsx?$/.test(p) ||
    // Django's per-app test module (`tests.py`), and a file named for test certificates or keys (`testcert.go`,
    // `test_keys.py`, `testdata.go`): what a test suite loads, not what the program ships.
    // Rust's test-module file (`src/tests.rs`, what `#[cfg(test)] mod tests;` loads).
    /(?:^|\/)tests\.(?:py|rs)$/.test(p) ||
    /(?:^|\/)test[-_]?(?:certs?|certificates?|keys?|tls|pki|data)\.[a-z0-9]+$/.test(p) ||
    /(?:^|\/)test_[^/]*\.py$/.test(p) ||
    // pytest's shared fixtures module.
    /(?:^|\/)conftest\.py$/.test(p) ||
    /_test\.(?:py|go)$/.test(p) ||
    // Perl's and Test::Nginx's test layout: a `t/` (or author tests' `xt/`) folder of `.t` scripts; a folder named
    // for tests behind an underscore (DokuWiki's `_test/`).
    /(?:^|\/)x?t\/|\.t$/.test(p) ||
    /(?:^|\/)_+tests?\//.test(p)
  );
}

/**
 * Example and documentation paths: findings keep showing, at low severity. Markup documentation (README,
 * changelog, guides) is judged by its extension: its credentials are almost always made-up examples.
 */
function isExamplePath(rel: string): boolean {
  const p = rel.replace(/\\/g, '/').toLowerCase();
  return (
    /\.(?:md|markdown|rst|adoc|asciidoc)$/.test(p) || /(?:^|\/)(?:examples?|samples?|demos?|docs?)\//.test(p) || /\.(?:example|sample|template|dist)$/.test(p) || /\.(?:example|sample)\.[a-z0-9]+$/.test(p) ||
    // An env file named for an example (`sample.env`, `app.template.env`), as `.env.example` is.
    /(?:^|\/)(?:[a-z0-9]+[._-])*(?:examples?|samples?|template)\.env$/.test(p) ||
    // The word among others in a folder's name, joined by `-` or `_` (`example_configs/`, `sample-apps/`).
    /(?:^|\/)(?:[a-z0-9]+[-_])*(?:examples?|samples?)(?:[-_][a-z0-9]+)+\/|(?:^|\/)(?:[a-z0-9]+[-_])+(?:examples?|samples?)\//.test(p) ||
    // Manual pages (`man/man3/Mojo::URL.3pm`) and Perl's POD files: documentation, as Markdown is.
    /(?:^|\/)man\/man[0-9n][a-z]*\/|\.pod$/.test(p) ||
    isStandIn(p)
  );
}

/** A name that says placeholder, dummy or fake, as a word of it (`ssl_PLACE_HOLDER.key`, `fake-server`). */
const STAND_IN = /(?:^|[._-])(?:place[_-]?holder|dummy|fake)(?:[._-]|$)/;

/**
 * A folder named a stand-in (`fake-server/`), or a file so named that is not source code the taint pack reads: a
 * `Placeholder.tsx` component or a `dummy_handlers.py` module is code, whose findings must keep their severity.
 */
function isStandIn(p: string): boolean {
  const parts = p.split('/');
  const file = parts.pop()!;
  if (parts.some((d) => STAND_IN.test(d))) return true;
  const grammar = STAND_IN.test(file) ? grammarFor(languageIdForPath(file), file) : undefined;
  return STAND_IN.test(file) && !(grammar && TAINT_GRAMMARS.includes(grammar));
}
