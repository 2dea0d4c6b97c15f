/**
 * Shared helpers for the real-editor tests: paths, retry-with-timeout waits, throw-away workspaces, and a
 * code-server started in its own process group with its own HOME/XDG dirs (so nothing lands in the real home
 * and one kill ends its extension host and language server too).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const CACHE_DIR = process.env.VIGIL_CACHE_DIR ?? join(ROOT, '.vigil-cache');
export const CODE_SERVER_BIN = join(CACHE_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const VSIX = join(ROOT, 'dist', 'vigil.vsix');
export const SERVER_JS = join(ROOT, 'dist', 'server.js');
export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS_DIR = join(ROOT, 'test-results');
export const FIXTURE_WORKSPACE = join(__dirname, 'workspace');
export const EXTENSION_ID = 'vigil-security.vigil-scanner';

/** The vulnerable line in the fixture and what the preferred quick fix must turn it into. */
export const SQLI_BEFORE = 'db.query("SELECT * FROM users WHERE id = " + req.query.id)';
export const SQLI_AFTER = 'db.query("SELECT * FROM users WHERE id = ?", [req.query.id])';
export const SQLI_FIX_TITLE = /parameteri[sz]ed query/i;
export const SQLI_RULE = /^js\..*sqli/;

/** Fails with a message that says what to run when a prerequisite of the real-editor tests is missing. */
export function requireFile(path: string, hint: string): void {
  if (!existsSync(path)) throw new Error(`missing ${path}: ${hint}`);
}

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than undefined/false, or throws after the timeout with
 * `what` and the last value/error seen, so a failure says what was being waited for.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, opts: WaitOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const intervalMs = opts.intervalMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
      last = v;
    } catch (e) {
      last = e instanceof Error ? e.message : e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A free loopback port (the OS picks one; a race with another process is possible but unlikely). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** A fresh temp dir for one test run; removed by the returned cleanup unless VIGIL_KEEP_TMP is set. */
export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `vigil-${prefix}-`));
  return {
    dir,
    cleanup: () => {
      if (!process.env.VIGIL_KEEP_TMP) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Copies a fixture workspace so tests may edit and save it freely. */
export function copyWorkspace(src: string, dest: string): string {
  cpSync(src, dest, { recursive: true });
  return dest;
}

/** The environment for an editor process whose home and XDG dirs live under `base`. */
export function isolatedEnv(base: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['VSCODE_IPC_HOOK_CLI', 'VSCODE_PID', 'VSCODE_CWD', 'ELECTRON_RUN_AS_NODE']) delete env[k];
  const dirs = { HOME: 'home', XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', XDG_STATE_HOME: 'state' };
  for (const [k, d] of Object.entries(dirs)) {
    env[k] = join(base, d);
    mkdirSync(env[k]!, { recursive: true });
  }
  return { ...env, ...extra };
}

/** Kills a process started with `detached: true` together with its whole process group. */
export async function killGroup(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pid = child.pid;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs))]);
  // The group can outlive its leader (extension host, language server): always make sure it is gone.
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  if (timedOut) await Promise.race([exited, new Promise((r) => setTimeout(r, 1_000))]);
}

/** Every file under `dir` whose path matches `pattern` (used to find log files after a failure). */
export function findFiles(dir: string, pattern: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) findFiles(p, pattern, out);
    else if (pattern.test(p)) out.push(p);
  }
  return out;
}

/** The tail of a text file, for failure dumps. */
export function tail(path: string, maxChars = 6_000): string {
  try {
    const t = readFileSync(path, 'utf8');
    return t.length > maxChars ? `...${t.slice(-maxChars)}` : t;
  } catch (e) {
    return `(cannot read ${path}: ${e instanceof Error ? e.message : String(e)})`;
  }
}

export interface CodeServer {
  url: string;
  port: number;
  base: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
  /** stdout+stderr of code-server so far. */
  output(): string;
  /** The Vigil output channel, extension host and server logs, for a failure message. */
  logs(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Where code-server's HOME, user data and extensions go. */
  base: string;
  /** A .vsix to install before starting. */
  vsix?: string;
  /** Extra environment for code-server (and so for its extension host). */
  env?: Record<string, string>;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
}

/** Workbench settings that keep the UI quiet and predictable for tests. */
const TEST_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.autoSave': 'off',
};

/** Starts code-server on a free loopback port (auth none), optionally installing a .vsix first. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  requireFile(CODE_SERVER_BIN, 'run `npm run setup:editors` (scripts/setup-editors.sh) first');
  const port = await freePort();
  const env = isolatedEnv(opts.base, opts.env);
  const userDataDir = join(opts.base, 'user-data');
  const extensionsDir = join(opts.base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...TEST_SETTINGS, ...opts.settings }, null, 2));
  const config = join(opts.base, 'code-server.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  if (opts.vsix) {
    requireFile(opts.vsix, 'run `npm run package` first');
    const r = spawnSync(CODE_SERVER_BIN, [...common, '--install-extension', opts.vsix, '--force'], { env, encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`installing ${opts.vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }

  let out = '';
  const child = spawn(CODE_SERVER_BIN, [...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], {
    env,
    detached: true, // own process group: one kill ends code-server, its extension host and the language server
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));

  const url = `http://127.0.0.1:${port}`;
  const cs: CodeServer = {
    url,
    port,
    base: opts.base,
    userDataDir,
    extensionsDir,
    env,
    output: () => out,
    logs: () => {
      const files = findFiles(join(userDataDir, 'logs'), /(Vigil[^/]*\.log|exthost\.log|remoteexthost\.log|remoteagent\.log)$/);
      return files.map((f) => `--- ${f}\n${tail(f)}`).join('\n') || '(no log files found)';
    },
    stop: () => killGroup(child),
  };
  try {
    await waitFor(
      `code-server to answer on ${url}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}: ${out}`);
        const r = await fetch(`${url}/healthz`);
        return r.ok;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  } catch (e) {
    await cs.stop();
    throw new Error(`${e instanceof Error ? e.message : String(e)}\ncode-server output:\n${out}`);
  }
  return cs;
}

/** The workbench URL that opens `folder`, optionally with a payload (e.g. extension test paths). */
export function workbenchUrl(cs: CodeServer, folder: string, payload?: [string, string][]): string {
  let u = `${cs.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** Chromium flags that work headless as root on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** code-server with the packaged extension on a throw-away copy of the fixture workspace, and a chromium page. */
export interface EditorSession {
  cs: CodeServer;
  page: Page;
  /** The workspace folder code-server opens. */
  workspace: string;
  /** Screenshot to test-results/<prefix>-<name>.png. */
  shot(name: string): Promise<void>;
  /** Runs a test step; a failure carries a screenshot, the code-server and Vigil logs and the browser console. */
  step<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts an `EditorSession` (the .vsix must be built). `prepare` may change the workspace copy before code-server
 * starts (e.g. make it a git repository).
 */
export async function startEditorSession(prefix: string, prepare?: (workspace: string) => void): Promise<EditorSession> {
  requireFile(VSIX, 'run `npm run package` first');
  mkdirSync(RESULTS_DIR, { recursive: true });
  const tmp = tempDir(prefix);
  const consoleLines: string[] = [];
  let cs: CodeServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await cs?.stop();
    tmp.cleanup();
  };
  try {
    const workspace = copyWorkspace(FIXTURE_WORKSPACE, join(tmp.dir, 'workspace'));
    prepare?.(workspace);
    cs = await startCodeServer({ base: tmp.dir, vsix: VSIX });
    context = await chromium.launchPersistentContext(join(tmp.dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    const server = cs;
    const shot = async (name: string) => {
      await page.screenshot({ path: join(RESULTS_DIR, `${prefix}-${name}.png`) });
    };
    const step = async <T>(fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (e) {
        const parts = [e instanceof Error ? e.message : String(e)];
        await shot('failure').then(
          () => parts.push(`screenshot: ${join(RESULTS_DIR, `${prefix}-failure.png`)}`),
          () => undefined, // the page may be gone
        );
        parts.push(`== code-server logs ==\n${server.logs()}`, `== code-server output ==\n${server.output().slice(-3_000)}`);
        parts.push(`== browser console (last 40) ==\n${consoleLines.slice(-40).join('\n')}`);
        // Repeated last: CI shows the tail of a failure's output.
        parts.push(`== failed: ${parts[0]}`);
        throw new Error(parts.join('\n\n'));
      }
    };
    return { cs: server, page, workspace, shot, step, close };
  } catch (e) {
    await close();
    throw e;
  }
}
