/**
 * The ground truth of the bench's actionlint comparison (bench/parts/iac-peers.ts): the generated workflows are
 * valid YAML that Vigil reads as workflows, and the untrusted expressions the generator says it planted are
 * exactly the ones in `run:` scripts, so "untrusted expressions found" can be read against the planted count.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { generateWorkflows } from '../../bench/parts/iac-peers';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../server/src/engine/types';

const CONFIG: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info', packs: { taint: false, secrets: false, config: true, dependencies: false } };

describe('bench workflows for the actionlint comparison', () => {
  it('plant an untrusted expression exactly where the generator says, and Vigil finds each one once', async () => {
    const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
    const workflows = generateWorkflows(40);
    const planted = workflows.filter((w) => w.planted).length;
    assert.ok(planted > 0 && planted < workflows.length, 'some workflows planted, some clean');
    for (const w of workflows) {
      for (const d of parseAllDocuments(w.text)) assert.deepEqual(d.errors, [], `${w.name} parses`);
      const findings = engine.scanText(`/repo/.github/workflows/${w.name}`, 'yaml', w.text, CONFIG).findings;
      const injections = findings.filter((f) => f.ruleId === 'config.gha.run-injection' || f.ruleId === 'config.gha.script-injection');
      assert.equal(injections.length, w.planted ? 1 : 0, `${w.name}: ${injections.map((f) => f.message).join('; ')}`);
      // Every workflow is read as one: each has at least the unpinned-action finding (actions/*@v4 tags).
      assert.ok(findings.some((f) => f.ruleId.startsWith('config.gha.')), `${w.name} is scanned as a workflow`);
    }
  });

  it('is deterministic, so both tools scan the same text in every run', () => {
    assert.deepEqual(generateWorkflows(10), generateWorkflows(10));
  });
});
