// Library input built into code, ES module exports: named, default, exported objects and class methods.
import vm from 'node:vm';

export const filter = (expr: string) =>
  // ruleid: js.code-injection.library-input
  new Function('item', 'return (' + expr + ');');

export default function render(template: string, locals: Record<string, unknown>): string {
  const names = Object.keys(locals);
  // ruleid: js.code-injection.library-input
  const fn = new Function(...names, 'return `' + template + '`;');
  return fn(...names.map((n) => locals[n]));
}

export async function runPlugin(source: string, sandbox: object): Promise<unknown> {
  // ruleid: js.code-injection.library-input
  return vm.runInNewContext(`(async () => { ${source} })()`, sandbox, { timeout: 1000 });
}

export class Rules {
  when(condition: string): (fact: unknown) => boolean {
    // ruleid: js.code-injection.library-input
    return new Function('fact', `return Boolean(${condition});`) as (fact: unknown) => boolean;
  }

  // ruleid: js.code-injection.library-input
  level(key: string): unknown { return eval('this.levels[' + key + ']'); }

  // A parameter typed number is taken as a number (a TypeScript caller cannot pass text there).
  // ok: js.code-injection.library-input
  depth(n: number): unknown { return eval('this.levels[' + n + ']'); }
}

// ---- negatives ----

export function precision(digits: number): string {
  // ok: js.code-injection.library-input
  return eval('(1 / 3).toFixed(' + Math.floor(digits) + ')');
}

export function safeCompile(template: string): (locals: Record<string, string>) => string {
  // The template is split into parts at run time: no text of it becomes code.
  const parts = template.split(/\{\{(\w+)\}\}/);
  // ok: js.code-injection.library-input
  const join = new Function('parts', 'locals', 'return parts.map((p, i) => (i % 2 ? locals[p] : p)).join("");');
  return (locals) => join(parts, locals);
}

const OPERATORS = new Set(['+', '-', '*', '/']);
export function apply(op: string, a: number, b: number): number {
  if (!OPERATORS.has(op)) throw new Error('bad operator');
  // ok: js.code-injection.library-input
  return new Function('a', 'b', 'return a ' + op + ' b;')(a, b);
}

export function compiled(code: string): vm.Script {
  // ok: js.code-injection.library-input
  return new vm.Script(code);
}
