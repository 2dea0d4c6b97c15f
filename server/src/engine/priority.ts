/**
 * A finding's priority: how urgently to fix it, from severity × confidence × exposure, with one short phrase
 * saying why. Computed in the engine's `finalize()` so the editor, the CLI and CI rank alike, from the finding's
 * own data (its pack, CWE, properties, trace) and the file's path inside the workspace (`path-class.ts`).
 */
import { classifyPath } from './path-class';
import { isInputKind, type InputKind } from './taint/input-kind';
import type { Finding, Severity } from './types';

export type PriorityLevel = NonNullable<Finding['priority']>['level'];
export const PRIORITY_LEVELS: readonly PriorityLevel[] = ['p1', 'p2', 'p3', 'p4'];

export function parsePriorityLevel(value: unknown): PriorityLevel | undefined {
  return typeof value === 'string' && (PRIORITY_LEVELS as readonly string[]).includes(value) ? (value as PriorityLevel) : undefined;
}

/** Score of the severity alone, before confidence and exposure. */
const SEVERITY_SCORE: Record<Severity, number> = { critical: 85, high: 70, medium: 45, low: 22, info: 5 };

/** Lowest score of each level; below p3's is p4. */
const LEVEL_FLOOR: Record<Exclude<PriorityLevel, 'p4'>, number> = { p1: 80, p2: 55, p3: 30 };

/** What a weakness class lets input reach, by CWE, for the reason phrase. */
const SINK_NOUN: Record<string, string> = {
  'CWE-89': 'SQL',
  'CWE-943': 'a NoSQL query',
  'CWE-78': 'a shell command',
  'CWE-77': 'a shell command',
  'CWE-79': 'HTML output',
  'CWE-22': 'a file path',
  'CWE-918': 'an outgoing request',
  'CWE-601': 'a redirect',
  'CWE-94': 'code evaluation',
  'CWE-95': 'code evaluation',
  'CWE-502': 'deserialization',
  'CWE-1336': 'a template',
  'CWE-117': 'a log',
  'CWE-611': 'an XML parser',
  'CWE-1321': 'an object prototype',
  'CWE-501': 'the session',
};

/** Where the finding is: its absolute path and the workspace root (the path is classified inside the root only). */
export interface PriorityContext {
  path: string;
  root?: string;
}

type Exposure = { factor: number; reason: string };

const prop = (f: Finding, key: string) => f.properties?.[key];

/**
 * How much each kind of input raises or lowers a flow's priority, and the phrase saying why. A server's request
 * comes from anyone on the network; a page's input from whoever links to it; an archive's names from whoever made
 * it; process input from whoever starts the program (often its own user).
 */
const INPUT_EXPOSURE: Record<InputKind, { factor: number; reason: (noun: string, crossFile: boolean) => string }> = {
  request: { factor: 1.15, reason: (noun, cross) => (cross ? `request input reaches ${noun} through another file` : `request input reaches ${noun} in a handler`) },
  page: { factor: 0.9, reason: (noun) => `page input reaches ${noun} in the browser` },
  archive: { factor: 1, reason: (noun) => `an archive's entry name reaches ${noun}` },
  process: { factor: 0.75, reason: (noun) => `process input (arguments, environment, files) reaches ${noun}` },
  stored: { factor: 0.85, reason: (noun) => `stored data reaches ${noun} (second-order)` },
  library: { factor: 0.85, reason: (noun) => `an exported function's caller controls ${noun}` },
};

function taintExposure(f: Finding): Exposure {
  const noun = f.cwe.map((c) => SINK_NOUN[c]).find((n) => n !== undefined) ?? 'a sensitive call';
  if (prop(f, 'kind') === 'pattern' || prop(f, 'untraced') === true || (prop(f, 'source') === undefined && !f.trace?.some((s) => s.kind === 'source'))) {
    // A weakness found by its shape alone: no input was traced to it, e.g. a helper inside library code.
    return { factor: 0.8, reason: `unsafe use of ${noun}, no input traced to it` };
  }
  const input = prop(f, 'input');
  if (!isInputKind(input)) return { factor: 1, reason: `untrusted input reaches ${noun}` };
  // A trace through another file, or a request another file passes in (`calledFrom`).
  const crossFile = (f.trace ?? []).some((s) => s.path !== undefined) || typeof prop(f, 'calledFrom') === 'string';
  const x = INPUT_EXPOSURE[input];
  return { factor: x.factor, reason: x.reason(noun, crossFile) };
}

function secretExposure(f: Finding): Exposure {
  const x = prop(f, 'exposure');
  if (typeof x === 'object' && x.pushed === true) return { factor: 1.15, reason: 'secret pushed to a remote' };
  if (typeof x === 'object' && x.commit !== undefined) return { factor: 1.05, reason: 'secret committed to git history' };
  if (prop(f, 'context') === 'comment') return { factor: 0.8, reason: 'secret in a comment' };
  return { factor: 1, reason: 'hard-coded secret' };
}

function dependencyExposure(f: Finding): Exposure {
  const r = prop(f, 'reachable');
  if (r === true) return { factor: 1.15, reason: 'vulnerable dependency reachable from your code' };
  if (r === false) return { factor: 0.7, reason: 'vulnerable dependency, not called from your code' };
  return { factor: 1, reason: 'vulnerable dependency' };
}

function configExposure(f: Finding): Exposure {
  const x = prop(f, 'exposure');
  // Written by the config pack when a resource faces the internet (a public port, bucket or ingress).
  if (x === 'internet' || x === 'public' || (typeof x === 'object' && (x.internet === true || x.public === true))) {
    return { factor: 1.15, reason: 'exposed to the internet' };
  }
  if (x === 'internal' || x === 'private') return { factor: 0.85, reason: 'not exposed to the internet' };
  return { factor: 1, reason: 'insecure configuration' };
}

function exposureOf(f: Finding): Exposure {
  switch (f.pack) {
    case 'taint':
      return taintExposure(f);
    case 'secrets':
      return secretExposure(f);
    case 'dependencies':
      return dependencyExposure(f);
    case 'config':
      return configExposure(f);
    default:
      return { factor: 1, reason: 'about Vigil itself' };
  }
}

/** How sure the rule is: a `properties.confidence` of high or low (a secret's checksum), else medium. */
function confidenceFactor(f: Finding): number {
  const c = prop(f, 'confidence');
  return c === 'high' ? 1.05 : c === 'low' ? 0.7 : 1;
}

/** The last path classified: every finding of a run has the same path, and `classifyPath` runs a dozen regexes. */
let lastPath: { path: string; root: string | undefined; where: ReturnType<typeof classifyPath> } | undefined;

function pathClassOf(path: string, root: string | undefined): ReturnType<typeof classifyPath> {
  if (lastPath?.path !== path || lastPath.root !== root) lastPath = { path, root, where: classifyPath(path, root) };
  return lastPath.where;
}

/** The finding's priority (see the file comment). Pure: the same finding and path always give the same answer. */
export function prioritize(f: Finding, ctx: PriorityContext): NonNullable<Finding['priority']> {
  const exposure = exposureOf(f);
  const where = pathClassOf(ctx.path, ctx.root);
  // A lockfile is where dependency findings live, not a sign of code that does not run.
  const vendored = where.skip === 'vendored' || where.skip === 'minified' ? where.skip : undefined;
  // Code that does not run in production: what it does matters less, whatever flows through it.
  const pathFactor = vendored ? 0.3 : where.kind === 'code' ? 1 : 0.45;
  const pathReason = vendored ? `in ${vendored} code` : where.kind === 'test' ? 'in test code' : where.kind === 'example' ? 'in example or docs code' : undefined;
  const raw = SEVERITY_SCORE[f.severity] * confidenceFactor(f) * exposure.factor * pathFactor;
  const score = Math.max(0, Math.min(100, Math.round(raw)));
  const level: PriorityLevel = score >= LEVEL_FLOOR.p1 ? 'p1' : score >= LEVEL_FLOOR.p2 ? 'p2' : score >= LEVEL_FLOOR.p3 ? 'p3' : 'p4';
  return { score, level, reason: pathReason ?? exposure.reason };
}

/** Highest priority first; ties by rule id (a stable sort keeps the rest in position order). */
export function comparePriority(a: Finding, b: Finding): number {
  return (b.priority?.score ?? 0) - (a.priority?.score ?? 0) || a.ruleId.localeCompare(b.ruleId);
}

/** Whether the finding is at `min` or more urgent (p1 is the most urgent). A finding without a priority passes. */
export function passesMinPriority(f: Finding, min: PriorityLevel): boolean {
  return !f.priority || PRIORITY_LEVELS.indexOf(f.priority.level) <= PRIORITY_LEVELS.indexOf(min);
}
