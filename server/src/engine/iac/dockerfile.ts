/**
 * A small Dockerfile parser: logical instructions (continuation lines joined by the escape character, `\` or the
 * one named by a `# escape=` directive), comments skipped, offsets kept so findings point into the file.
 * Heredocs are not understood: their lines read as instructions that match no rule. Exec-form arguments
 * (`["a", "b"]`) are decoded when they are valid JSON.
 */

/** One instruction, e.g. `RUN apt-get update`. Offsets are into the whole file text. */
export interface DockerInstruction {
  /** Upper-cased keyword, e.g. `RUN`. */
  keyword: string;
  /** Offset of the keyword. */
  start: number;
  /** End offset of the instruction (before its final line break). */
  end: number;
  /** Offset where the arguments start. */
  argsStart: number;
  /** Raw argument text, `text.slice(argsStart, end)`, continuation breaks included. */
  args: string;
  /** Arguments with continuations joined into one line. */
  joined: string;
  /** Decoded exec-form arguments, when the arguments are a JSON array of strings. */
  exec?: string[];
  /** Index of the build stage (0-based): each `FROM` starts a new one. */
  stage: number;
}

export interface DockerStage {
  index: number;
  /** The `FROM` instruction. */
  from: DockerInstruction;
  /** `AS name`, lower-cased. */
  name?: string;
  instructions: DockerInstruction[];
}

export interface ParsedDockerfile {
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** Escape character in force. */
  escape: string;
}

const KEYWORD_RE = /^[ \t]*([A-Za-z]+)(?=\s|$)/;

/** Parses a Dockerfile text. Never throws; unrecognised lines become instructions that no rule matches. */
export function parseDockerfile(text: string): ParsedDockerfile {
  let escape = '\\';
  // Parser directives sit at the very top, before any instruction or other comment.
  for (const m of text.matchAll(/^#[ \t]*([a-z]+)[ \t]*=[ \t]*(\S+)[ \t]*$/gim)) {
    if (text.slice(0, m.index).split(/\r?\n/).some((l) => l.trim() !== '' && !/^#\s*[a-z]+\s*=/i.test(l.trim()))) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const n = text.length;
  let pos = 0;
  let stage = -1;
  while (pos < n) {
    const lineEnd = endOfLine(text, pos);
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      pos = nextLine(text, lineEnd);
      continue;
    }
    const km = KEYWORD_RE.exec(line);
    // Collect continuation lines: a line ending in the escape character continues; comment lines inside are skipped.
    let end = lineEnd;
    let cur = line;
    const parts: string[] = [];
    let lineStart = pos;
    for (;;) {
      const t = cur.replace(/[ \t]+$/, '');
      if (t.endsWith(escape)) {
        parts.push(t.slice(0, -1));
        let next = nextLine(text, end);
        // Comment and empty lines inside a continued instruction are dropped by the builder.
        while (next < n) {
          const e = endOfLine(text, next);
          const l = text.slice(next, e).trimStart();
          if (l.startsWith('#') || l === '') next = nextLine(text, e);
          else break;
        }
        if (next >= n) break;
        lineStart = next;
        end = endOfLine(text, next);
        cur = text.slice(lineStart, end);
        continue;
      }
      parts.push(cur);
      break;
    }
    if (km) {
      const keyword = km[1]!.toUpperCase();
      const start = pos + km[0].length - km[1]!.length;
      let argsStart = pos + km[0].length;
      while (argsStart < end && (text[argsStart] === ' ' || text[argsStart] === '\t')) argsStart++;
      const joined = parts.join(' ').replace(KEYWORD_RE, '').trim();
      if (keyword === 'FROM') stage++;
      const ins: DockerInstruction = { keyword, start, end, argsStart, args: text.slice(argsStart, end), joined, stage: Math.max(stage, 0) };
      if (joined.startsWith('[')) {
        try {
          const v: unknown = JSON.parse(joined);
          if (Array.isArray(v) && v.every((x) => typeof x === 'string')) ins.exec = v as string[];
        } catch {
          // Not JSON: Docker runs it in shell form, and so do the rules.
        }
      }
      instructions.push(ins);
      if (keyword === 'FROM') {
        const name = /\s[Aa][Ss]\s+(\S+)\s*$/.exec(joined)?.[1]?.toLowerCase();
        stages.push({ index: stage, from: ins, name, instructions: [ins] });
      } else if (stages.length > 0) {
        stages[stages.length - 1]!.instructions.push(ins);
      }
    }
    pos = nextLine(text, end);
  }
  return { instructions, stages, escape };
}

function endOfLine(text: string, from: number): number {
  const i = text.indexOf('\n', from);
  const e = i < 0 ? text.length : i;
  return e > from && text[e - 1] === '\r' ? e - 1 : e;
}

function nextLine(text: string, lineEnd: number): number {
  if (text[lineEnd] === '\r') lineEnd++;
  return text[lineEnd] === '\n' ? lineEnd + 1 : Math.max(lineEnd, text.length);
}

/** Splits `KEY=value KEY2="v 2"` or the legacy `KEY value` form of `ENV`/`ARG`/`LABEL` into pairs with offsets. */
export function keyValues(ins: DockerInstruction): { key: string; value: string | undefined; keyStart: number; end: number }[] {
  const out: { key: string; value: string | undefined; keyStart: number; end: number }[] = [];
  const s = ins.args;
  const legacy = /^([^\s=]+)\s+(\S[\s\S]*)$/.exec(s);
  if (legacy && !legacy[1]!.includes('=') && ins.keyword === 'ENV') {
    out.push({ key: legacy[1]!, value: unquote(legacy[2]!.trim()), keyStart: ins.argsStart, end: ins.end });
    return out;
  }
  const re = /([^\s=\\]+)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|(?:[^\s"'\\]|\\.)*))?/g;
  for (const m of s.matchAll(re)) {
    if (m[1] === undefined) continue;
    out.push({ key: m[1], value: m[2] === undefined ? undefined : unquote(m[2]), keyStart: ins.argsStart + m.index, end: ins.argsStart + m.index + m[0].length });
  }
  return out;
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}
