/**
 * Evaluates structural YAML rules: expands a rule's object paths (with anchors such as `$container` that know
 * where pod specs sit in every workload kind), tests its conditions, and returns the places to report with the
 * rule's fix. Every range comes from the parser's source offsets, so it points at the offending key or value.
 */
import { isMap, isScalar, isSeq, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { placeholderReason } from '../secrets/false-positive-filters';
import type { LineIndex } from '../text';
import type { Fix, Range, TextEdit } from '../types';
import type { Condition, ConfigFix, KeyPath, ValueTest, YamlMatch } from './rule-schema';
import { entries, get, resolve, scalarText, type Entry, type YamlDoc } from './yaml-model';

/** A node reached by a path, with how it was reached (for ranges) and its enclosing anchor objects. */
export interface Sel {
  node: YamlNode | undefined;
  /** The mapping entry whose value is `node`. */
  entry?: Entry;
  anchors: { root: Sel; pod?: Sel; job?: Sel };
}

/** Where pod specs sit: a Pod, any workload with a pod template, and CronJob's job template. */
const POD_SPEC_PATHS = [['spec'], ['spec', 'template', 'spec'], ['spec', 'jobTemplate', 'spec', 'template', 'spec']];
const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'];

export class YamlMatcher {
  constructor(
    private readonly y: YamlDoc,
    private readonly lines: LineIndex,
  ) {}

  private get doc(): Document.Parsed {
    return this.y.doc;
  }

  rootSel(): Sel {
    const sel = { node: this.y.root, anchors: {} } as Sel;
    sel.anchors.root = sel;
    return sel;
  }

  /** Follows plain segments (`*` = every key or item) from a selection. */
  walk(from: Sel, segments: readonly string[]): Sel[] {
    let cur: Sel[] = [from];
    for (const seg of segments) {
      const next: Sel[] = [];
      for (const s of cur) {
        if (isMap(s.node)) {
          for (const e of seg === '*' ? entries(this.doc, s.node) : [get(this.doc, s.node, seg)]) {
            if (e) next.push({ node: e.value, entry: e, anchors: s.anchors });
          }
        } else if (isSeq(s.node) && seg === '*') {
          for (const it of s.node.items) {
            const node = resolve(this.doc, it);
            next.push({ node, anchors: s.anchors });
          }
        }
      }
      cur = next;
      if (cur.length === 0) break;
    }
    return cur;
  }

  /** Anchor expansions, computed once per document: every rule of a kind starts from the same few anchors. */
  private readonly anchorCache = new Map<string, Sel[]>();

  private anchored(name: string): Sel[] {
    let hit = this.anchorCache.get(name);
    if (!hit) {
      hit = this.expandAnchor(name);
      this.anchorCache.set(name, hit);
    }
    return hit;
  }

  private expandAnchor(name: string): Sel[] {
    const root = this.rootSel();
    switch (name) {
      case 'root':
        return [root];
      case 'pod':
        return POD_SPEC_PATHS.flatMap((p) => this.walk(root, p))
          .filter((s) => isMap(s.node) && get(this.doc, s.node, 'containers'))
          .map((s) => ({ ...s, anchors: { ...s.anchors, pod: s } }));
      case 'container':
        return this.anchored('pod').flatMap((pod) => CONTAINER_LISTS.flatMap((l) => this.walk(pod, [l, '*'])));
      case 'service':
        return this.walk(root, ['services', '*']);
      case 'job':
        return this.walk(root, ['jobs', '*']).map((s) => ({ ...s, anchors: { ...s.anchors, job: s } }));
      case 'step':
        return [...this.anchored('job').flatMap((job) => this.walk(job, ['steps', '*'])), ...this.walk(root, ['runs', 'steps', '*'])];
      default:
        return [];
    }
  }

  /** The objects an object path selects. */
  objects(path: KeyPath): Sel[] {
    const [first, ...rest] = path.segments;
    if (first?.startsWith('$')) return this.anchored(first.slice(1)).flatMap((s) => this.walk(s, rest));
    return this.walk(this.rootSel(), path.segments);
  }

  private base(obj: Sel, key: KeyPath): Sel | undefined {
    return key.base === 'object' ? obj : obj.anchors[key.base];
  }

  /** Whether a condition holds on an object, and the places it marks for reporting. */
  evaluate(obj: Sel, cond: Condition): { holds: boolean; sites: Sel[] } {
    switch (cond.kind) {
      case 'test': {
        const base = this.base(obj, cond.key);
        if (!base) return { holds: false, sites: [] };
        const hits = this.walk(base, cond.key.segments).filter((s) => passes(s, cond.test));
        return { holds: hits.length > 0, sites: hits };
      }
      case 'missing': {
        const base = this.base(obj, cond.key);
        if (!base) return { holds: false, sites: [] };
        const segs = cond.key.segments;
        const star = segs.lastIndexOf('*');
        const sites: Sel[] = [];
        for (const p of this.walk(base, segs.slice(0, star + 1))) {
          let cur = p;
          for (const seg of segs.slice(star + 1)) {
            const next = this.walk(cur, [seg])[0];
            if (!next) {
              sites.push(cur);
              break;
            }
            cur = next;
          }
        }
        return { holds: sites.length > 0, sites };
      }
      case 'not':
        return { holds: !this.evaluate(obj, cond.cond).holds, sites: [] };
      case 'any': {
        const results = cond.conds.map((c) => this.evaluate(obj, c));
        return { holds: results.some((r) => r.holds), sites: results.flatMap((r) => r.sites) };
      }
    }
  }

  /** Every place the rule reports, one per distinct range, with the fix for it. */
  run(match: YamlMatch, fix: ConfigFix | undefined): { range: Range; fixes: Fix[] }[] {
    const out: { range: Range; fixes: Fix[] }[] = [];
    const seen = new Set<string>();
    for (const path of match.paths) {
      for (const obj of this.objects(path)) {
        let sites: Sel[] | undefined;
        let ok = true;
        for (const cond of match.when) {
          const r = this.evaluate(obj, cond);
          if (!r.holds) {
            ok = false;
            break;
          }
          if (sites === undefined && (cond.kind === 'test' || cond.kind === 'missing' || cond.kind === 'any') && cond.report) sites = r.sites;
        }
        if (!ok) continue;
        if (!sites) sites = [match.report ? this.deepest(obj, match.report.segments) : obj];
        for (const site of sites) {
          const range = this.siteRange(site);
          if (!range) continue;
          const key = `${range.start.line}:${range.start.character}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const made = fix ? this.makeFix(fix, obj, site) : undefined;
          out.push({ range, fixes: made ? [made] : [] });
        }
      }
    }
    return out;
  }

  /** The deepest node along a plain path that exists. */
  deepest(from: Sel, segments: readonly string[]): Sel {
    let cur = from;
    for (const seg of segments) {
      const next = this.walk(cur, [seg])[0];
      if (!next) break;
      cur = next;
    }
    return cur;
  }

  /** The range to report for a selection: `key: value` on one line, the key of a block value, or an item. */
  siteRange(sel: Sel): Range | undefined {
    if (sel.entry) {
      const k = sel.entry.pair.key as YamlNode | null;
      const kr = k?.range;
      if (!kr) return undefined;
      const v = sel.entry.pair.value as YamlNode | null;
      const vr = v?.range;
      const start = this.lines.positionAt(kr[0]);
      if (vr && isScalar(v) && this.lines.positionAt(vr[1]).line === start.line) return { start, end: this.lines.positionAt(vr[1]) };
      return { start, end: this.lines.positionAt(kr[1]) };
    }
    const node = sel.node;
    if (isMap(node)) {
      const first = entries(this.doc, node)[0];
      // An object is shown by its first entry (`- name: app` for a container), the root by its first key.
      return first ? this.siteRange({ node: first.value, entry: first, anchors: sel.anchors }) : rangeOf(this.lines, node);
    }
    return rangeOf(this.lines, node);
  }

  private makeFix(fix: ConfigFix, obj: Sel, site: Sel): Fix | undefined {
    if (fix.kind === 'replace') {
      const target = site.node;
      if (!isScalar(target) || !target.range) return undefined;
      return { title: fix.title, kind: 'fix', isPreferred: true, edits: [{ range: this.lines.rangeOf(target.range[0], target.range[1]), newText: fix.text }] };
    }
    const creates = fix.createParent !== undefined && isMap(obj.node) && !get(this.doc, obj.node, fix.key.segments[0]!);
    const edit = setEdit(this.doc, this.lines, obj.node, fix.key.segments, fix.value, fix.before, fix.createParent);
    const title = creates ? `${fix.title}: add a \`${fix.key.segments[0]}\` block` : fix.title;
    return edit ? { title, kind: 'fix', isPreferred: true, edits: [edit] } : undefined;
  }
}

/**
 * The edit that sets `segments` (plain keys) below a block mapping to `value`: replaces an existing scalar, or
 * inserts the missing keys as new lines at the mapping's indentation (before the sibling `before` when given at
 * the top level, else after the last entry). Undefined where no safe edit exists (flow style, merged keys).
 */
export function setEdit(
  doc: Document.Parsed,
  lines: LineIndex,
  node: YamlNode | undefined,
  segments: readonly string[],
  value: string,
  before?: string,
  createParent?: string,
): TextEdit | undefined {
  const text = lines.text;
  const eol = lines.eol;
  let cur = node;
  for (let i = 0; i < segments.length; i++) {
    if (!isMap(cur) || cur.flow) return undefined; // only block mappings can take a new line safely
    const e = get(doc, cur, segments[i]!);
    if (e && !cur.items.includes(e.pair)) return undefined; // merged from an anchor: editing it would change other objects
    if (e && i === segments.length - 1) {
      if (!isScalar(e.value) || !e.value.range) return undefined;
      const r = e.value.range;
      return { range: lines.rangeOf(r[0], r[1]), newText: value };
    }
    if (e) {
      cur = e.value;
      continue;
    }
    const firstKey = (cur.items[0]?.key as YamlNode | undefined)?.range;
    if (!firstKey || !cur.range) return undefined;
    const indent = ' '.repeat(lines.positionAt(firstKey[0]).character);
    const block =
      i === 0 && createParent !== undefined
        ? [`${indent}${segments[0]}:`, ...createParent.split(/\r?\n/).map((l) => `${indent}  ${l}`)].join(eol)
        : segments
            .slice(i)
            .map((s, j) => `${indent}${'  '.repeat(j)}${s}:${i + j === segments.length - 1 ? ` ${value}` : ''}`)
            .join(eol);
    const beforePair = before ? cur.items.find((p) => isScalar(p.key) && p.key.value === before) : undefined;
    const beforeRange = (beforePair?.key as YamlNode | undefined)?.range;
    if (beforeRange && lines.positionAt(beforeRange[0]).character === indent.length) {
      const at = beforeRange[0];
      // The new keys take the sibling's place (also after a `- `); the sibling moves below at the same column.
      return { range: lines.rangeOf(at, at), newText: `${block.trimStart()}${eol}${indent}` };
    }
    const at = endOfBlock(text, cur);
    return { range: lines.rangeOf(at, at), newText: at > 0 && text[at - 1] === '\n' ? `${block}${eol}` : `${eol}${block}` };
  }
  return undefined;
}

/** Where a new last entry of a block mapping goes: after its last content line (trailing comments stay below). */
function endOfBlock(text: string, map: YAMLMap): number {
  let end = map.range![1];
  // The mapping's range may run over blank and comment lines after its last entry; new keys go above them.
  const last = map.items[map.items.length - 1];
  const lastEnd = ((last?.value as YamlNode | null)?.range ?? (last?.key as YamlNode | null)?.range)?.[1];
  if (lastEnd !== undefined && lastEnd < end) end = lastEnd;
  if (end > 0 && text[end - 1] === '\n') return end;
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
}

function rangeOf(lines: LineIndex, node: YamlNode | undefined): Range | undefined {
  const r = node?.range;
  if (!r) return undefined;
  // A block node can span many lines: the finding covers its first line only.
  const start = lines.positionAt(r[0]);
  const end = lines.positionAt(r[1]);
  return end.line === start.line ? { start, end } : { start, end: { line: start.line, character: lines.lineText(start.line).length } };
}

function passes(sel: Sel, test: ValueTest): boolean {
  const text = scalarText(sel.node);
  if (test.equals !== undefined && text !== test.equals) return false;
  if (test.in !== undefined && (text === undefined || !test.in.includes(text))) return false;
  if (test.matches && (text === undefined || !test.matches.test(text))) return false;
  if (test.notMatches && (text === undefined || test.notMatches.test(text))) return false;
  if (test.keyMatches && (!sel.entry || !test.keyMatches.test(sel.entry.key))) return false;
  if (test.notPlaceholder && (text === undefined || placeholderReason(text) !== undefined)) return false;
  return true;
}
