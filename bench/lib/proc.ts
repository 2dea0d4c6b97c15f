/** Runs a command and measures its wall time and peak RSS (the largest process of the run, via getrusage). */
import { spawnSync } from 'node:child_process';

export interface TimedRun {
  wallMs: number;
  maxRssBytes: number;
  code: number;
  stdout: string;
  stderr: string;
}

// Python's resource module is the plain way to read RUSAGE_CHILDREN.ru_maxrss; Node has no call for a child's.
const WRAPPER = `
import json, resource, subprocess, sys, time
t = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
wall = (time.perf_counter() - t) * 1000
sys.stdout.buffer.write(p.stdout)
sys.stderr.buffer.write(p.stderr)
sys.stderr.write("\\n@@TIMED@@" + json.dumps({"wallMs": wall, "maxRssKb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "code": p.returncode}))
`;

export function timed(cmd: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): TimedRun {
  const r = spawnSync('python3', ['-c', WRAPPER, cmd, ...args], { cwd, env, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.error) throw r.error;
  const at = r.stderr.lastIndexOf('\n@@TIMED@@');
  if (at < 0) throw new Error(`timing wrapper failed for ${cmd}: ${r.stderr.slice(-2000)}`);
  const m = JSON.parse(r.stderr.slice(at + 10)) as { wallMs: number; maxRssKb: number; code: number };
  return { wallMs: m.wallMs, maxRssBytes: m.maxRssKb * 1024, code: m.code, stdout: r.stdout, stderr: r.stderr.slice(0, at) };
}
