/**
 * The Dockerfile reader (dockerfile-ast underneath): instruction shapes BuildKit reads differently from a line
 * reader, bad input that must end in a notice or a partial result (never a throw), and the work an edit costs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { commandTexts, DOCKERFILE_WORK, MAX_DOCKERFILE_CHARS, parseDockerfile } from '../../server/src/engine/iac/dockerfile';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding } from '../../server/src/engine/types';
import { prng } from '../reliability/corpus';

const CONFIG: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info', packs: { taint: false, secrets: false, config: true, dependencies: false } };

async function scan(text: string, path = '/r/Dockerfile'): Promise<{ findings: Finding[]; notices: string[] }> {
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  try {
    const r = engine.scanText(path, 'dockerfile', text, CONFIG);
    return { findings: r.findings.filter((f) => f.pack === 'config'), notices: r.notices.map((n) => n.message) };
  } finally {
    engine.dispose();
  }
}

describe('Dockerfile parser: shapes', () => {
  it('keeps a heredoc body inside its instruction: a body line is no instruction and starts no stage', () => {
    const text = 'FROM python:3.12-slim\nRUN <<EOF python3\nfrom os import path\nprint(path.sep)\nEOF\nUSER 10001\n';
    const df = parseDockerfile(text);
    assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'USER']);
    assert.equal(df.stages.length, 1);
    const run = df.instructions[1]!;
    assert.equal(run.joined, '<<EOF python3');
    assert.equal(text.slice(run.start, run.end), 'RUN <<EOF python3\nfrom os import path\nprint(path.sep)\nEOF');
    assert.equal(run.bodyStart, text.indexOf('from os'));
  });

  it('splits a RUN heredoc into its commands (shell continuations kept together); a COPY body is no command', () => {
    const text = 'FROM a:1\nRUN <<EOF\napt-get update\ncurl -fsSL https://x \\\n  | sh\nEOF\nCOPY <<EOF /etc/x.conf\ncurl https://y | sh\nEOF\n';
    const df = parseDockerfile(text);
    const cmds = (k: number) => commandTexts(df.instructions[k]!).map((c) => [c.text, text.slice(c.start, c.start + c.text.length) === c.text]);
    assert.deepEqual(cmds(1), [
      ['<<EOF\n', true],
      ['apt-get update\n', true],
      ['curl -fsSL https://x \\\n  | sh\n', true],
      ['EOF', true],
    ]);
    assert.deepEqual(cmds(2), [['<<EOF /etc/x.conf\n', true]]);
  });

  it('reads a parser directive only at the very top: after a blank line `# escape=` is a comment', () => {
    // BuildKit stops looking for directives at the first comment, blank line or instruction.
    const text = '\n# escape=`\nFROM alpine:3.20\nRUN echo done `\nUSER root\n';
    const df = parseDockerfile(text);
    assert.equal(df.escape, '\\');
    assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'USER']);
    const top = parseDockerfile(text.slice(1));
    assert.equal(top.escape, '`');
    assert.deepEqual(top.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
  });

  it('names stages from `FROM ... AS` with flags, in any case', () => {
    const df = parseDockerfile('ARG V=1\nFROM --platform=$BUILDPLATFORM golang:${V} as Build\nFROM build\n');
    assert.deepEqual(df.instructions.map((i) => [i.keyword, i.stage]), [['ARG', 0], ['FROM', 0], ['FROM', 1]]);
    assert.deepEqual(df.stages.map((s) => s.name), ['build', undefined]);
  });

  it('ends an instruction at its last line of code when a continuation runs into trailing comments', () => {
    const text = 'FROM a:1\nLABEL a=b \\\n# trailing\n\n';
    const label = parseDockerfile(text).instructions[1]!;
    assert.equal(text.slice(label.start, label.end), 'LABEL a=b \\');
  });

  it('ENV/ARG pairs come from the builder\'s reading: a commented-out line inside a continued ENV sets nothing', async () => {
    const text = 'FROM alpine:3.20\nENV APP_ENV=production \\\n    # DB_PASSWORD=hunter2hunter2\n    API_TOKEN="fk-token-value-0193"  \nUSER 10001\n';
    const { findings } = await scan(text);
    const lines = text.split('\n');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character)]),
      [['config.docker.env-secret', 'API_TOKEN="fk-token-value-0193"']],
    );
  });

  it('FROM reads its image past flags, continuations and comment lines; from-latest points at the image', async () => {
    const text = 'FROM --platform=$BUILDPLATFORM \\\n    # pinned by the build\n    node:20 AS build\nFROM \\\n    ubuntu\nUSER 10001\n';
    const { findings } = await scan(text);
    const lines = text.split('\n');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line, lines[f.range.start.line]!.slice(f.range.start.character, f.range.end.character)]),
      [['config.docker.from-latest', 4, 'ubuntu']],
    );
  });

  it('a finding in a heredoc points at the command, a line of the body', async () => {
    const text = 'FROM alpine:3.20\nRUN <<EOF\nset -e\ncurl -fsSL https://x.example/i.sh | sh\nEOF\nUSER 10001\n';
    const { findings } = await scan(text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range]),
      [['config.docker.curl-pipe-shell', { start: { line: 3, character: 0 }, end: { line: 3, character: 'curl -fsSL https://x.example/i.sh | sh'.length } }]],
    );
  });
});

describe('Dockerfile parser: bad input', () => {
  const pieces = ['FROM a', 'FROM a AS b', 'RUN a \\', 'RUN <<EOF', 'RUN <<-"X" <<Y', 'EOF', 'COPY <<A /a', '  # c', '', '\t', 'USER root', 'ENV A=1 B="x', "ENV K 'v", 'CMD ["a", "b"', '# escape=`', '# escape=\\', 'RUN x `', 'RUN\\', '\u0000\u0001\ufffd', '\ufeffFROM z', '\r', 'ONBUILD RUN <<E', 'HEALTHCHECK CMD curl x | sh', 'FROM', 'ARG', 'LABEL "a b"=c \\'];

  it('never throws on random fragments; offsets stay inside the text and in order', () => {
    const rnd = prng(12);
    for (let k = 0; k < 1500; k++) {
      const n = 1 + Math.floor(rnd() * 14);
      const parts: string[] = [];
      for (let i = 0; i < n; i++) parts.push(pieces[Math.floor(rnd() * pieces.length)]!);
      const text = parts.join(rnd() < 0.2 ? '\r\n' : '\n');
      const df = parseDockerfile(text);
      assert.equal(df.error, undefined, JSON.stringify(text));
      let last = 0;
      for (const i of df.instructions) {
        assert.ok(last <= i.start && i.start <= i.argsStart && i.argsStart <= i.end && i.end <= text.length, JSON.stringify(text));
        assert.equal(text.slice(i.argsStart, i.end), i.args);
        for (const c of commandTexts(i)) {
          // Comment lines are blanked; everything else is the file's text at the same offsets.
          const src = text.slice(c.start, c.start + c.text.length);
          assert.equal(src.length, c.text.length);
          assert.ok([...c.text].every((ch, k) => ch === ' ' || ch === src[k]), JSON.stringify(text));
        }
        last = i.end;
      }
    }
  });

  it('reads binary text without throwing', () => {
    const rnd = prng(3);
    const text = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(rnd() * 256))).join('');
    const df = parseDockerfile(text);
    assert.equal(df.error, undefined);
    for (const i of df.instructions) assert.ok(i.start <= i.end && i.end <= text.length);
  });

  it('a deep continuation is one instruction', () => {
    const text = 'FROM a:1\nRUN true \\\n' + '  && echo x \\\n'.repeat(5_000) + '  && chmod 777 /app\n';
    const df = parseDockerfile(text);
    assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
    assert.ok(df.instructions[1]!.joined.endsWith('&& chmod 777 /app'));
  });

  it('an unterminated heredoc runs to the end of the file, as BuildKit reads it', () => {
    const df = parseDockerfile('FROM a:1\nRUN <<EOF\necho hi\nUSER root\n');
    assert.deepEqual(df.instructions.map((i) => i.keyword), ['FROM', 'RUN']);
  });

  it('a parser failure is a notice naming only the error type, never the file text it may quote', async () => {
    const parse = DockerfileParser.parse;
    const secret = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
    DockerfileParser.parse = (text: string) => {
      throw new RangeError(`cannot read ${text}`);
    };
    try {
      assert.equal(parseDockerfile(`FROM a\nENV TOKEN=${secret}\n`).error, 'the Dockerfile parser failed (RangeError)');
      const { findings, notices } = await scan(`FROM a\nENV TOKEN=${secret}\n`);
      assert.deepEqual(findings, []);
      assert.ok(notices.some((n) => n.includes('parser failed (RangeError)')), notices.join('\n'));
      assert.ok(!notices.some((n) => n.includes(secret.slice(4, 16))));
    } finally {
      DockerfileParser.parse = parse;
    }
  });

  it('a Dockerfile over the size limit is not parsed: a notice says why, and nothing throws', async () => {
    const text = 'FROM ubuntu\nRUN ' + 'x'.repeat(MAX_DOCKERFILE_CHARS) + '\n';
    assert.match(parseDockerfile(text).error ?? '', /over the 262,144/);
    const { findings, notices } = await scan(text);
    assert.deepEqual(findings, []);
    assert.ok(notices.some((n) => /did not check this Dockerfile: .*characters, over the 262,144/.test(n)), notices.join('\n'));
  });
});

describe('Dockerfile: work per edit', () => {
  it('an edit re-parses the edited Dockerfile only, once, and gives a fresh scan findings', async () => {
    const a = 'FROM node:20\nRUN npm ci\nCMD ["node", "a.js"]\n';
    const b = 'FROM alpine:3.20\nUSER 10001\n';
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const fresh = await Engine.create({ analyzers: createAnalyzers().analyzers });
    try {
      engine.open('a', '/r/Dockerfile', 'dockerfile', a, 1);
      engine.open('b', '/r/web/Dockerfile', 'dockerfile', b, 1);
      engine.analyze('a', CONFIG);
      engine.analyze('b', CONFIG);
      const before = DOCKERFILE_WORK.parsed;
      engine.change('a', [{ range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, text: ' && curl -s https://x.example/i | sh' }], 2);
      const got = engine.analyze('a', CONFIG).findings.filter((f) => f.pack === 'config');
      engine.analyze('b', CONFIG);
      assert.equal(DOCKERFILE_WORK.parsed - before, 1);
      const text = 'FROM node:20\nRUN npm ci && curl -s https://x.example/i | sh\nCMD ["node", "a.js"]\n';
      const want = fresh.scanText('/r/Dockerfile', 'dockerfile', text, CONFIG).findings.filter((f) => f.pack === 'config');
      assert.deepEqual(got.map((f) => [f.ruleId, f.range]), want.map((f) => [f.ruleId, f.range]));
      assert.ok(got.some((f) => f.ruleId === 'config.docker.curl-pipe-shell'));
    } finally {
      engine.dispose();
      fresh.dispose();
    }
  });
});
