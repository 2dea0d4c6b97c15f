/**
 * Exposure across resources and files: a Terraform instance attached to a security group open to the internet
 * ranks as exposed (same file, or another file of the same module in a workspace scan), and a Kubernetes workload
 * selected by a LoadBalancer Service or routed to by an Ingress in another file of the workspace does too.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { createAnalyzers } from '../../server/src/engine/analyzers';
import { Engine } from '../../server/src/engine/engine';
import { exposureFacts } from '../../server/src/engine/iac/exposure';
import { loadHclGrammar } from '../../server/src/engine/iac/hcl';
import { DEFAULT_SETTINGS, type AnalysisSettings, type Finding } from '../../server/src/engine/types';

const ALL: AnalysisSettings = { ...DEFAULT_SETTINGS, minSeverity: 'info' };

const SG = (name: string, cidr: string) => `resource "aws_security_group" "${name}" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["${cidr}"]
  }
}
`;

const INSTANCE = (name: string, sg: string) => `resource "aws_instance" "${name}" {
  ami                    = "ami-12345678"
  instance_type          = "t3.micro"
  vpc_security_group_ids = [aws_security_group.${sg}.id]
  metadata_options {
    http_tokens = "optional"
  }
}
`;

async function scanText(path: string, text: string, languageId: string): Promise<Finding[]> {
  const engine = await Engine.create({ analyzers: createAnalyzers().analyzers });
  try {
    return engine.scanText(path, languageId, text, ALL).findings.filter((f) => f.pack === 'config');
  } finally {
    engine.dispose();
  }
}

interface JsonFinding {
  path: string;
  ruleId: string;
  severity: string;
  message: string;
  properties?: Record<string, unknown>;
}

async function scanDir(dir: string): Promise<JsonFinding[]> {
  let out = '';
  const io = { stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write: () => true, isTTY: false, columns: 80 }, cwd: dir, env: {} };
  await runCli(['scan', '--root', dir, '-j', '1', '--format', 'json', '--min-severity', 'info'], io, { progressDelayMs: 0 });
  return (JSON.parse(out) as { findings: JsonFinding[] }).findings.filter((f) => f.ruleId.startsWith('config.'));
}

describe('config pack: exposure across resources and files', () => {
  it('a Terraform instance attached to a security group open to 0.0.0.0/0 ranks as exposed; one behind a closed group does not', async () => {
    const text = SG('open', '0.0.0.0/0') + SG('closed', '10.0.0.0/8') + INSTANCE('public', 'open') + INSTANCE('private', 'closed');
    const imds = (await scanText('/r/main.tf', text, 'terraform')).filter((f) => f.ruleId === 'config.tf.aws.imdsv1');
    assert.equal(imds.length, 2);
    const [pub, priv] = imds.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(pub!.properties?.exposure, 'internet');
    assert.match(pub!.message, /security group open to the internet: aws_security_group\.open/);
    assert.equal(pub!.severity, 'high');
    assert.equal(priv!.properties?.exposure, undefined);
    assert.equal(priv!.severity, 'medium');
  });

  it('the workspace scan sees a LoadBalancer Service, an Ingress and an open security group in other files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-exposure-'));
    try {
      mkdirSync(join(dir, 'k8s'));
      mkdirSync(join(dir, 'infra'));
      const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: ${name}
          image: nginx:1.27
          securityContext: { privileged: true }
`;
      writeFileSync(join(dir, 'k8s', 'web.yaml'), deployment('web'));
      writeFileSync(join(dir, 'k8s', 'api.yaml'), deployment('api'));
      writeFileSync(join(dir, 'k8s', 'batch.yaml'), deployment('batch'));
      writeFileSync(join(dir, 'k8s', 'services.yaml'), `apiVersion: v1
kind: Service
metadata: { name: web }
spec: { type: LoadBalancer, selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: api }
spec: { selector: { app: api }, ports: [{ port: 80 }] }
`);
      writeFileSync(join(dir, 'k8s', 'ingress.yaml'), `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: public }
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: api, port: { number: 80 } } }
`);
      writeFileSync(join(dir, 'infra', 'network.tf'), SG('open', '0.0.0.0/0'));
      writeFileSync(join(dir, 'infra', 'compute.tf'), INSTANCE('public', 'open'));
      const findings = await scanDir(dir);
      const privileged = (file: string) => findings.find((f) => f.path === `k8s/${file}` && f.ruleId === 'config.k8s.privileged');
      assert.match(privileged('web.yaml')?.message ?? 'missing', /Service web \(LoadBalancer\)/);
      assert.match(privileged('api.yaml')?.message ?? 'missing', /Ingress public routes to this workload/);
      assert.equal(privileged('batch.yaml')?.properties?.exposure, undefined);
      const imds = findings.find((f) => f.path === 'infra/compute.tf' && f.ruleId === 'config.tf.aws.imdsv1');
      assert.equal(imds?.properties?.exposure, 'internet', JSON.stringify(imds));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a Terraform file's half-typed block does not hide the open security groups of its other blocks", async () => {
    await loadHclGrammar();
    const broken = 'variable "region" {\n  default = "eu-west-1\n}\n\n';
    const facts = exposureFacts('/r/infra/network.tf', broken + SG('open', '0.0.0.0/0'));
    assert.deepEqual(facts.openGroups, [{ dir: '/r/infra', name: 'open' }]);
    assert.deepEqual(exposureFacts('/r/infra/network.tf', broken).openGroups, []);
  });
});
