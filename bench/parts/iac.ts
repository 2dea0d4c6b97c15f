/**
 * Edit latency of the config (IaC) pack, in-process: a 2,000-line Kubernetes YAML stream (deployments, services,
 * config maps) and a 2,000-line Terraform file (resources with nested blocks), per-edit p50/p95 of apply + parse +
 * the config and secrets packs, beside the parse floor (apply + the YAML/HCL parse the config pack cannot skip).
 * Target: ≤ 15 ms p95 (issue 12). Run by `npm run bench` (part `iac`) in a child process:
 *   node --import tsx bench/parts/iac.ts --child --grammars <dir> [--rules <dir>] --pairs <n> [--budget-ms <n>]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzers, DEFAULT_SETTINGS, Engine, type AnalysisSettings } from '../../server/src/engine';
import { HclFile } from '../../server/src/engine/iac/hcl';
import { parseYaml, type YamlParseCache } from '../../server/src/engine/iac/yaml-model';
import { BENCH, REPO } from '../lib/paths';
import { pick, rng, summarize, type Summary } from '../lib/stats';

export interface IacEditCostRow {
  file: 'kubernetes' | 'terraform';
  lines: number;
  /** Documents (YAML) or top-level blocks (Terraform). */
  blocks: number;
  /** Apply the edit only (no tree-sitter grammar for YAML or HCL: nothing else happens without a pack). */
  applyMs: Summary;
  /** The parse floor: apply + the YAML parse or HCL read of the edited documents or blocks (cached as the pack's session caches them). */
  parseMs: Summary;
  configMs: Summary;
  secretsMs: Summary;
  allPacksMs: Summary;
  findings: number;
}

export interface GeneratedConfig {
  text: string;
  /** Lines where a paste may go (the start of a document or top-level block). */
  blockStarts: number[];
  blocks: number;
}

const APPS = ['api', 'web', 'worker', 'billing', 'search', 'auth', 'cart', 'mailer', 'report', 'gateway'];

function deployment(r: () => number, name: string, i: number): string {
  const insecure = i % 7 === 3;
  const image = `registry.example.com/team/${name}:1.${i % 20}.${i % 9}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels:
    app: ${name}
    tier: backend
spec:
  replicas: ${1 + Math.floor(r() * 5)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: backend
    spec:
      serviceAccountName: ${name}
      securityContext:
        runAsNonRoot: true
        runAsUser: ${1000 + i}
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: ${name}
          image: ${image}
          ports:
            - containerPort: ${8000 + (i % 100)}
              name: http
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_HOST
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: db_host
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              cpu: 500m
              memory: 256Mi
          securityContext:
            allowPrivilegeEscalation: ${insecure ? 'true' : 'false'}
            readOnlyRootFilesystem: true
            privileged: ${insecure ? 'true' : 'false'}
            capabilities:
              drop: [ALL]
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 10
`;
}

function service(name: string, i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  type: ${i % 5 === 0 ? 'LoadBalancer' : 'ClusterIP'}
  selector:
    app: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(name: string, i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: shop
data:
  db_host: db-${i}.shop.svc.cluster.local
  feature_flags: "search,cart,checkout"
  timeout_seconds: "${10 + (i % 50)}"
`;
}

/** A Kubernetes stream of about `lines` lines: a Deployment, its Service and ConfigMap per app, repeated. */
export function generateKubernetes(lines: number, seed = 12): GeneratedConfig {
  const r = rng(seed);
  const docs: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const name = `${pick(r, APPS)}-${i}`;
    for (const d of [deployment(r, name, i), service(name, i), configMap(name, i)]) {
      docs.push(d);
      n += d.split('\n').length;
    }
  }
  return joinBlocks(docs, '---\n');
}

function tfBlocks(r: () => number, i: number): string[] {
  const open = i % 6 === 2;
  const name = `${pick(r, APPS)}_${i}`;
  return [
    `resource "aws_security_group" "${name}" {
  name        = "${name}"
  description = "Traffic for ${name}"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTPS from the load balancer"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["${open ? '0.0.0.0/0' : '10.0.0.0/16'}"]
  }

  ingress {
    description = "SSH from the bastion"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.0.${i % 250}.0/24"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = {
    Name        = "${name}"
    Environment = var.environment
  }
}
`,
    `resource "aws_instance" "${name}" {
  ami                    = data.aws_ami.ubuntu.id
  instance_type          = "t3.${pick(r, ['micro', 'small', 'medium'])}"
  subnet_id              = var.private_subnet_ids[${i % 3}]
  vpc_security_group_ids = [aws_security_group.${name}.id]
  monitoring             = true
  ebs_optimized          = true

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "${i % 5 === 1 ? 'optional' : 'required'}"
  }

  root_block_device {
    volume_size = ${20 + (i % 10) * 10}
    volume_type = "gp3"
    encrypted   = true
  }

  tags = {
    Name = "${name}"
  }
}
`,
    `resource "aws_s3_bucket" "${name}_data" {
  bucket = "example-${name.replace(/_/g, '-')}-data"
}

resource "aws_s3_bucket_public_access_block" "${name}_data" {
  bucket                  = aws_s3_bucket.${name}_data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "${name}_data" {
  bucket = aws_s3_bucket.${name}_data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
`,
    `resource "aws_iam_role_policy" "${name}" {
  name = "${name}-read"
  role = aws_iam_role.${name}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = [aws_s3_bucket.${name}_data.arn, "\${aws_s3_bucket.${name}_data.arn}/*"]
      },
    ]
  })
}
`,
  ];
}

/** A Terraform file of about `lines` lines: security groups with nested rules, instances, buckets, policies. */
export function generateTerraform(lines: number, seed = 12): GeneratedConfig {
  const r = rng(seed);
  const blocks: string[] = [
    `variable "vpc_id" {
  type = string
}

variable "environment" {
  type    = string
  default = "staging"
}
`,
  ];
  let n = blocks[0]!.split('\n').length;
  for (let i = 0; n < lines; i++) {
    for (const b of tfBlocks(r, i)) {
      blocks.push(b);
      n += b.split('\n').length + 1;
    }
  }
  return joinBlocks(blocks, '\n');
}

function joinBlocks(blocks: string[], sep: string): GeneratedConfig {
  const blockStarts: number[] = [];
  let line = 0;
  const parts: string[] = [];
  for (const [i, b] of blocks.entries()) {
    if (i > 0) {
      parts.push(sep);
      line += sep.split('\n').length - 1;
    }
    blockStarts.push(line);
    parts.push(b);
    line += b.split('\n').length - 1;
  }
  return { text: parts.join(''), blockStarts, blocks: blocks.length };
}

interface Edit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/**
 * Pairs of edits that leave the text as it was: 70% type a character then delete it, 30% paste a whole block
 * (a document with its `---`, or a resource) at a block start then undo it.
 */
export function configEditScript(g: GeneratedConfig, file: IacEditCostRow['file'], pairs: number, seed: number): Edit[] {
  const r = rng(seed);
  const lines = g.text.split('\n');
  const out: Edit[] = [];
  for (let i = 0; i < pairs; i++) {
    if (r() < 0.3) {
      const line = pick(r, g.blockStarts);
      const snippet = file === 'kubernetes' ? `${deployment(r, `pasted-${i}`, i)}---\n` : `${pick(r, tfBlocks(r, 1000 + i))}\n`;
      const added = snippet.split('\n').length - 1;
      const at = { line, character: 0 };
      out.push({ range: { start: at, end: at }, text: snippet });
      out.push({ range: { start: at, end: { line: line + added, character: 0 } }, text: '' });
    } else {
      const line = Math.floor(r() * (lines.length - 1));
      const character = Math.floor(r() * ((lines[line] ?? '').length + 1));
      const at = { line, character };
      out.push({ range: { start: at, end: at }, text: pick(r, [...'abcxyz_-:']) });
      out.push({ range: { start: at, end: { line, character: character + 1 } }, text: '' });
    }
  }
  return out;
}

type Measure = 'applyMs' | 'parseMs' | 'configMs' | 'secretsMs' | 'allPacksMs';

async function child(): Promise<void> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const rulesDir = arg('rules');
  const engine = await Engine.create({ analyzers: createAnalyzers(rulesDir ? { rulesDir } : {}).analyzers, grammarDir: arg('grammars') });
  const pairs = Number(arg('pairs') ?? '50');
  const budgetMs = Number(arg('budget-ms') ?? '20000');
  const only = (p: keyof AnalysisSettings['packs']): AnalysisSettings => ({
    ...DEFAULT_SETTINGS,
    packs: { taint: false, secrets: false, config: false, dependencies: false, [p]: true },
  });
  const rows: IacEditCostRow[] = [];
  for (const file of ['kubernetes', 'terraform'] as const) {
    const g = file === 'kubernetes' ? generateKubernetes(2_000) : generateTerraform(2_000);
    const path = file === 'kubernetes' ? '/bench/deploy/shop.yaml' : '/bench/infra/main.tf';
    const lang = file === 'kubernetes' ? 'yaml' : 'terraform';
    const script = configEditScript(g, file, pairs + 1, 4242);
    const row: Partial<IacEditCostRow> = { file, lines: g.text.split('\n').length, blocks: g.blocks };
    const measures: [Measure, AnalysisSettings | 'parse' | undefined][] = [
      ['applyMs', undefined],
      ['parseMs', 'parse'],
      ['configMs', only('config')],
      ['secretsMs', only('secrets')],
      ['allPacksMs', DEFAULT_SETTINGS],
    ];
    for (const [key, how] of measures) {
      const uri = `bench:${path}#${key}`;
      const doc = engine.open(uri, path, lang, g.text, 1);
      const cache: YamlParseCache = new Map();
      const hcl = new HclFile();
      const parse = () => (file === 'kubernetes' ? parseYaml(doc.text, cache) : hcl.read(doc.text, doc.takeDelta()));
      if (how === 'parse') parse();
      else if (how) {
        const res = engine.analyze(uri, how);
        if (key === 'allPacksMs') row.findings = res.findings.length;
      }
      const times: number[] = [];
      const started = performance.now();
      for (const [i, e] of script.entries()) {
        // Bounded per file and measure, so a slow pack cannot stall the run; n in the result says how many.
        if (i > 3 && performance.now() - started > budgetMs / 5) break;
        const t0 = performance.now();
        engine.change(uri, [{ range: e.range, text: e.text }], i + 2);
        if (how === 'parse') parse();
        else if (how) engine.analyze(uri, how);
        if (i >= 2) times.push(performance.now() - t0); // one pair of warm-up
      }
      engine.close(uri);
      row[key] = summarize(times);
    }
    rows.push(row as IacEditCostRow);
  }
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

/** Runs the part in a child process (its own heap, like the other in-process runners). */
export function runIacEditCost(o: { pairs: number; budgetSeconds: number }): IacEditCostRow[] {
  const grammars = existsSync(join(REPO, 'dist', 'grammars')) ? join(REPO, 'dist', 'grammars') : join(REPO, 'grammars');
  const args = ['--import', 'tsx', join(BENCH, 'parts', 'iac.ts'), '--child', '--grammars', grammars, '--pairs', String(o.pairs), '--budget-ms', String(o.budgetSeconds * 1000)];
  if (existsSync(join(REPO, 'rules'))) args.push('--rules', join(REPO, 'rules'));
  const out = execFileSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 300_000 });
  return JSON.parse(out) as IacEditCostRow[];
}

if (process.argv.includes('--child')) {
  child().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
