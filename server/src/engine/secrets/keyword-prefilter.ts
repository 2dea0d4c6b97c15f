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

/** Keywords are matched as ASCII; any other character resets the automaton (no keyword contains one). */
const ALPHABET = 128;

export class KeywordPrefilter {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  /**
   * Dense transition table (state * 128 + char), fail links resolved, upper case folded onto lower case and line
   * breaks leading back to the root: one array read per character, no other test on the common path. Entries are
   * the next state's row offset (state * 128), negated where a keyword ends there, so the walk needs no multiply
   * and no second table.
   */
  private delta: Int32Array = new Int32Array(0);

  /** `keywordsByRule[i]` are the keywords of rule i (lower case ASCII). */
  constructor(keywordsByRule: readonly (readonly string[])[]) {
    keywordsByRule.forEach((keywords, rule) => {
      for (const kw of keywords) this.add(kw, rule);
    });
    this.link();
  }

  private add(keyword: string, rule: number): void {
    let s = 0;
    for (let i = 0; i < keyword.length; i++) {
      const c = lower(keyword.charCodeAt(i));
      if (c >= ALPHABET) return; // cannot occur in the scan; the compiler rejects such keywords
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

  /** Breadth-first fail links, outputs merged along them, then the dense table (the classic goto function). */
  private link(): void {
    const order: number[] = [];
    const queue: number[] = [...this.nodes[0]!.next.values()];
    while (queue.length > 0) {
      const s = queue.shift()!;
      order.push(s);
      for (const [c, t] of this.nodes[s]!.next) {
        let f = this.nodes[s]!.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const ft = this.nodes[f]!.next.get(c);
        this.nodes[t]!.fail = ft !== undefined && ft !== t ? ft : 0;
        for (const r of this.nodes[this.nodes[t]!.fail]!.out) if (!this.nodes[t]!.out.includes(r)) this.nodes[t]!.out.push(r);
        queue.push(t);
      }
    }
    const delta = new Int32Array(this.nodes.length * ALPHABET);
    for (const [c, t] of this.nodes[0]!.next) delta[c] = t;
    // In BFS order a node's fail state is complete before the node itself.
    for (const s of order) {
      const base = s * ALPHABET;
      const failBase = this.nodes[s]!.fail * ALPHABET;
      for (let c = 0; c < ALPHABET; c++) delta[base + c] = delta[failBase + c]!;
      for (const [c, t] of this.nodes[s]!.next) delta[base + c] = t;
    }
    for (let s = 0; s < this.nodes.length; s++) {
      const base = s * ALPHABET;
      for (let c = 65; c <= 90; c++) delta[base + c] = delta[base + c + 32]!;
      // No keyword spans a line: a line break restarts the automaton.
      delta[base + 10] = 0;
      delta[base + 13] = 0;
    }
    for (let i = 0; i < delta.length; i++) {
      const t = delta[i]!;
      delta[i] = this.nodes[t]!.out.length > 0 ? -t * ALPHABET : t * ALPHABET;
    }
    this.delta = delta;
  }

  /**
   * Walks `text[from, to)` once, whose first character is on line `firstLine`, and returns the lines with hits
   * in order. Line breaks are \n, \r\n or \r, as in LineIndex.
   */
  scan(text: string, from = 0, to = text.length, firstLine = 0): LineHits[] {
    const result: LineHits[] = [];
    let current: LineHits | undefined;
    let line = firstLine;
    // Line breaks are counted from the previous hit up to each hit (hits are rare), off the automaton's loop;
    // never past `to`, so an edit's rescan of a few lines stays independent of the file's size.
    let counted = from;
    let row = 0;
    const delta = this.delta;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      // Any non-ASCII character resets the automaton: no keyword contains one.
      const next = code < ALPHABET ? delta[row + code]! : 0;
      if (next >= 0) {
        row = next;
        continue;
      }
      row = -next;
      const s = row / ALPHABET;
      for (let j = counted; j < i; j++) {
        const c = text.charCodeAt(j);
        if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++; // a \r\n counts once, by its \n
      }
      counted = i;
      if (!current || current.line !== line) {
        current = { line, rules: [] };
        result.push(current);
      }
      for (const r of this.nodes[s]!.out) if (!current.rules.includes(r)) current.rules.push(r);
    }
    return result;
  }
}

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}
