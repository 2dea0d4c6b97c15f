// An ES module package in TypeScript: exported functions, an exported class, an options object.
import { exec, execSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as vm from 'node:vm';
import shell from 'shelljs';
import { execaCommand } from 'execa';

const run = promisify(exec);

export interface ConvertOptions {
  format: string;
  quality?: number;
}

export async function convertImage(src: string, opts: ConvertOptions): Promise<string> {
  // ruleid: js.cmdi.library-input-shell
  const { stdout } = await run(`magick ${src} -format ${opts.format} out`);
  return stdout;
}

export function diskUsage({ path, depth }: { path: string; depth: number }): string {
  // ruleid: js.cmdi.library-input-shell
  return execSync(`du -d ${depth} ${path}`).toString();
}

export const openUrl = (url: string): void => {
  // ruleid: js.cmdi.library-input-shell
  shell.exec(`xdg-open "${url}"`);
};

export default function notify(title: string, body: string): void {
  // ruleid: js.cmdi.library-input-shell
  exec('notify-send ' + JSON.stringify(title) + ' ' + body);
}

export class Repo {
  constructor(private readonly dir: string) {}

  tag(name: string): Promise<unknown> {
    // ruleid: js.cmdi.library-input-shell
    return execaCommand(`git -C repo tag ${name}`);
  }

  private raw(line: string): Buffer {
    // ok: js.cmdi.library-input-shell
    return execSync('git ' + line);
  }

  _internal(name: string): Buffer {
    // ok: js.cmdi.library-input-shell
    return execSync('git branch ' + name);
  }

  count(limit: number): Buffer {
    // ok: js.cmdi.library-input-shell
    return execSync('git log -n ' + limit);
  }
}

export function template(expr: string): unknown {
  // ruleid: js.code-injection.library-input
  return vm.runInThisContext(`(function () { return ${expr}; })`);
}

export function formula(expr: string, scope: Record<string, number>): unknown {
  // ruleid: js.code-injection.library-input
  return new Function(...Object.keys(scope), `return (${expr});`)(...Object.values(scope));
}

export function shellLine(line: string): Buffer {
  // ok: js.cmdi.library-input-shell
  return execSync(line);
}

export function onlyDigits(n: string): Buffer {
  if (!/^\d+$/.test(n)) throw new Error('not a number');
  // ok: js.cmdi.library-input-shell
  return execSync(`sleep ${n}`);
}

function helperNotExported(x: string): Buffer {
  // ok: js.cmdi.library-input-shell
  return execSync('echo ' + x);
}

export function constantOnly(): Buffer {
  return helperNotExported('hello');
}
