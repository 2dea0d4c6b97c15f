/**
 * `vigil score --history 50` on a generated repository: 200 files (generated code in every language, some with
 * findings), 50 commits each changing 4 files. Prints the wall time and how many file versions were really scanned
 * (the rest come from the blob cache). A target row of `npm run bench` (`--only history`), or alone:
 *   npm run build && node --import tsx bench/parts/score-history.ts
 * No assertion on time: the number is for reading.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateFile } from '../corpus/generate';
import { manyGeneratedFiles } from '../lib/corpus';
import { CLI_JS, RAW } from '../lib/paths';

export interface ScoreHistoryResult {
  files: number;
  commits: number;
  seconds: number;
  filesScanned: number;
  score: number;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

export function runScoreHistory(files = 200, commits = 50, lines = 150): ScoreHistoryResult {
  const folder = 'score-history';
  const dir = join(RAW, folder);
  rmSync(dir, { recursive: true, force: true });
  const generated = manyGeneratedFiles(files, lines, folder);
  git(dir, 'init', '-q', '-b', 'main');
  const id = ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false'];
  git(dir, 'add', '-A');
  git(dir, ...id, 'commit', '-q', '-m', 'c0');
  for (let c = 1; c < commits; c++) {
    // Each commit rewrites 4 files with other generated code in the file's own language (a .py file gets Python:
    // code in another language would measure the parser's error recovery, not a history): 4 new blobs per commit.
    for (let k = 0; k < 4; k++) {
      const target = generated[(c * 4 + k) % generated.length]!;
      const comment = target.lang === 'python' ? '#' : '//';
      writeFileSync(target.path, `${generateFile(target.lang, lines, 10_000 + c * 4 + k).text}\n${comment} revision ${c}\n`);
    }
    git(dir, 'add', '-A');
    git(dir, ...id, 'commit', '-q', '-m', `c${c}`);
  }
  const t0 = performance.now();
  const out = execFileSync(process.execPath, [CLI_JS, 'score', '--history', String(commits), '--format', 'json', '--quiet'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  const seconds = (performance.now() - t0) / 1000;
  const doc = JSON.parse(out) as { score: number; filesScanned: number };
  return { files, commits, seconds: Math.round(seconds * 10) / 10, filesScanned: doc.filesScanned, score: doc.score };
}

if (require.main === module) {
  const r = runScoreHistory();
  process.stdout.write(`vigil score --history ${r.commits} on ${r.files} files: ${r.seconds} s, ${r.filesScanned} file versions scanned, score ${r.score}\n`);
}
