/**
 * Real Java and Go code for the scan-throughput rows, taken from Debian packages: fetched with `apt-get download`
 * (the ordinary client, from the archive this machine is set up with), pinned by version and checked against its
 * sha256 before anything is unpacked, cached under the scratch folder, unpacked with `dpkg-deb -x`. A corpus that
 * cannot be had (no apt-get, a pin the archive no longer holds, a digest that differs) comes back as a reason to
 * print as a "skipped" row, never as an error that stops the other parts.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { RAW } from './paths';

/** One pinned Debian binary package. */
export interface DebianPackage {
  name: string;
  version: string;
  /** sha256 of the .deb, as the archive's Packages index lists it. */
  sha256: string;
  /** The upstream project, in words, for the report. */
  project: string;
}

/** A corpus made of the files that `select` picks from its unpacked packages. */
export interface DebianCorpusSpec {
  name: 'java' | 'go';
  packages: DebianPackage[];
  /** The files to scan, from the folder each package was unpacked into (by package name). */
  select: (unpacked: Record<string, string>, into: string) => string[];
}

export type DebianCorpus =
  /** `root`: the folder holding exactly `files` (the one to scan). */
  | { name: string; ok: true; root: string; files: string[]; bytes: number; lines: number; packages: DebianPackage[] }
  | { name: string; ok: false; skipped: string; packages: DebianPackage[] };

/** Where .deb files are kept between runs (a pinned file with the right digest is not fetched again). */
export const DEB_CACHE = join(RAW, 'debian-cache');

/** Modules of the JDK's own sources scanned: network, SQL, naming (JNDI), logging, scripting. */
export const JDK_MODULES = ['java.net.http', 'jdk.httpserver', 'java.sql', 'java.naming', 'java.logging', 'java.scripting'];

/**
 * Java: the OpenJDK 17 class library's sources (the `src.zip` of Debian 12's openjdk-17-source), the modules in
 * `JDK_MODULES`. The pin is bookworm's main archive (security updates land under another version).
 */
export const JAVA_CORPUS: DebianCorpusSpec = {
  name: 'java',
  packages: [{ name: 'openjdk-17-source', version: '17.0.19+10-1~deb12u2', sha256: '2591b37131025f872f057be99467b45f7fa2aed928c8d779208db9c3239e1190', project: 'OpenJDK 17 class library sources' }],
  select: (unpacked, into) => {
    const zip = join(unpacked['openjdk-17-source']!, 'usr', 'lib', 'jvm', 'openjdk-17', 'lib', 'src.zip');
    if (!existsSync(zip)) throw new Skip(`openjdk-17-source has no ${zip.slice(unpacked['openjdk-17-source']!.length)}`);
    // Python's zipfile: python3 is already required by the bench (bench/lib/proc.ts), unzip is not.
    const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n    if n.endswith(".java") and n.split("/")[0] in sys.argv[3:]:\n        z.extract(n, sys.argv[2])\n';
    run('python3', ['-c', script, zip, into, ...JDK_MODULES]);
    return walk(into, (p) => p.endsWith('.java'));
  },
};

/**
 * Go: web frameworks and routers as Debian 12 packages them (`golang-*-dev` ship the module's sources, tests
 * included, under /usr/share/gocode/src): Gin, Echo, chi, gorilla/mux, Revel, and sqlx for SQL.
 */
export const GO_CORPUS: DebianCorpusSpec = {
  name: 'go',
  packages: [
    { name: 'golang-github-gin-gonic-gin-dev', version: '1.8.1-1', sha256: '66d916769bcd36a6722b0c92a81719b8faca56f69662b17d1ef7ba257c85367a', project: 'Gin 1.8.1' },
    { name: 'golang-github-labstack-echo-dev', version: '4.2.1-3', sha256: '3ec383b8cb239c415d9ab83b3e8871524931f6da13e75e41baf580b74b3599ef', project: 'Echo 4.2.1' },
    { name: 'golang-github-go-chi-chi-dev', version: '5.0.7-1', sha256: '70beea5ca4f20af122e8083c91b56b6055df895595c7d9dcf286fadd4ad26f9b', project: 'chi 5.0.7' },
    { name: 'golang-github-gorilla-mux-dev', version: '1.8.0-1', sha256: '0880a4019fe68496a0e0a749c2948c029e489f49edd448bed2fedaba33f848c2', project: 'gorilla/mux 1.8.0' },
    { name: 'golang-github-revel-revel-dev', version: '1.0.0-2', sha256: 'eefaa9a782736516531e4596094a55c2910539ee8c3eab2324986d54d87fe1b8', project: 'Revel 1.0.0' },
    { name: 'golang-github-jmoiron-sqlx-dev', version: '1.3.5-1', sha256: '6172e08bab1955867f3ad2aece8b01a7056a94d6698c026b6cf8ac6db2661c64', project: 'sqlx 1.3.5' },
  ],
  select: (unpacked, into) => {
    // Copied out of the unpacked packages so the scanned folder holds the sources alone (not Debian's docs).
    for (const dir of Object.values(unpacked)) {
      const base = join(dir, 'usr', 'share', 'gocode', 'src');
      for (const f of walk(base, (p) => p.endsWith('.go'))) {
        const dest = join(into, relative(base, f));
        mkdirSync(dirname(dest), { recursive: true });
        copyFileSync(f, dest);
      }
    }
    return walk(into, (p) => p.endsWith('.go'));
  },
};

/** A reason to skip the corpus, as opposed to a bug in the bench. */
class Skip extends Error {}

function run(cmd: string, args: string[], cwd?: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 600_000 });
  if (r.error) throw new Skip(`${cmd} could not run (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  if (r.status !== 0) {
    const why = `${r.stderr}\n${r.stdout}`.split('\n').map((l) => l.trim()).filter((l) => /^E:/.test(l))[0] ?? r.stderr.trim().split('\n').pop() ?? '';
    throw new Skip(`${cmd} ${args[0]} failed (exit ${r.status}): ${why.slice(0, 300)}`);
  }
  return r.stdout;
}

function walk(dir: string, accept: (p: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, accept, out);
    else if (accept(p)) out.push(p);
  }
  return out;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The pinned .deb in the cache, downloaded if it is not there yet, its digest checked either way. */
function fetchDeb(p: DebianPackage): string {
  mkdirSync(DEB_CACHE, { recursive: true });
  // apt-get names the file name_version_arch.deb, with an epoch's ':' written %3a; these packages are arch all.
  const file = join(DEB_CACHE, `${p.name}_${p.version.replace(/:/g, '%3a')}_all.deb`);
  if (!existsSync(file)) {
    try {
      run('apt-get', ['download', `${p.name}=${p.version}`], DEB_CACHE);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const hint = /Unable to locate|not found|Can't select/i.test(msg) ? ' (run `apt-get update`; if it is still missing, Debian 12 has moved past this pin: update it in bench/lib/debian-corpus.ts)' : '';
      throw new Skip(`${p.name}=${p.version}: ${msg}${hint}`);
    }
    if (!existsSync(file)) throw new Skip(`${p.name}=${p.version}: apt-get download left no ${file}`);
  }
  const got = sha256(file);
  if (got !== p.sha256) {
    rmSync(file, { force: true });
    throw new Skip(`${p.name}=${p.version}: sha256 ${got} is not the pinned ${p.sha256}`);
  }
  return file;
}

/** Fetches, checks and unpacks the corpus into `<scratch>/debian/<name>/`, or says why it cannot. */
export function debianCorpus(spec: DebianCorpusSpec): DebianCorpus {
  const root = join(RAW, 'debian', spec.name);
  try {
    rmSync(root, { recursive: true, force: true });
    const unpacked: Record<string, string> = {};
    for (const p of spec.packages) {
      const deb = fetchDeb(p);
      const dir = join(root, 'unpacked', p.name);
      mkdirSync(dir, { recursive: true });
      run('dpkg-deb', ['-x', deb, dir]);
      unpacked[p.name] = dir;
    }
    const src = join(root, 'src');
    const files = spec.select(unpacked, src);
    if (files.length === 0) throw new Skip('the pinned packages hold no source files of this language');
    let bytes = 0;
    let lines = 0;
    for (const f of files) {
      const buf = readFileSync(f);
      bytes += buf.length;
      for (const b of buf) if (b === 10) lines++;
    }
    return { name: spec.name, ok: true, root: src, files, bytes, lines, packages: spec.packages };
  } catch (e) {
    if (e instanceof Skip) return { name: spec.name, ok: false, skipped: e.message, packages: spec.packages };
    throw e;
  }
}
