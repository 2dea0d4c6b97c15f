/**
 * A workspace scan's findings of flows that come from other files (reported at their sink in this file), carried into
 * the live results of the file while it is open: the live analysis reads no other file's summaries, so without this a
 * scan's finding would vanish the moment its file is opened to be fixed. Each is kept with the line it starts on and
 * shown where that line now is (nearest where it was); once that line changes (the fix) it is gone, as it is at the
 * next scan, which replaces the whole record.
 */
import { isFromElsewhere } from '../engine/scan/cross-file-findings';
import { suppressLineFix } from '../engine/suppressions';
import { LineIndex } from '../engine/text';
import type { GrammarId } from '../engine/languages';
import type { Finding, Range, TraceStep } from '../engine/types';

interface Carried {
  finding: Finding;
  /** The text of the line the finding starts on, in the scanned text. */
  line: string;
}

export class CarriedFindings {
  private readonly byUri = new Map<string, Carried[]>();

  /**
   * Records what a scan reported for `uri`: the findings of flows from other files, read against the text scanned
   * (`text`; undefined when it cannot be read, which records none). True when the record changed.
   */
  set(uri: string, findings: readonly Finding[], text: string | undefined): boolean {
    const had = this.byUri.get(uri)?.length ?? 0;
    const from = findings.filter(isFromElsewhere);
    if (from.length === 0 || text === undefined) {
      this.byUri.delete(uri);
      return had > 0;
    }
    const index = new LineIndex(text);
    this.byUri.set(uri, from.map((finding) => ({ finding, line: index.lineText(finding.range.start.line) })));
    return true;
  }

  /**
   * The carried findings of `uri` placed in its open text: on the line identical to the one each started on, nearest
   * where it was; none whose line is gone or changed.
   */
  placed(uri: string, lines: LineIndex, grammar: GrammarId | undefined): Finding[] {
    const out: Finding[] = [];
    for (const c of this.byUri.get(uri) ?? []) {
      const now = nearestLine(lines, c.line, c.finding.range.start.line);
      if (now === undefined) continue;
      const delta = now - c.finding.range.start.line;
      const shift = (r: Range): Range => ({
        start: { line: Math.max(0, r.start.line + delta), character: r.start.character },
        end: { line: Math.max(0, r.end.line + delta), character: r.end.character },
      });
      const range = shift(c.finding.range);
      const trace = c.finding.trace?.map((s): TraceStep => (s.path ? s : { ...s, range: shift(s.range) }));
      out.push({ ...c.finding, range, ...(trace ? { trace } : {}), fixes: [suppressLineFix(c.finding.ruleId, range, lines, grammar)] });
    }
    return out;
  }
}

/** The number of the line of `lines` whose text is `text`, nearest line `near`; undefined when none is. */
function nearestLine(lines: LineIndex, text: string, near: number): number | undefined {
  const count = lines.lineStarts.length;
  for (let d = 0; d < count; d++) {
    if (near + d < count && lines.lineText(near + d) === text) return near + d;
    if (d > 0 && near - d >= 0 && near - d < count && lines.lineText(near - d) === text) return near - d;
    if (near + d >= count && near - d < 0) break;
  }
  return undefined;
}
