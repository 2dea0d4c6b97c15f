/**
 * SQL `INSERT INTO t (col, …) VALUES (…), (…)` statements, for the secrets pack: a seed or migration's value has its
 * name in the column list, on the statement's first line, and sits in a row tuple below it.
 */
import type { TableCell } from './markdown-tables';

/** `INSERT INTO name (columns) VALUES`, the column list on the statement's first line. */
const INSERT_HEAD = /^[ \t]*INSERT[ \t]+INTO[ \t]+[\w."`[\]]{1,200}[ \t]*\(([^()]{1,2000})\)[ \t]*VALUES\b/i;

/** The column names of an INSERT's first line, and where its VALUES end (the rows start after), or undefined. */
export function insertColumns(line: string): { columns: TableCell[]; valuesEnd: number } | undefined {
  const m = INSERT_HEAD.exec(line);
  if (!m) return undefined;
  // The table's name holds no parenthesis: the first one opens the column list.
  const listStart = m.index + m[0].indexOf('(') + 1;
  const columns: TableCell[] = [];
  let from = listStart;
  for (const part of m[1]!.split(',')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim().replace(/^["`[]|["`\]]$/g, '');
    columns.push({ text, start: from + lead, end: from + lead + part.trim().length });
    from += part.length + 1;
  }
  return { columns, valuesEnd: m.index + m[0].length };
}

/**
 * The row tuple starting at or after `from` on `line` (`('a', 'b', NULL),`): each value with its offset, a quoted
 * string's text without its quotes (`''` read as one quote). Undefined when the rest of the line is no tuple.
 */
export function tupleValues(line: string, from = 0): { values: ({ text: string; start: number; quoted: boolean } | undefined)[]; end: number } | undefined {
  let i = from;
  while (i < line.length && /\s/.test(line[i]!)) i++;
  if (line[i] !== '(') return undefined;
  i++;
  const values: ({ text: string; start: number; quoted: boolean } | undefined)[] = [];
  for (;;) {
    while (i < line.length && /[ \t]/.test(line[i]!)) i++;
    if (i >= line.length) return undefined;
    if (line[i] === "'") {
      let text = '';
      const start = i + 1;
      i++;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === "'") {
          if (line[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += line[i];
        i++;
      }
      values.push({ text, start, quoted: true });
      i++;
    } else {
      // A number, NULL, a function call (`gen_random_uuid()`): up to the next comma or the tuple's end, outside parentheses.
      let depth = 0;
      const start = i;
      while (i < line.length && (depth > 0 || (line[i] !== ',' && line[i] !== ')'))) {
        if (line[i] === '(') depth++;
        else if (line[i] === ')') depth--;
        i++;
      }
      values.push(i > start ? { text: line.slice(start, i).trim(), start, quoted: false } : undefined);
    }
    while (i < line.length && /[ \t]/.test(line[i]!)) i++;
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line[i] === ')') return { values, end: i + 1 };
    return undefined;
  }
}
