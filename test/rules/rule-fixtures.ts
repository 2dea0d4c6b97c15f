/**
 * Rule fixture checking, semgrep-style: annotations on the line before a target line say what must (not) be found.
 *   ruleid: <id>      a finding of <id> must start on the next line
 *   ok: <id>          no finding of <id> there
 *   todoruleid: <id>  known false negative: none expected yet (reported if it starts passing)
 *   todook: <id>      known false positive: a finding is expected there for now
 * An annotation trailing code (`call(); // ok: x`) applies to its own line.
 * Every non-meta finding must be annotated. A `.fixed.` sibling holds the text after applying every preferred fix.
 * A `# vigil-fixture-path: <relative path>` line in the first lines scans the fixture as if it were at that path
 * (relative to the fixture's folder), for file kinds recognised by path such as `.github/workflows/*.yml`.
 * Template files (`.ejs`, `.pug`, `.hbs`, `.njk`, `.html`...) in the fixture's folder and below are the workspace's
 * templates for its render calls, as a workspace scan would read them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { parseHcl } from '../../server/src/engine/iac/hcl';
import { basename, dirname, join } from 'node:path';
import { Engine } from '../../server/src/engine/engine';
import { languageIdForPath } from '../../server/src/engine/languages';
import { LineIndex } from '../../server/src/engine/text';
import type { Finding, TextEdit } from '../../server/src/engine/types';
import type { Analyzer } from '../../server/src/engine/analyzer';
import { buildTemplateIndex, isTemplatePath, templateFacts, type TemplateIndex } from '../../server/src/engine/templates/template-index';
import { configuredTemplateFolders, mayConfigureTemplates } from '../../server/src/engine/templates/template-config';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

export interface Annotation {
  kind: AnnotationKind;
  ruleId: string;
  /** Zero-based target line (the first non-annotation line after the comment). */
  line: number;
}

export interface FixtureProblem {
  kind: 'missing' | 'noisy' | 'wrong-fix' | 'fix-breaks-syntax' | 'fix-leaves-finding' | 'todo-now-passes' | 'error';
  line?: number;
  ruleId?: string;
  message: string;
}

export interface FixtureResult {
  file: string;
  annotations: Annotation[];
  findings: Finding[];
  problems: FixtureProblem[];
}

const ANNOTATION_RE = /\b(todoruleid|todook|ruleid|ok):\s*([A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*)/g;

/** A comment opens before an annotation: a trailing `//`, `#`, `/*` or `<!--`, or a line starting `--`, `;` or `*`. */
const COMMENT_BEFORE_RE = /(\/\/|#|\/\*|<!--)|^\s*(--|;|\*)/;

/** Parses the annotations of a fixture text. */
export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: Annotation[] = [];
  let pending: { kind: AnnotationKind; ruleId: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const found: { kind: AnnotationKind; ruleId: string }[] = [];
    for (const m of lines[i]!.matchAll(ANNOTATION_RE)) {
      // Only inside a comment: code such as `{ ok: true }` or `res.json({ ok: result })` is not an annotation.
      if (!COMMENT_BEFORE_RE.test(lines[i]!.slice(0, m.index))) continue;
      for (const id of m[2]!.split(',')) found.push({ kind: m[1] as AnnotationKind, ruleId: id.trim() });
    }
    // A line holding only an annotation comment points at the next line.
    const onlyComment = found.length > 0 && /^\s*(\/\/|#|\/\*|<!--|--|;|\*)/.test(lines[i]!);
    if (onlyComment) {
      pending.push(...found);
      continue;
    }
    for (const p of pending) out.push({ ...p, line: i });
    // An annotation trailing code on the same line applies to that line.
    for (const f of found) out.push({ ...f, line: i });
    pending = [];
  }
  return out;
}

/** Finds fixture files (`*.fixture.*`) under a folder. */
export function findFixtures(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.includes('.fixture.')) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Applies non-overlapping edits to a text (edits in document coordinates). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  const abs = edits
    .map((e) => ({ start: idx.offsetAt(e.range.start), end: idx.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end)
    // Identical edits from several fixes (e.g. each adding `import os`) apply once.
    .filter((e, i, all) => i === 0 || !(all[i - 1]!.start === e.start && all[i - 1]!.end === e.end && all[i - 1]!.text === e.text));
  let out = text;
  let lastStart = Infinity;
  for (const e of abs) {
    if (e.end > lastStart) continue; // overlapping with a later edit: skip, the fixture will show it
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

const FIXTURE_PATH_RE = /^(?:#|\/\/)\s*vigil-fixture-path:\s*(\S+)\s*$/m;

/** The path a fixture is scanned as: its own, or the one its `vigil-fixture-path:` line names. */
export function fixtureScanPath(file: string, text: string): string {
  const m = FIXTURE_PATH_RE.exec(text.split(/\r?\n/).slice(0, 5).join('\n'));
  return m ? join(dirname(file), m[1]!) : file;
}

const templateIndexes = new Map<string, TemplateIndex | undefined>();

/** The templates under a fixture's folder (none: undefined), read once per folder. */
function fixtureTemplates(dir: string): TemplateIndex | undefined {
  if (templateIndexes.has(dir)) return templateIndexes.get(dir);
  const facts: ReturnType<typeof templateFacts>[] = [];
  // The folders the fixtures' sources configure (`app.set('views', ...)`), as a workspace scan reads them.
  const folders: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.includes('.fixture.') && !name.includes('.fixed.') && isTemplatePath(p)) facts.push(templateFacts(p, readFileSync(p, 'utf8')));
      else if (mayConfigureTemplates(p)) folders.push(...configuredTemplateFolders(readFileSync(p, 'utf8')));
    }
  };
  walk(dir);
  const index = facts.length > 0 ? buildTemplateIndex(facts, [...new Set(folders)]) : undefined;
  templateIndexes.set(dir, index);
  return index;
}

/**
 * Checks one fixture against its annotations and its `.fixed.` sibling. With the engine's `analyzers`, those that
 * take a template index get the templates of the fixture's folder for the scan.
 */
export function checkFixture(engine: Engine, fixtureFile: string, analyzers: readonly Analyzer[] = []): FixtureResult {
  const templates = fixtureTemplates(dirname(fixtureFile));
  const takers = analyzers.filter((a): a is Analyzer & { setTemplateIndex(i: TemplateIndex | undefined): void } => typeof (a as { setTemplateIndex?: unknown }).setTemplateIndex === 'function');
  for (const a of takers) a.setTemplateIndex(templates);
  try {
    return checkFixtureText(engine, fixtureFile);
  } finally {
    for (const a of takers) a.setTemplateIndex(undefined);
  }
}

function checkFixtureText(engine: Engine, fixtureFile: string): FixtureResult {
  const text = readFileSync(fixtureFile, 'utf8');
  const file = fixtureScanPath(fixtureFile, text);
  const languageId = languageIdForPath(file.replace('.fixture.', '.'));
  const settings = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };
  const problems: FixtureProblem[] = [];
  const annotations = parseAnnotations(text);
  let findings: Finding[] = [];
  try {
    const result = engine.scanText(file, languageId, text, settings);
    findings = result.findings.filter((f) => f.pack !== 'meta');
    for (const n of result.notices) problems.push({ kind: 'error', message: `notice: ${n.message}` });
  } catch (e) {
    problems.push({ kind: 'error', message: `scan threw: ${e instanceof Error ? e.stack : String(e)}` });
    return { file: fixtureFile, annotations, findings, problems };
  }
  // A finding whose span starts on an earlier line (a key above its value) is annotated there, as suppressions are.
  const startsOn = (f: Finding, line: number): boolean => f.range.start.line === line || f.spanStartLine === line;
  const at = (line: number, ruleId: string): boolean => findings.some((f) => startsOn(f, line) && f.ruleId === ruleId);
  for (const a of annotations) {
    const hit = at(a.line, a.ruleId);
    if (a.kind === 'ruleid' && !hit) problems.push({ kind: 'missing', line: a.line, ruleId: a.ruleId, message: `expected ${a.ruleId}` });
    if (a.kind === 'ok' && hit) problems.push({ kind: 'noisy', line: a.line, ruleId: a.ruleId, message: `unexpected ${a.ruleId}` });
    if (a.kind === 'todoruleid' && hit) {
      problems.push({ kind: 'todo-now-passes', line: a.line, ruleId: a.ruleId, message: `todoruleid now found: make it ruleid` });
    }
    if (a.kind === 'todook' && !hit) {
      problems.push({ kind: 'todo-now-passes', line: a.line, ruleId: a.ruleId, message: `todook no longer reported: make it ok` });
    }
  }
  for (const f of findings) {
    const expected = annotations.some(
      (a) => startsOn(f, a.line) && a.ruleId === f.ruleId && (a.kind === 'ruleid' || a.kind === 'todook'),
    );
    if (!expected) {
      problems.push({ kind: 'noisy', line: f.range.start.line, ruleId: f.ruleId, message: `unannotated finding ${f.ruleId}: ${f.message}` });
    }
  }
  const fixedPath = join(dirname(fixtureFile), basename(fixtureFile).replace('.fixture.', '.fixed.'));
  if (existsSync(fixedPath)) checkFix(engine, file, text, languageId, findings, readFileSync(fixedPath, 'utf8'), problems);
  return { file: fixtureFile, annotations, findings, problems };
}

function checkFix(
  engine: Engine,
  file: string,
  text: string,
  languageId: string,
  findings: Finding[],
  expected: string,
  problems: FixtureProblem[],
): void {
  const fixed = findings.filter((f) => f.fixes?.some((x) => x.kind === 'fix' && x.isPreferred));
  const edits = fixed.flatMap((f) => f.fixes!.find((x) => x.kind === 'fix' && x.isPreferred)!.edits);
  const actual = applyEdits(text, edits);
  if (actual !== expected) {
    problems.push({ kind: 'wrong-fix', message: `fixed text differs from ${basename(file).replace('.fixture.', '.fixed.')}:\n${diff(expected, actual)}` });
  }
  const doc = engine.open(`vigil-fixcheck:${file}`, file, languageId, actual);
  try {
    if (doc.tree?.rootNode.hasError) problems.push({ kind: 'fix-breaks-syntax', message: 'the fixed text does not parse cleanly' });
    // YAML has no tree-sitter grammar here: the YAML parser checks the fixed text instead.
    if (languageId === 'yaml' && parseAllDocuments(actual).some((d) => d.errors.length > 0)) {
      problems.push({ kind: 'fix-breaks-syntax', message: 'the fixed YAML does not parse cleanly' });
    }
    if (languageId === 'terraform' && !parseHcl(actual)) problems.push({ kind: 'fix-breaks-syntax', message: 'the fixed Terraform does not parse' });
  } finally {
    engine.close(`vigil-fixcheck:${file}`);
  }
  const after = engine.scanText(file, languageId, actual, { ...DEFAULT_SETTINGS, minSeverity: 'info' }).findings;
  const fixedRules = new Set(fixed.map((f) => f.ruleId));
  // The fixed findings must be gone: no finding of a fixed rule may remain with the same fingerprint count.
  for (const ruleId of fixedRules) {
    const before = findings.filter((f) => f.ruleId === ruleId).length;
    const fixedCount = fixed.filter((f) => f.ruleId === ruleId).length;
    const left = after.filter((f) => f.ruleId === ruleId).length;
    if (left > before - fixedCount) {
      problems.push({ kind: 'fix-leaves-finding', ruleId, message: `${ruleId}: ${left} finding(s) remain after fixing ${fixedCount} of ${before}` });
    }
  }
}

function diff(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(e.length, a.length) && out.length < 20; i++) {
    if (e[i] !== a[i]) out.push(`  line ${i + 1}:\n    expected: ${e[i] ?? '<none>'}\n    actual:   ${a[i] ?? '<none>'}`);
  }
  return out.join('\n');
}
