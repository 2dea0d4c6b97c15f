/**
 * One-pass keyword prefilter (Aho-Corasick). All rule keywords go into one automaton; a single walk over the text
 * yields, per line, the rules whose keyword appears there. The cost of the walk does not depend on the number
 * of rules, and a rule's regex only runs on the lines its keywords hit. Matching is ASCII case-insensitive, and
 * lower-casing is done per code unit so offsets stay those of the original text.
 */

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Rule indices whose keyword ends here (including via fail links). */
  out: number[];
}

/** Rule indices hit on one line. */
export interface LineHits {
  line: number;
  rules: number[];
}

export class KeywordPrefilter {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  /** Root transitions for ASCII, as an array: most characters of a text fail at the root. -1 = none. */
  private readonly rootAscii = new Int32Array(128).fill(-1);

  /** `keywordsByRule[i]` are the keywords of rule i (lower case). */
  constructor(keywordsByRule: readonly (readonly string[])[]) {
    keywordsByRule.forEach((keywords, rule) => {
      for (const kw of keywords) this.add(kw, rule);
    });
    this.link();
    for (const [c, t] of this.nodes[0]!.next) if (c < 128) this.rootAscii[c] = t;
  }

  private add(keyword: string, rule: number): void {
    let s = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = lower(keyword.charCodeAt(i));
      let t = this.nodes[s]!.next.get(c);
      if (t === undefined) {
        t = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [] });
        this.nodes[s]!.next.set(c, t);
      }
      s = t;
    }
    const out = this.nodes[s]!.out;
    if (!out.includes(rule)) out.push(rule);
  }

  /** Breadth-first fail links; each node's output absorbs its fail node's output. */
  private link(): void {
    const queue: number[] = [];
    for (const t of this.nodes[0]!.next.values()) queue.push(t);
    while (queue.length > 0) {
      const s = queue.shift()!;
      for (const [c, t] of this.nodes[s]!.next) {
        let f = this.nodes[s]!.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const ft = this.nodes[f]!.next.get(c);
        this.nodes[t]!.fail = ft !== undefined && ft !== t ? ft : 0;
        for (const r of this.nodes[this.nodes[t]!.fail]!.out) if (!this.nodes[t]!.out.includes(r)) this.nodes[t]!.out.push(r);
        queue.push(t);
      }
    }
  }

  /**
   * Walks `text[from, to)` once, whose first character is on line `firstLine`, and returns the lines with hits
   * in order. Line breaks are \n, \r\n or \r, as in LineIndex.
   */
  scan(text: string, from = 0, to = text.length, firstLine = 0): LineHits[] {
    const result: LineHits[] = [];
    let current: LineHits | undefined;
    let line = firstLine;
    let s = 0;
    const nodes = this.nodes;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code === 10 || code === 13) {
        if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
        line++;
        s = 0;
        continue;
      }
      const c = lower(code);
      if (s === 0 && c < 128) {
        // Fast path: at the root, a failed transition stays at the root.
        const r = this.rootAscii[c]!;
        if (r < 0) continue;
        s = r;
      } else {
        let t = nodes[s]!.next.get(c);
        while (t === undefined && s !== 0) {
          s = nodes[s]!.fail;
          t = s === 0 && c < 128 ? (this.rootAscii[c]! >= 0 ? this.rootAscii[c]! : undefined) : nodes[s]!.next.get(c);
        }
        s = t ?? 0;
      }
      const out = nodes[s]!.out;
      if (out.length > 0) {
        if (!current || current.line !== line) {
          current = { line, rules: [] };
          result.push(current);
        }
        for (const r of out) if (!current.rules.includes(r)) current.rules.push(r);
      }
    }
    return result;
  }
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
