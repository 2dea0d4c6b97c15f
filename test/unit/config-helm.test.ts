/**
 * Helm chart templates: the YAML around `{{ ... }}` actions is checked where it parses, at the original positions,
 * and nothing is reported on a templated value or on a key an injected block may set.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding } from '../../server/src/engine/types';

const ALL: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info' };
const root = mkdtempSync(join(tmpdir(), 'vigil-helm-'));
after(() => rmSync(root, { recursive: true, force: true }));

function chart(withChartYaml: boolean): string {
  const dir = join(root, withChartYaml ? 'chart' : 'plain');
  mkdirSync(join(dir, 'templates'), { recursive: true });
  if (withChartYaml) writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
  return join(dir, 'templates', 'deployment.yaml');
}

const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "c.fullname" . }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  template:
    spec:
      securityContext:
        {{- toYaml .Values.podSecurityContext | nindent 8 }}
      containers:
        - name: app
          image: {{ .Values.image | quote }}
          securityContext:
            privileged: true
            runAsUser: {{ .Values.uid }}
            readOnlyRootFilesystem: false
`;

async function configFindings(path: string, text: string): Promise<Finding[]> {
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  try {
    return engine.scanText(path, 'yaml', text, ALL).findings.filter((f) => f.pack === 'config');
  } finally {
    engine.dispose();
  }
}

describe('config pack: Helm chart templates', () => {
  it('checks the literal YAML of a chart template at its original position', async () => {
    const findings = await configFindings(chart(true), TEMPLATE);
    const priv = findings.find((f) => f.ruleId === 'config.k8s.privileged');
    assert.ok(priv, JSON.stringify(findings.map((f) => f.ruleId)));
    const line = TEMPLATE.split('\n').findIndex((l) => l.includes('privileged: true'));
    assert.deepEqual(priv.range.start, { line, character: TEMPLATE.split('\n')[line]!.indexOf('privileged') });
  });

  it('reports nothing on a templated value, nor a key missing where an injected block may set it', async () => {
    const ids = (await configFindings(chart(true), TEMPLATE)).map((f) => f.ruleId);
    // image is templated (no "no tag" finding); runAsUser is templated; the pod securityContext is injected.
    for (const id of ['config.k8s.image-latest', 'config.k8s.run-as-non-root', 'config.k8s.run-as-root', 'config.k8s.allow-privilege-escalation']) {
      assert.ok(!ids.includes(id), `${id} in ${ids.join(', ')}`);
    }
  });

  it('a literal value that turns a setting off is still reported where blocks are injected', async () => {
    const f = (await configFindings(chart(true), TEMPLATE)).find((x) => x.ruleId === 'config.k8s.writable-root-filesystem');
    assert.ok(f);
    assert.equal(TEMPLATE.split('\n')[f.range.start.line]!.trim(), 'readOnlyRootFilesystem: false');
  });

  it('a templates/ folder without a Chart.yaml beside it is not read as a chart', async () => {
    assert.deepEqual(await configFindings(chart(false), TEMPLATE), []);
  });
});
