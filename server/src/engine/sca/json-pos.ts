/**
 * A JSON parser that keeps where each value is, so findings can point at a lockfile's or manifest's line.
 * Strict JSON only; returns undefined on any syntax error (a file mid-edit gives no findings until it parses).
 */

export type JsonNode =
  | { kind: 'object'; start: number; end: number; entries: { key: string; keyStart: number; keyEnd: number; value: JsonNode }[] }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'string'; start: number; end: number; value: string }
  | { kind: 'other'; start: number; end: number };

/** Deeper nesting than this is refused (the parser is recursive). */
const MAX_DEPTH = 256;

/**
 * Documents parsed so far in this process. A work counter, not a clock: tests hold an edit of package.json to one
 * parse of it (the lockfile beside it is cached), whatever the machine's speed.
 */
export const jsonParseStats = { documents: 0 };

export function parseJsonWithPositions(text: string): JsonNode | undefined {
  jsonParseStats.documents++;
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const str = (): { value: string; start: number; end: number } => {
    const start = i;
    i++;
    let out = '';
    let from = i;
    for (;;) {
      if (i >= text.length) throw new Error('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) throw new Error('control character in string');
      if (c === 0x5c) {
        out += text.slice(from, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error('bad escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else throw new Error('bad escape');
        from = i;
        continue;
      }
      i++;
    }
    out += text.slice(from, i);
    i++;
    return { value: out, start, end: i };
  };
  const value = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new Error('too deep');
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Extract<JsonNode, { kind: 'object' }>['entries'] = [];
      ws();
      if (text[i] === '}') return { kind: 'object', start, end: ++i, entries };
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Error('expected key');
        const k = str();
        ws();
        if (text[i++] !== ':') throw new Error('expected :');
        entries.push({ key: k.value, keyStart: k.start, keyEnd: k.end, value: value(depth + 1) });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return { kind: 'object', start, end: ++i, entries };
        else throw new Error('expected , or }');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return { kind: 'array', start, end: ++i, items };
        else throw new Error('expected , or ]');
      }
    }
    if (c === '"') return { kind: 'string', ...str() };
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!m) throw new Error('unexpected token');
    i += m[0].length;
    return { kind: 'other', start, end: i };
  };
  try {
    const root = value(0);
    ws();
    return i === text.length ? root : undefined;
  } catch {
    return undefined;
  }
}

/** The value of `key` in an object node. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === 'object' ? node.entries.find((e) => e.key === key)?.value : undefined;
}
