/**
 * Markdown (GFM) pipe tables, for the secrets pack: a credential in a documentation table has its name in the
 * column's header, lines above the value (`| Tool | User | Password |` then `| Grafana | admin | … |`).
 */

/** A cell of a table line: its text trimmed, and where that text starts and ends on the line. */
export interface TableCell {
  text: string;
  start: number;
  end: number;
}

/** The delimiter row under a header: cells of dashes, optionally aligned with colons, at least one pipe. */
const DELIMITER_ROW = /^[ \t]{0,3}\|?[ \t]*:?-{1,200}:?[ \t]*(?:\|[ \t]*:?-{1,200}:?[ \t]*){0,63}\|?[ \t]*$/;

/** Widest table line read, in characters (a longer one is data, not a table a person wrote). */
const MAX_TABLE_LINE = 2_000;

/** Is `line` a table's delimiter row (`|---|:--:|`)? */
export function isDelimiterRow(line: string): boolean {
  return line.length <= MAX_TABLE_LINE && line.includes('|') && DELIMITER_ROW.test(line);
}

/** Could `line` be a row of a table: a pipe in it, not blank, not too long. */
export function isTableRow(line: string): boolean {
  return line.length <= MAX_TABLE_LINE && line.includes('|') && line.trim() !== '';
}

/**
 * The cells of a table line, split at unescaped pipes (GFM: `\|` is a pipe inside a cell, in code spans too); the
 * empty cells before a leading and after a trailing pipe are not cells.
 */
export function splitTableCells(line: string): TableCell[] {
  const cells: TableCell[] = [];
  let from = 0;
  const push = (to: number): void => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, start: from + lead, end: from + lead + text.length });
  };
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') {
      push(i);
      from = i + 1;
    }
  }
  push(line.length);
  if (cells.length > 1 && cells[0]!.text === '' && /^[ \t]*\|/.test(line)) cells.shift();
  if (cells.length > 1 && cells[cells.length - 1]!.text === '' && /\|[ \t]*$/.test(line)) cells.pop();
  return cells;
}

/**
 * A header cell as the name of its column's values (`Password / token` -> `password_token`), or undefined when it
 * names no credential or is too long to be a name.
 */
export function columnName(header: string): string | undefined {
  const name = header.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return name.length > 0 && name.length <= 40 && /pass|pwd|secret|token|key|cred/.test(name) ? name : undefined;
}

/**
 * A cell's value as written (one pair of code-span backticks taken off), and where it starts on the line; undefined
 * for an empty cell or one no value could be (spaces or quotes inside: a sentence, a quoted note).
 */
export function cellValue(cell: TableCell): { value: string; start: number } | undefined {
  let { text, start } = cell;
  const code = /^(`{1,3})([^`]+)\1$/.exec(text);
  if (code) {
    start += code[1]!.length;
    text = code[2]!;
  }
  if (text === '' || /[\s"]/.test(text)) return undefined;
  return { value: text, start };
}
