/**
 * Exposure ranking in the config pack: a finding on something the internet can reach (a pod behind a
 * LoadBalancer/NodePort Service or an Ingress, a workflow any outsider can trigger) ranks one severity level
 * higher than the same finding on something internal, says why in its message, and carries
 * `properties.exposure`. Rules about exposure itself (open security groups, public buckets) carry it too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding } from '../../server/src/engine/types';

const ALL: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info' };

async function scan(path: string, text: string, languageId = 'yaml'): Promise<Finding[]> {
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  try {
    return engine.scanText(path, languageId, text, ALL).findings.filter((f) => f.pack === 'config');
  } finally {
    engine.dispose();
  }
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web, tier: front }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: { privileged: true }
`;

const service = (type: string, selector: string, name = 'web'): string => `---
apiVersion: v1
kind: Service
metadata: { name: ${name} }
spec:
  type: ${type}
  selector: { ${selector} }
  ports: [{ port: 80 }]
`;

function privileged(findings: Finding[]): Finding {
  const f = findings.find((x) => x.ruleId === 'config.k8s.privileged');
  assert.ok(f, 'config.k8s.privileged expected');
  return f;
}

describe('config pack: exposure ranking', () => {
  it('a pod selected by a LoadBalancer or NodePort Service ranks one level higher and says why', async () => {
    for (const type of ['LoadBalancer', 'NodePort']) {
      const f = privileged(await scan('/r/k8s/web.yaml', DEPLOYMENT + service(type, 'app: web')));
      assert.equal(f.severity, 'critical', type);
      assert.equal(f.properties?.exposure, 'internet');
      assert.match(f.message, new RegExp(`Service web \\(${type}\\)`));
    }
  });

  it('the same pod behind a ClusterIP Service, a Service selecting other pods, or no Service stays as it is', async () => {
    for (const extra of [service('ClusterIP', 'app: web'), service('LoadBalancer', 'app: api'), service('LoadBalancer', 'app: web, tier: back'), '']) {
      const f = privileged(await scan('/r/k8s/web.yaml', DEPLOYMENT + extra));
      assert.equal(f.severity, 'high', extra);
      assert.equal(f.properties?.exposure, undefined, extra);
      assert.doesNotMatch(f.message, /internet/i);
    }
  });

  it('a pod reached through an Ingress (to a ClusterIP Service) is exposed too', async () => {
    const ingress = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: site }
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: web-internal, port: { number: 80 } } }
`;
    const f = privileged(await scan('/r/k8s/web.yaml', DEPLOYMENT + service('ClusterIP', 'app: web', 'web-internal') + ingress));
    assert.equal(f.severity, 'critical');
    assert.equal(f.properties?.exposure, 'internet');
    assert.match(f.message, /Ingress site/);
  });

  it('findings of a workflow that outsiders trigger (pull_request_target, issues, issue_comment) rank higher', async () => {
    const wf = (on: string): string => `on: ${on}
permissions: { contents: read }
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - uses: some-org/some-action@v1
`;
    const pinned = (fs: Finding[]): Finding => fs.find((f) => f.ruleId === 'config.gha.unpinned-action')!;
    const internal = pinned(await scan('/r/.github/workflows/ci.yml', wf('push')));
    assert.equal(internal.properties?.exposure, undefined);
    for (const on of ['pull_request_target', '[issues]', '{ issue_comment: { types: [created] } }']) {
      const exposed = pinned(await scan('/r/.github/workflows/ci.yml', wf(on)));
      assert.equal(exposed.properties?.exposure, 'internet', on);
      assert.notEqual(exposed.severity, internal.severity, on);
      assert.match(exposed.message, /anyone/, on);
    }
  });

  it('rules about exposure itself carry properties.exposure without a second bump', async () => {
    const tf = 'resource "aws_security_group" "sg" {\n  ingress {\n    from_port = 22\n    to_port = 22\n    protocol = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n';
    const f = (await scan('/r/main.tf', tf, 'terraform')).find((x) => x.ruleId === 'config.tf.aws.sg-open-admin-port')!;
    assert.equal(f.properties?.exposure, 'internet');
    assert.equal(f.severity, 'critical');
    const internal = (await scan('/r/main.tf', 'resource "aws_ebs_volume" "v" {\n  size = 1\n}\n', 'terraform')).find((x) => x.ruleId === 'config.tf.aws.ebs-unencrypted')!;
    assert.equal(internal.properties?.exposure, undefined);
  });
});
