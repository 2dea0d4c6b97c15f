/**
 * Dockerfiles read with `dockerfile-ast` (the parser of the Docker language server): it splits the file into
 * instructions the way BuildKit does (continuation lines joined by the escape character, `\` or the one a
 * `# escape=` directive names; comment lines inside a continuation dropped; heredoc bodies kept inside their
 * `RUN`/`COPY`/`ADD`, so a body line such as `from os import path` or `user nginx;` is no instruction). This
 * module turns its instructions into offsets into the file, which is what the checks and `match` rules use.
 * Exec-form arguments (`["a", "b"]`) are decoded when they are valid JSON.
 */
import { DockerfileParser, From, PropertyInstruction } from 'dockerfile-ast';
import { LineIndex } from '../text';

/** One instruction, e.g. `RUN apt-get update`. Offsets are into the whole file text. */
export interface DockerInstruction {
  /** Upper-cased keyword, e.g. `RUN`. */
  keyword: string;
  /** Offset of the keyword. */
  start: number;
  /** End offset of the instruction (before its final line break), heredoc bodies included. */
  end: number;
  /** Offset where the arguments start. */
  argsStart: number;
  /** Raw argument text, `text.slice(argsStart, end)`, continuation breaks and heredoc bodies included. */
  args: string;
  /** The instruction's own line with continuations joined into one (heredoc bodies left out). */
  joined: string;
  /** Offset where the heredoc bodies start (the line after the instruction's own line), when it has any. */
  bodyStart?: number;
  /** Decoded exec-form arguments, when the arguments are a JSON array of strings. */
  exec?: string[];
  /** Index of the build stage (0-based): each `FROM` starts a new one. */
  stage: number;
  /** The `KEY=value` pairs of `ENV`, `ARG` and `LABEL`, as the builder reads them. */
  pairs?: DockerPair[];
  /** The image a `FROM` names (flags, continuations and comment lines skipped), with its offsets. */
  image?: { image: string; start: number; end: number };
}

/** One `KEY=value` (or legacy `KEY value`) of an `ENV`/`ARG`/`LABEL`, with offsets into the file. */
export interface DockerPair {
  key: string;
  /** The value with quotes and escapes resolved; undefined when none is given (`ARG NAME`). */
  value: string | undefined;
  /** Offset of the key. */
  keyStart: number;
  /** End offset of the value (of the key when there is none). */
  end: number;
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
  /** Why the file was not read (no instructions then): over the size limit, or the parser failed. */
  error?: string;
}

/**
 * The largest Dockerfile parsed, in characters. Real ones are a few kilobytes; the parser costs microseconds per
 * character, so a multi-megabyte one-line file would hold the server for seconds.
 */
export const MAX_DOCKERFILE_CHARS = 256 * 1024;

/** Dockerfiles parsed since start, counted for the tests of the work an edit costs. */
export const DOCKERFILE_WORK = { parsed: 0 };

/**
 * Parses a Dockerfile text. Never throws: a file over `MAX_DOCKERFILE_CHARS`, or one the parser fails on, gives no
 * instructions and an `error`. `lines` is the text's line index, when the caller has one.
 */
export function parseDockerfile(text: string, lines?: LineIndex): ParsedDockerfile {
  const empty = (error: string): ParsedDockerfile => ({ instructions: [], stages: [], escape: '\\', error });
  if (text.length > MAX_DOCKERFILE_CHARS) {
    return empty(`the Dockerfile has ${text.length.toLocaleString('en-US')} characters, over the ${MAX_DOCKERFILE_CHARS.toLocaleString('en-US')} the config rules read`);
  }
  DOCKERFILE_WORK.parsed++;
  try {
    return fromAst(text, lines ?? new LineIndex(text));
  } catch (e) {
    // The message may quote the file: only its type is kept.
    return empty(`the Dockerfile parser failed (${e instanceof Error ? e.name : typeof e})`);
  }
}

function fromAst(text: string, lines: LineIndex): ParsedDockerfile {
  const df = DockerfileParser.parse(text);
  const escape = df.getEscapeCharacter();
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  let stage = -1;
  for (const node of df.getInstructions()) {
    const keyword = node.getKeyword();
    const start = lines.offsetAt(node.getInstructionRange().start);
    const end = withoutTrailingComments(text, start, Math.max(start, lines.offsetAt(node.getRange().end)));
    // Arguments start after the keyword and the blanks that follow it on its line (the `match` rules' `^`).
    let argsStart = Math.min(lines.offsetAt(node.getInstructionRange().end), end);
    while (argsStart < end && (text[argsStart] === ' ' || text[argsStart] === '\t')) argsStart++;
    const args = text.slice(argsStart, end);
    const { joined, rest } = logicalLine(args, escape);
    if (keyword === 'FROM') stage++;
    const ins: DockerInstruction = { keyword, start, end, argsStart, args, joined, stage: Math.max(stage, 0) };
    if (rest < args.length) ins.bodyStart = argsStart + rest;
    if (joined.startsWith('[')) {
      try {
        const v: unknown = JSON.parse(joined);
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) ins.exec = v as string[];
      } catch {
        // Not JSON: Docker runs it in shell form, and so do the rules.
      }
    }
    if (node instanceof PropertyInstruction) {
      // Comment lines inside a continuation set nothing: the parser's properties skip them.
      ins.pairs = node.getProperties().map((p) => ({
        key: p.getName(),
        value: p.getValue() ?? undefined,
        keyStart: lines.offsetAt(p.getNameRange().start),
        end: lines.offsetAt(p.getRange().end),
      }));
    }
    instructions.push(ins);
    if (node instanceof From) {
      const r = node.getImageRange();
      if (r) {
        const [from, to] = [lines.offsetAt(r.start), lines.offsetAt(r.end)];
        ins.image = { image: text.slice(from, to), start: from, end: to };
      }
      stages.push({ index: stage, from: ins, name: node.getBuildStage()?.toLowerCase() || undefined, instructions: [ins] });
    } else if (stages.length > 0) {
      stages[stages.length - 1]!.instructions.push(ins);
    }
  }
  return { instructions, stages, escape };
}

/**
 * The end of an instruction without the comment and blank lines the parser counts in it when a continuation runs
 * into the end of the file: a finding on the instruction ends at its last line of code.
 */
function withoutTrailingComments(text: string, start: number, end: number): number {
  for (;;) {
    let ls = end;
    while (ls > start && text[ls - 1] !== '\n' && text[ls - 1] !== '\r') ls--;
    if (ls <= start) return end;
    const line = text.slice(ls, end).trimStart();
    if (line !== '' && !line.startsWith('#')) return end;
    end = ls - 1;
    if (text[end] === '\n' && text[end - 1] === '\r') end--;
  }
}

/**
 * The instruction's first logical line from its raw arguments: lines ending in the escape character continue
 * (comment and blank lines inside are dropped, as the builder does), pieces joined by a space. `rest` is the index
 * in `args` after that line's break: what follows is a heredoc body.
 */
function logicalLine(args: string, escape: string): { joined: string; rest: number } {
  const parts: string[] = [];
  let pos = 0;
  for (;;) {
    const [row, next] = lineAt(args, pos);
    let e = row.length;
    while (e > 0 && (row[e - 1] === ' ' || row[e - 1] === '\t')) e--;
    const t = row.slice(0, e);
    if (!t.endsWith(escape)) {
      parts.push(row);
      return { joined: parts.join(' ').trim(), rest: next };
    }
    parts.push(t.slice(0, -1));
    pos = next;
    for (;;) {
      if (pos >= args.length) return { joined: parts.join(' ').trim(), rest: args.length };
      const [r, n] = lineAt(args, pos);
      if (r.trim() !== '' && !r.trimStart().startsWith('#')) break;
      pos = n;
    }
  }
}

/** The line of `s` starting at `pos` (without its break) and the index after its break. */
function lineAt(s: string, pos: number): [string, number] {
  let e = pos;
  while (e < s.length && s[e] !== '\n' && s[e] !== '\r') e++;
  const next = s[e] === '\r' && s[e + 1] === '\n' ? e + 2 : Math.min(e + 1, s.length);
  return [s.slice(pos, e), e < s.length ? next : s.length];
}

/**
 * The shell command texts of an instruction, with their offsets, for the `match` rules: its own logical line
 * (continuations included), and for `RUN` each command line of its heredoc bodies (a body line that ends in `\`
 * continues, as in the shell), since a body's lines are separate commands. `COPY`/`ADD` bodies are file content.
 * Comment lines (inside a continuation, or in a RUN body) are blanked, offsets kept: they run nothing.
 */
export function commandTexts(ins: DockerInstruction): { start: number; text: string }[] {
  const own = ins.bodyStart === undefined ? ins.args.length : ins.bodyStart - ins.argsStart;
  const out = [{ start: ins.argsStart, text: blankComments(ins.args.slice(0, own), 1) }];
  if (ins.bodyStart === undefined || ins.keyword !== 'RUN') return out;
  let from = own;
  let pos = own;
  while (pos < ins.args.length) {
    const [row, next] = lineAt(ins.args, pos);
    if (!row.endsWith('\\') || next >= ins.args.length) {
      out.push({ start: ins.argsStart + from, text: blankComments(ins.args.slice(from, next), 0) });
      from = next;
    }
    pos = next;
  }
  return out;
}

/** `text` with its comment lines from line `first` on turned into spaces (line breaks and length kept). */
function blankComments(text: string, first: number): string {
  let out = '';
  let pos = 0;
  for (let row = 0; pos < text.length; row++) {
    const [line, next] = lineAt(text, pos);
    out += row >= first && line.trimStart().startsWith('#') ? ' '.repeat(line.length) + text.slice(pos + line.length, next) : text.slice(pos, next);
    pos = next;
  }
  return out;
}

/** The `KEY=value` pairs of an `ENV`/`ARG`/`LABEL` (none for other instructions). */
export function keyValues(ins: DockerInstruction): DockerPair[] {
  return ins.pairs ?? [];
}
