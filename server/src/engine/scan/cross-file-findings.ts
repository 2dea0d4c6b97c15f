/**
 * Where a scan reports a flow into another file's function. The caller's file finds it (the callee's summary says
 * which parameter reaches which sink) and reports it at the call, its trace ending at the sink in the other file.
 * The scan moves it to the sink, where a flow within one file is reported, where the fix goes, and where SARIF
 * consumers look: one finding per sink and rule however many calls reach it (the trace shows the first, by path
 * and position), under the sink file's `vigil-ignore` comments and `.vigil.yml` ignore entries.
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { byPosition, Fingerprints, matchedSnippet } from '../finding-identity';
import { CROSS_FILE_LANGUAGES, grammarFor, languageIdForPath } from '../languages';
import { prioritize } from '../priority';
import { applyIgnoreList, findSuppressions, suppressLineFix, suppressionOf, SUPPRESSION_RULES } from '../suppressions';
import { LineIndex } from '../text';
import type { AnalysisSettings, Finding, TraceStep } from '../types';
import type { ScanFile } from './file-walker';

/** One scanned file's findings, as `FileScanResult` has them. */
export interface FileFindings {
  file: ScanFile;
  findings: Finding[];
  alone: boolean;
}

/**
 * The file of a taint finding's sink when that is another source file than `path`, the file the finding was found
 * in. A template's sink stays with its render call: the template is not code the summaries read.
 */
export function sinkFileElsewhere(f: Finding, path: string): string | undefined {
  if (f.pack !== 'taint') return undefined;
  const last = f.trace?.[f.trace.length - 1];
  if (last?.kind !== 'sink' || last.path === undefined || last.path === path) return undefined;
  return CROSS_FILE_LANGUAGES.has(languageIdForPath(last.path)) ? last.path : undefined;
}

/** A finding the scan moved here from the call in another file (it lists the calls: `calledFrom`). */
export function isFromElsewhere(f: Finding): boolean {
  return f.pack === 'taint' && typeof f.properties?.calledFrom === 'string';
}

/** The scanned text of `file` (its given content, else the file on disk), or undefined when it cannot be read now. */
function readScanned(file: ScanFile): string | undefined {
  try {
    return new TextDecoder('utf-8').decode(file.content ?? readFileSync(file.path));
  } catch {
    return undefined;
  }
}

/** Calls listed in `calledFrom` at most, the rest counted. */
const MAX_CALLS = 20;

/**
 * Moves every cross-file taint finding of `results` to its sink's file (see the file comment), in place. A finding
 * whose sink file is not among the results, or cannot be read again, stays at the call: none is lost. Returns the
 * results whose findings changed.
 */
export function relocateCrossFileFindings<R extends FileFindings>(results: R[], settings: AnalysisSettings, read: (file: ScanFile) => string | undefined = readScanned): Set<R> {
  const changed = new Set<R>();
  const byPath = new Map(results.map((r) => [r.file.path, r]));
  const moving = new Map<R, { finding: Finding; from: R }[]>();
  for (const r of results) {
    for (const f of r.findings) {
      const sink = sinkFileElsewhere(f, r.file.path);
      const target = sink === undefined ? undefined : byPath.get(sink);
      if (target) moving.set(target, [...(moving.get(target) ?? []), { finding: f, from: r }]);
    }
  }
  for (const [target, list] of moving) {
    const text = read(target.file);
    if (text === undefined) continue;
    const lines = new LineIndex(text);
    const grammar = grammarFor(languageIdForPath(target.file.path), target.file.path);
    // The first call by path and position speaks for a sink: the same answer whatever order the workers finished in.
    list.sort((a, b) => a.from.file.path.localeCompare(b.from.file.path) || byPosition(a.finding, b.finding));
    const groups = new Map<string, { at: Finding; calls: string[] }>();
    for (const { finding, from } of list) {
      from.findings = from.findings.filter((f) => f !== finding);
      changed.add(from);
      const sinkStep = finding.trace![finding.trace!.length - 1]!;
      const key = `${finding.ruleId}\u0000${sinkStep.range.start.line}:${sinkStep.range.start.character}`;
      const call = `${relative(target.file.root, from.file.path).split(sep).join('/')}:${finding.range.start.line + 1}`;
      const group = groups.get(key);
      if (group) {
        if (!group.calls.includes(call)) group.calls.push(call);
        continue;
      }
      const trace: TraceStep[] = finding.trace!.map((s) => {
        if (s.path === target.file.path) {
          const { path: _, ...here } = s;
          return here;
        }
        return s.path ? s : { ...s, path: from.file.path };
      });
      const { fingerprint: _f, priority: _p, ...rest } = finding;
      groups.set(key, { at: { ...rest, range: sinkStep.range, trace, fixes: [suppressLineFix(finding.ruleId, sinkStep.range, lines, grammar)] }, calls: [call] });
    }
    const moved = [...groups.values()].map(({ at, calls }) => {
      const shown = calls.length > MAX_CALLS ? [...calls.slice(0, MAX_CALLS), `and ${calls.length - MAX_CALLS} more`] : calls;
      return { ...at, properties: { ...at.properties, calledFrom: shown.join(', ') } };
    });
    target.findings = withFindingsFromElsewhere(target.findings, moved, target.file, lines, settings);
    target.alone = false;
    changed.add(target);
  }
  return changed;
}

/**
 * A file's own findings with findings found in other files added (already placed in this text: `incoming` ranges
 * are this file's): one its own findings already have (rule and start) is dropped, so is one a `vigil-ignore` of
 * this text hides (whose unused-suppression notice then goes), or an `ignore:` entry for this file; the rest get a
 * fingerprint (unless they carry one) and a priority here. Sorted by position.
 */
export function withFindingsFromElsewhere(own: Finding[], incoming: Finding[], file: { path: string; root: string }, lines: LineIndex, settings: AnalysisSettings): Finding[] {
  if (incoming.length === 0) return own;
  const sups = findSuppressions(lines);
  const usedSuppressions = new Set<number>();
  const kept: Finding[] = [];
  const sameSink = (f: Finding) => (o: Finding) => o.ruleId === f.ruleId && o.range.start.line === f.range.start.line && o.range.start.character === f.range.start.character;
  for (const f of incoming) {
    if (own.some(sameSink(f)) || kept.some(sameSink(f))) continue;
    const s = suppressionOf(f, sups);
    if (s) usedSuppressions.add(s.line);
    else kept.push(f);
  }
  const ignored = settings.ignore?.length ? applyIgnoreList(kept, settings.ignore, file.path, file.root, settings.today) : kept;
  const prints = new Fingerprints();
  for (const f of own) if (f.pack !== 'meta') prints.count(f.ruleId, matchedSnippet(lines, f.range));
  const placed = ignored.map((f) => {
    const withPrint = f.fingerprint ? f : { ...f, fingerprint: prints.next(f.ruleId, matchedSnippet(lines, f.range)) };
    return { ...withPrint, priority: prioritize(withPrint, { path: file.path, root: file.root }) };
  });
  // A suppression this file's own analysis called unused is used now.
  const rest = own.filter((f) => !(f.ruleId === SUPPRESSION_RULES.unused && usedSuppressions.has(f.range.start.line)));
  return [...rest, ...placed].sort(byPosition);
}
