/**
 * What a secrets-only scan costs: the syntax tree is built only when a pack needs it. The secrets pack reads the
 * tree only to describe a finding (comment, test function, quick fix), so a file without a keyword hit is never
 * parsed; a finding still gets its syntax context.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { createSecretsAnalyzer } from '../../server/src/engine/secrets';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const SECRETS_ONLY = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const, packs: { taint: false, secrets: true, config: false, dependencies: false } };
// A fake token with a valid checksum, as in secrets-findings.test.ts.
const GH = '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';

describe('secrets-only scan cost', () => {
  let engine: Engine;
  let parses = 0;
  before(async () => {
    const grammars = await GrammarRegistry.create();
    const parse = grammars.parse.bind(grammars);
    grammars.parse = (...args: Parameters<GrammarRegistry['parse']>) => {
      parses++;
      return parse(...args);
    };
    engine = Engine.withGrammars(grammars, [createSecretsAnalyzer().analyzer]);
  });
  after(() => engine.dispose());

  it('does not parse a file in which the secrets pack finds nothing', () => {
    parses = 0;
    const r = engine.scanText('/ws/src/app.js', 'javascript', 'export function add(a, b) {\n  return a + b;\n}\n', SECRETS_ONLY, '/ws');
    assert.equal(r.findings.length, 0);
    assert.equal(parses, 0);
  });

  it('does not parse on later edits either (LSP path), while nothing is found', () => {
    parses = 0;
    engine.open('file:///ws/src/b.js', '/ws/src/b.js', 'javascript', 'const a = 1;\n');
    engine.analyze('file:///ws/src/b.js', SECRETS_ONLY, '/ws');
    engine.change('file:///ws/src/b.js', [{ range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } }, text: '2' }], 2);
    assert.equal(engine.analyze('file:///ws/src/b.js', SECRETS_ONLY, '/ws')?.findings.length, 0);
    engine.close('file:///ws/src/b.js');
    assert.equal(parses, 0);
  });

  it('still parses to describe a finding: a token in a comment is reported as in a comment', () => {
    parses = 0;
    const r = engine.scanText('/ws/src/app.js', 'javascript', `/* old token: ${GH} */\nconst x = 1;\n`, SECRETS_ONLY, '/ws');
    assert.equal(r.findings.length, 1);
    assert.equal(r.findings[0]!.properties?.context, 'comment');
    assert.ok(parses >= 1);
  });
});

describe('packs switched off are not built', () => {
  it('createAnalyzers builds only the packs switched on (a secrets-only CLI scan does not load the taint rules)', () => {
    const only = createAnalyzers({ packs: { secrets: true, taint: false, config: false, dependencies: false } });
    assert.deepEqual(only.analyzers.map((a) => a.pack), ['secrets']);
    const all = createAnalyzers({});
    assert.deepEqual(all.analyzers.map((a) => a.pack), ['secrets', 'taint', 'config', 'dependencies']);
  });
});
