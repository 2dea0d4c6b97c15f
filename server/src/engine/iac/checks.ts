/**
 * Config rules written in TypeScript, for logic the structural `match` form would contort (scanning expressions
 * inside scripts, ordering of steps, Dockerfile stages). Each check is registered here by name; its rule's
 * metadata (id, message, severity, CWE, kind) still lives in `rules/config/*.yml` with `check: <name>`.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { LineIndex } from '../text';
import type { Fix, Range, TextEdit } from '../types';
import { genericValueReason, placeholderReason } from '../secrets/false-positive-filters';
import { maskSecret } from '../secrets/mask';
import { keyValues, type DockerInstruction, type ParsedDockerfile } from './dockerfile';
import { setEdit, YamlMatcher, type Sel } from './yaml-match';
import { entries, get, scalarText, type YamlDoc } from './yaml-model';

/** One place a check reports. The rule supplies the rest of the finding. */
export interface CheckHit {
  range: Range;
  fixes?: Fix[];
  /** Appended to the rule's message (e.g. the masked value); never a whole secret. */
  detail?: string;
}

export interface CheckInput {
  lines: LineIndex;
  /** For YAML kinds: one document of the file. */
  yaml?: YamlDoc;
  docker?: ParsedDockerfile;
}

type Check = (input: CheckInput) => CheckHit[];

/**
 * Expression contexts an outside attacker controls (GitHub Security Lab's list for script injection): titles,
 * bodies, branch names, commit messages and author fields of issues, pull requests, comments, pushes, runs.
 */
export const UNTRUSTED_CONTEXT =
  /\bgithub\.(?:head_ref|event\.(?:issue\.(?:title|body)|pull_request\.(?:title|body|head\.(?:ref|label|repo\.default_branch))|comment\.body|review\.body|review_comment\.body|discussion\.(?:title|body)|pages(?:\[[^\]]*\]|\.[\w*]+)\.page_name|(?:commits(?:\[[^\]]*\]|\.[\w*]+)|head_commit)\.(?:message|author\.(?:email|name)|committer\.(?:email|name))|workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name))|pull_requests(?:\[[^\]]*\]|\.[\w*]+)\.head\.ref)))\b/;

// Bounded length: an unterminated `${{` must not make every later one rescan the rest of the script.
const EXPRESSION = /\$\{\{((?:[^}]|\}(?!\})){0,1000})\}\}/g;

/** `github.event.issue.title` -> `ISSUE_TITLE`: a readable, stable env name for an expression context. */
export function envNameFor(context: string): string {
  const rest = context.replace(/^github\.(event\.)?/, '');
  return rest
    .replace(/\[\s*['"]?([^\]'"]*)['"]?\s*\]/g, '_$1')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

/** Untrusted `${{ }}` expressions in a scalar's source text, as [start, end, context] offsets. */
function untrustedExpressions(text: string, node: YamlNode): [number, number, string][] {
  const r = node.range;
  if (!r || !isScalar(node)) return [];
  const src = text.slice(r[0], r[1]);
  const out: [number, number, string][] = [];
  for (const m of src.matchAll(EXPRESSION)) {
    const ctx = UNTRUSTED_CONTEXT.exec(m[1]!);
    if (ctx) out.push([r[0] + m.index, r[0] + m.index + m[0].length, ctx[0]]);
  }
  return out;
}

/**
 * Findings and fixes for untrusted expressions in a step's script. The fix passes the value through `env:` (set
 * on the step, before `anchorKey`) and reads the variable instead, so the runner never pastes it into code.
 */
function injectionHits(input: CheckInput, step: Sel, script: YamlNode, anchorKey: string, reference: (name: string, quoted: boolean) => string): CheckHit[] {
  const { lines } = input;
  const text = lines.text;
  const hits: CheckHit[] = [];
  for (const [start, end, ctx] of untrustedExpressions(text, script)) {
    const name = envNameFor(ctx);
    const expr = text.slice(start, end);
    const env = setEdit(input.yaml!.doc, lines, step.node, ['env', name], expr, anchorKey);
    const before = text[start - 1];
    const after = text[end];
    const quoted = (before === '"' && after === '"') || (before === "'" && after === "'");
    const edits: TextEdit[] = [];
    if (env) edits.push(env);
    // Single-quoted in a shell would not expand the variable: replace the quotes along with the expression.
    const replaceQuotes = quoted && (before === "'" || reference === jsReference);
    const from = replaceQuotes ? start - 1 : start;
    const to = replaceQuotes ? end + 1 : end;
    edits.push({ range: lines.rangeOf(from, to), newText: reference(name, quoted && !replaceQuotes) });
    hits.push({
      range: lines.rangeOf(start, end),
      fixes: env ? [{ title: `Pass ${ctx} through env: ${name}`, kind: 'fix', isPreferred: true, edits }] : [],
    });
  }
  return hits;
}

const shellReference = (name: string, quoted: boolean): string => (quoted ? `$${name}` : `"$${name}"`);
const jsReference = (name: string): string => `process.env.${name}`;

function isStringValue(node: YamlNode | undefined): node is YamlNode {
  return isScalar(node) && typeof node.value === 'string';
}

const runInjection: Check = (input) => {
  if (!input.yaml) return [];
  const m = new YamlMatcher(input.yaml, input.lines);
  return m.objects({ base: 'object', segments: ['$step'], text: '$step' }).flatMap((step) => {
    const run = get(input.yaml!.doc, step.node, 'run')?.value;
    return isStringValue(run) ? injectionHits(input, step, run, 'run', shellReference) : [];
  });
};

const scriptInjection: Check = (input) => {
  if (!input.yaml) return [];
  const doc = input.yaml.doc;
  const m = new YamlMatcher(input.yaml, input.lines);
  return m.objects({ base: 'object', segments: ['$step'], text: '$step' }).flatMap((step) => {
    const uses = scalarText(get(doc, step.node, 'uses')?.value);
    if (!uses || !/^actions\/github-script@/i.test(uses)) return [];
    const script = get(doc, get(doc, step.node, 'with')?.value, 'script')?.value;
    return isStringValue(script) ? injectionHits(input, step, script, 'with', jsReference) : [];
  });
};

/** Refs that name the pull request's own code rather than the base repository's. */
const PR_HEAD_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|github\.event\.pull_request\.number|github\.event\.number|refs\/pull\//;

/** The workflow's trigger names, from any of the three forms of `on:`. */
export function triggers(y: YamlDoc): string[] {
  const on = get(y.doc, y.root, 'on')?.value;
  if (isScalar(on)) return [String(on.value)];
  if (isSeq(on)) return on.items.map((i) => scalarText(i as YamlNode) ?? '').filter(Boolean);
  if (isMap(on)) return entries(y.doc, on).map((e) => e.key);
  return [];
}

const prTargetCheckout: Check = (input) => {
  const y = input.yaml;
  if (!y) return [];
  const on = triggers(y);
  if (!on.includes('pull_request_target') && !on.includes('workflow_run')) return [];
  const m = new YamlMatcher(y, input.lines);
  const hits: CheckHit[] = [];
  for (const job of m.objects({ base: 'object', segments: ['$job'], text: '$job' })) {
    const steps = get(y.doc, job.node, 'steps')?.value;
    if (!isSeq(steps)) continue;
    const items = steps.items as YamlNode[];
    items.forEach((step, i) => {
      const uses = scalarText(get(y.doc, step, 'uses')?.value) ?? '';
      if (!/^actions\/checkout@/i.test(uses)) return;
      const withNode = get(y.doc, step, 'with')?.value;
      const ref = get(y.doc, withNode, 'ref') ?? get(y.doc, withNode, 'repository');
      const refText = scalarText(ref?.value);
      if (!ref || !refText || !PR_HEAD_REF.test(refText)) return;
      // Checking the code out is only dangerous when something then runs it: a script, or a local or third-party action.
      const runsCode = items.slice(i + 1).some((s) => {
        if (get(y.doc, s, 'run')) return true;
        const u = scalarText(get(y.doc, s, 'uses')?.value) ?? '';
        return u.startsWith('./') || (u !== '' && !/^actions\/(upload-artifact|download-artifact|cache)@/i.test(u));
      });
      if (!runsCode) return;
      const range = m.siteRange({ node: ref.value, entry: ref, anchors: job.anchors });
      if (range) hits.push({ range });
    });
  }
  return hits;
};

// ---- Dockerfile ----

function finalStage(df: ParsedDockerfile) {
  return df.stages[df.stages.length - 1];
}

/** The image a `FROM` names (flags, continuations and comment lines skipped), with its offsets. */
export function fromImage(ins: DockerInstruction): { image: string; start: number; end: number } | undefined {
  return ins.image;
}

/** Images whose default user is known to be unprivileged (distroless `:nonroot`, Chainguard, `*-rootless`). */
const NONROOT_IMAGE = /[:/-](nonroot|rootless)\b|^cgr\.dev\//i;
const ROOT_USER = /^(root|0)(:.*)?$/i;

const rootUser: Check = (input) => {
  const df = input.docker;
  const stage = df && finalStage(df);
  if (!df || !stage) return [];
  const { lines } = input;
  // Follow `FROM <stage>` chains: USER carries over from the stage an image is built on.
  let s: typeof stage | undefined = stage;
  const visited = new Set<number>();
  while (s && !visited.has(s.index)) {
    visited.add(s.index);
    const users = s.instructions.filter((i) => i.keyword === 'USER');
    const last = users[users.length - 1];
    if (last) {
      if (!ROOT_USER.test(last.joined.trim())) return [];
      return [{ range: lines.rangeOf(last.start, last.end) }];
    }
    const image: string | undefined = fromImage(s.from)?.image.toLowerCase();
    if (!image) return [];
    if (NONROOT_IMAGE.test(image)) return [];
    const index: number = s.index;
    s = df.stages.find((x): boolean => x.name === image && x.index < index);
  }
  const from = stage.from;
  // Before CMD/ENTRYPOINT so it reads as part of the runtime set-up; else at the end of the file.
  const runtime = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  const eol = lines.eol;
  const text = lines.text;
  let edit: TextEdit;
  if (runtime) {
    edit = { range: lines.rangeOf(runtime.start, runtime.start), newText: `USER 10001${eol}` };
  } else {
    const end = text.length;
    edit = { range: lines.rangeOf(end, end), newText: `${end > 0 && !text.endsWith('\n') ? eol : ''}USER 10001${eol}` };
  }
  return [
    {
      range: lines.rangeOf(from.start, from.end),
      fixes: [{ title: 'Run as an unprivileged user (USER 10001)', kind: 'fix', isPreferred: true, edits: [edit] }],
    },
  ];
};

const fromLatest: Check = (input) => {
  const df = input.docker;
  if (!df) return [];
  const hits: CheckHit[] = [];
  const stageNames = new Set<string>();
  for (const stage of df.stages) {
    const img = fromImage(stage.from);
    if (img) {
      const name = img.image.toLowerCase();
      const lastPart = name.slice(name.lastIndexOf('/') + 1);
      const pinned = name.includes('@');
      const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : undefined;
      // scratch is empty, earlier stages are local, and `$VAR` images are decided by build arguments.
      const local = name === 'scratch' || stageNames.has(name) || name.includes('$');
      if (!local && !pinned && (tag === undefined || tag === 'latest')) hits.push({ range: input.lines.rangeOf(img.start, img.end) });
    }
    if (stage.name) stageNames.add(stage.name);
  }
  return hits;
};

/** Names of variables that hold credentials; `*_FILE`/`*_PATH` names hold where a secret is, not the secret. */
const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH)(_|$)/i;
const NOT_SECRET_NAME = /_(FILE|PATH|DIR|URL|HOST|PORT|USER|USERNAME|NAME|ID|TYPE|LENGTH|SIZE)$/i;

function secretAssignments(keyword: 'ENV' | 'ARG'): Check {
  return (input) => {
    const df = input.docker;
    if (!df) return [];
    const hits: CheckHit[] = [];
    for (const ins of df.instructions) {
      if (ins.keyword !== keyword) continue;
      for (const kv of keyValues(ins)) {
        if (!SECRET_NAME.test(kv.key) || NOT_SECRET_NAME.test(kv.key)) continue;
        const v = kv.value;
        // A value that is only a variable reference comes from the build, not from the file.
        if (v === undefined || v.trim() === '' || /^\$\{?[A-Za-z_][A-Za-z0-9_]*(:?[-+?][^}]*)?\}?$/.test(v.trim())) continue;
        if (placeholderReason(v) !== undefined) continue; // `changeme`, `<your-token>`: text to replace, not a secret
        hits.push({ range: input.lines.rangeOf(kv.keyStart, kv.end) });
      }
    }
    return hits;
  };
}

// ---- Terraform (read into the same node tree as YAML by hcl.ts) ----

const WORLD = new Set(['0.0.0.0/0', '::/0']);
const ADMIN_PORTS = [22, 3389];

/**
 * Whether an ingress rule's protocol and port range open every port (`all`) or an SSH/RDP port and not every
 * port (`admin`). Protocol -1 (all) opens every port whatever the port fields say; so does 0-65535. Ports that
 * are expressions (not numbers) are unknown and open nothing.
 */
function opensPorts(which: 'admin' | 'all', protocol: string | undefined, fromText: string | undefined, toText: string | undefined): boolean {
  const from = fromText === undefined || fromText === '' ? NaN : Number(fromText);
  const to = toText === undefined || toText === '' ? NaN : Number(toText);
  const allPorts = protocol === '-1' || protocol === 'all' || (from <= 0 && to >= 65535);
  const known = Number.isFinite(from) && Number.isFinite(to);
  return which === 'all' ? allPorts : !allPorts && known && ADMIN_PORTS.some((p) => from <= p && p <= to);
}

/**
 * Ingress rules open to the whole internet, in the three ways the AWS provider writes them: `ingress` blocks of
 * `aws_security_group`, `aws_security_group_rule` with `type = "ingress"`, and `aws_vpc_security_group_ingress_rule`.
 * `which` picks SSH/RDP ports or all ports; the finding sits on the `0.0.0.0/0` (or `::/0`) value.
 */
function openIngress(which: 'admin' | 'all'): Check {
  return (input) => {
    const y = input.yaml;
    if (!y) return [];
    const m = new YamlMatcher(y, input.lines);
    const rules: Sel[] = [
      ...m.objects({ base: 'object', segments: ['resource', 'aws_security_group', '*', 'ingress', '*'], text: '' }),
      ...m.objects({ base: 'object', segments: ['resource', 'aws_security_group_rule', '*'], text: '' }).filter((s) => scalarText(get(y.doc, s.node, 'type')?.value) === 'ingress'),
      ...m.objects({ base: 'object', segments: ['resource', 'aws_vpc_security_group_ingress_rule', '*'], text: '' }),
    ];
    const hits: CheckHit[] = [];
    for (const rule of rules) {
      const world = [
        ...m.walk(rule, ['cidr_blocks', '*']),
        ...m.walk(rule, ['ipv6_cidr_blocks', '*']),
        ...m.walk(rule, ['cidr_ipv4']),
        ...m.walk(rule, ['cidr_ipv6']),
      ].filter((s) => WORLD.has(scalarText(s.node) ?? ''));
      if (world.length === 0) continue;
      const protocol = scalarText(get(y.doc, rule.node, 'protocol')?.value ?? get(y.doc, rule.node, 'ip_protocol')?.value);
      const from = scalarText(get(y.doc, rule.node, 'from_port')?.value);
      const to = scalarText(get(y.doc, rule.node, 'to_port')?.value);
      if (!opensPorts(which, protocol, from, to)) continue;
      for (const w of world) {
        const r = m.siteRange(w);
        if (r) hits.push({ range: r });
      }
    }
    return hits;
  };
}

/** Whether a port spec (`22`, `"20-25"`, `"*"`) covers one of the admin ports. */
function coversAdminPort(spec: string): boolean {
  const t = spec.trim();
  if (t === '*') return true;
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(t);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return ADMIN_PORTS.some((p) => lo <= p && p <= hi);
}

const AZURE_ANY_SOURCE = new Set(['*', '0.0.0.0/0', '::/0', 'internet', 'any']);

/**
 * SSH/RDP open to the internet in Google Cloud (`google_compute_firewall`: ingress from `0.0.0.0/0` allowing port
 * 22/3389, or a protocol with no port list) and Azure (`azurerm_network_security_rule` and `security_rule`
 * blocks: inbound Allow from `*`/`Internet`/`0.0.0.0/0` to port 22/3389 or `*`). The finding sits on the source.
 */
const openAdminPortGcpAzure: Check = (input) => {
  const y = input.yaml;
  if (!y) return [];
  const m = new YamlMatcher(y, input.lines);
  const text = (s: Sel, k: string): string => scalarText(get(y.doc, s.node, k)?.value) ?? '';
  const hits: CheckHit[] = [];
  for (const fw of m.objects({ base: 'object', segments: ['resource', 'google_compute_firewall', '*'], text: '' })) {
    if (text(fw, 'direction').toUpperCase() === 'EGRESS') continue;
    const world = m.walk(fw, ['source_ranges', '*']).filter((s) => WORLD.has(scalarText(s.node) ?? ''));
    if (world.length === 0) continue;
    const open = m.walk(fw, ['allow', '*']).some((a) => {
      const ports = m.walk(a, ['ports', '*']).map((p) => scalarText(p.node) ?? '');
      const proto = text(a, 'protocol').toLowerCase();
      // No port list means every port of the protocol.
      return (ports.length === 0 && (proto === 'all' || proto === 'tcp')) || ports.some(coversAdminPort);
    });
    if (!open) continue;
    for (const w of world) {
      const r = m.siteRange(w);
      if (r) hits.push({ range: r });
    }
  }
  const azureRules = [
    ...m.objects({ base: 'object', segments: ['resource', 'azurerm_network_security_rule', '*'], text: '' }),
    ...m.objects({ base: 'object', segments: ['resource', 'azurerm_network_security_group', '*', 'security_rule', '*'], text: '' }),
  ];
  for (const rule of azureRules) {
    if (text(rule, 'access').toLowerCase() !== 'allow' || text(rule, 'direction').toLowerCase() !== 'inbound') continue;
    const sources = [...m.walk(rule, ['source_address_prefix']), ...m.walk(rule, ['source_address_prefixes', '*'])].filter((s) =>
      AZURE_ANY_SOURCE.has((scalarText(s.node) ?? '').toLowerCase()),
    );
    if (sources.length === 0) continue;
    const ports = [...m.walk(rule, ['destination_port_range']), ...m.walk(rule, ['destination_port_ranges', '*'])].map((s) => scalarText(s.node) ?? '');
    if (!ports.some(coversAdminPort)) continue;
    for (const s of sources) {
      const r = m.siteRange(s);
      if (r) hits.push({ range: r });
    }
  }
  return hits;
};

/**
 * CloudFormation ingress open to the internet: `SecurityGroupIngress` items of `AWS::EC2::SecurityGroup` and
 * `AWS::EC2::SecurityGroupIngress` resources, with `CidrIp: 0.0.0.0/0` or `CidrIpv6: ::/0`; ports as in `opensPorts`.
 */
function cfnOpenIngress(which: 'admin' | 'all'): Check {
  return (input) => {
    const y = input.yaml;
    if (!y) return [];
    const m = new YamlMatcher(y, input.lines);
    const rules: Sel[] = [];
    for (const res of m.objects({ base: 'object', segments: ['Resources', '*'], text: '' })) {
      const type = scalarText(get(y.doc, res.node, 'Type')?.value);
      if (type === 'AWS::EC2::SecurityGroup') rules.push(...m.walk(res, ['Properties', 'SecurityGroupIngress', '*']));
      else if (type === 'AWS::EC2::SecurityGroupIngress') rules.push(...m.walk(res, ['Properties']));
    }
    const hits: CheckHit[] = [];
    for (const rule of rules) {
      const world = [...m.walk(rule, ['CidrIp']), ...m.walk(rule, ['CidrIpv6'])].filter((s) => WORLD.has(scalarText(s.node) ?? ''));
      if (world.length === 0) continue;
      const text = (k: string): string | undefined => scalarText(get(y.doc, rule.node, k)?.value);
      if (!opensPorts(which, text('IpProtocol'), text('FromPort'), text('ToPort'))) continue;
      for (const w of world) {
        const r = m.siteRange(w);
        if (r) hits.push({ range: r });
      }
    }
    return hits;
  };
}

/** Variable names that hold credentials in `*.tfvars` (same vocabulary as the Dockerfile checks). */
const TFVARS_SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|SECRET_?KEY|CLIENT_?SECRET|CREDENTIALS?)(_|$)/i;
const TFVARS_NOT_SECRET = /_(FILE|PATH|DIR|URL|HOST|PORT|USER|USERNAME|NAME|ID|ARN|TYPE|LENGTH|TTL|VERSION|ENABLED)$/i;
/** An access key's id half under an `access_key` name (AWS `AKIA…`, Scaleway `SCW…`): its secret is another variable. */
const ACCESS_KEY_NAME = /(^|_)ACCESS_?KEY$/i;
const ACCESS_KEY_ID = /^(?:(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z0-9]{16}|SCW[A-Z0-9]{17})$/;

/**
 * Literal credentials in Terraform variable values: any assignment (top level, or inside an object or list value)
 * whose name says secret and whose value is a non-empty literal string. The message shows it masked.
 */
const tfvarsSecret: Check = (input) => {
  const y = input.yaml;
  if (!y) return [];
  const hits: CheckHit[] = [];
  const visit = (node: YamlNode | undefined, depth: number): void => {
    if (depth > 20) return;
    if (isSeq(node)) for (const it of node.items) visit(it as YamlNode, depth + 1);
    if (!isMap(node)) return;
    for (const e of entries(y.doc, node)) {
      const v = e.value;
      if (isScalar(v) && typeof v.value === 'string' && TFVARS_SECRET_NAME.test(e.key) && !TFVARS_NOT_SECRET.test(e.key)) {
        // `${...}` is an expression (a reference, a function call), not a stored value.
        if (v.value.trim() === '' || v.value.startsWith('${') || placeholderReason(v.value) !== undefined) continue;
        if (ACCESS_KEY_NAME.test(e.key) && ACCESS_KEY_ID.test(v.value)) continue;
        const k = (e.pair.key as YamlNode).range;
        if (k && v.range) hits.push({ range: input.lines.rangeOf(k[0], v.range[1]), detail: `(${maskSecret(v.value)})` });
        continue;
      }
      visit(v, depth + 1);
    }
  };
  visit(y.root, 0);
  return hits;
};

/**
 * Keys of a Secret's `data` that name where or who, not the credential (`apiUsername`, `azurestorageaccountname`,
 * a host, a CA certificate; iSCSI's `…username_in`).
 */
const SECRET_DATA_NOT_SECRET = /(?:user(?:name)?|login|host(?:name)?|port|database|dbname|name|region|endpoint|address|url|namespace|\.crt|cert(?:ificate)?)(?:_in)?$/i;

/**
 * Keys that say what they hold (`password`, `db.password`, `api-key`, `azurestorageaccountkey`): the secrets
 * pack's generic rules read the value under such a name, so this check leaves it to them rather than report the
 * line twice.
 */
const SECRET_DATA_NAMED = /(?:password|passwd|secret|token|api[._-]?key|access[._-]?key|account[._-]?key|auth[._-]?key|signing[._-]?key|credentials?)(?:_in)?$|(?:^|[._-])pwd$/i;

/**
 * The values of a Kubernetes Secret's `data`: base64 is an encoding, not encryption, so each is its secret in the
 * repository, and no secret rule reads a value through it (`.dockerconfigjson`, `tls.key`, `ssh-privatekey`). A
 * value that decodes to a certificate, a placeholder or nothing is left alone, and so is text that is not base64 (a
 * Helm template's `{{ … | b64enc }}`). SOPS-encrypted manifests (a top-level `sops` key) are skipped; `stringData`
 * is plain text, which the secrets pack reads.
 */
const k8sSecretData: Check = (input) => {
  const y = input.yaml;
  if (!y || !isMap(y.root)) return [];
  if (scalarText(get(y.doc, y.root, 'kind')?.value) !== 'Secret' || get(y.doc, y.root, 'sops')) return [];
  const data = get(y.doc, y.root, 'data')?.value;
  if (!isMap(data)) return [];
  const hits: CheckHit[] = [];
  for (const e of entries(y.doc, data)) {
    const v = e.value;
    if (!isScalar(v) || typeof v.value !== 'string' || !v.range || SECRET_DATA_NOT_SECRET.test(e.key) || SECRET_DATA_NAMED.test(e.key)) continue;
    const b64 = v.value.replace(/\s+/g, '');
    if (b64.length < 4 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) continue;
    const decoded = Buffer.from(b64, 'base64').toString('utf8').trim();
    if (decoded.length < 4 || /^-----BEGIN (?:CERTIFICATE|PUBLIC KEY)/.test(decoded)) continue;
    // Judged as the secrets pack's generic rules judge a value under that key (`mypassword`, a word, `changeme`). A
    // JSON document (`.dockerconfigjson`, a service account key) is a credentials file, not a `{placeholder}`.
    if (!/^[{[]/.test(decoded) && (placeholderReason(decoded) ?? genericValueReason(decoded, e.key)) !== undefined) continue;
    const k = (e.pair.key as YamlNode).range;
    if (k) hits.push({ range: input.lines.rangeOf(k[0], v.range[1]), detail: `(${e.key})` });
  }
  return hits;
};

/**
 * S3 buckets missing a setting that the AWS provider (v4+) writes as a separate resource: the finding sits on the
 * `aws_s3_bucket` block when neither its inline block (`inline`, the pre-v4 form) nor a `companion` resource whose
 * `bucket` names it (`aws_s3_bucket.<name>...` or the bucket's literal name) is in the same file. A module that
 * keeps the companion in another file is a known false positive, documented with the rules.
 */
function s3Companion(inline: string | undefined, companion: string): Check {
  return (input) => {
    const y = input.yaml;
    if (!y) return [];
    const m = new YamlMatcher(y, input.lines);
    const buckets = m.objects({ base: 'object', segments: ['resource', 'aws_s3_bucket', '*'], text: '' });
    if (buckets.length === 0) return [];
    const targets = m
      .objects({ base: 'object', segments: ['resource', companion, '*', 'bucket'], text: '' })
      .map((s) => scalarText(s.node) ?? '');
    const hits: CheckHit[] = [];
    for (const b of buckets) {
      const name = b.entry?.key;
      if (name === undefined) continue;
      if (inline !== undefined && get(y.doc, b.node, inline)) continue;
      const literal = scalarText(get(y.doc, b.node, 'bucket')?.value);
      const ref = new RegExp(String.raw`\baws_s3_bucket\.${name.replace(/[^A-Za-z0-9_-]/g, '')}(?![A-Za-z0-9_-])`);
      if (targets.some((t) => ref.test(t) || (literal !== undefined && literal !== '' && t === literal))) continue;
      const r = m.siteRange(b);
      if (r) hits.push({ range: r });
    }
    return hits;
  };
}

/**
 * Azure resources of `type` with no `azurerm_monitor_diagnostic_setting` in the same file whose
 * `target_resource_id` references them (`<type>.<name>.id`): their logs go nowhere. Same-file check, like the S3
 * companions above.
 */
function azureDiagnostics(type: string): Check {
  return (input) => {
    const y = input.yaml;
    if (!y) return [];
    const m = new YamlMatcher(y, input.lines);
    const resources = m.objects({ base: 'object', segments: ['resource', type, '*'], text: '' });
    if (resources.length === 0) return [];
    const targets = m
      .objects({ base: 'object', segments: ['resource', 'azurerm_monitor_diagnostic_setting', '*', 'target_resource_id'], text: '' })
      .map((s) => scalarText(s.node) ?? '');
    const hits: CheckHit[] = [];
    for (const r of resources) {
      const name = r.entry?.key;
      if (name === undefined) continue;
      const ref = new RegExp(String.raw`\b${type}\.${name.replace(/[^A-Za-z0-9_-]/g, '')}(?![A-Za-z0-9_-])`);
      if (targets.some((t) => ref.test(t))) continue;
      const range = m.siteRange(r);
      if (range) hits.push({ range });
    }
    return hits;
  };
}

/** A registered check, and what its quick fix does (for the docs), when it offers one. */
export interface CheckEntry {
  run: Check;
  fix?: string;
}

/** Every TypeScript check, by the name rules use in `check:`. */
export const CHECKS: ReadonlyMap<string, CheckEntry> = new Map<string, CheckEntry>([
  ['gha-run-injection', { run: runInjection, fix: 'pass the value through the step\'s `env:` and use the shell variable' }],
  ['gha-script-injection', { run: scriptInjection, fix: 'pass the value through the step\'s `env:` and read `process.env`' }],
  ['gha-pr-target-checkout', { run: prTargetCheckout }],
  ['docker-root-user', { run: rootUser, fix: 'add `USER 10001` before CMD/ENTRYPOINT (when no USER is set)' }],
  ['docker-from-latest', { run: fromLatest }],
  ['docker-env-secret', { run: secretAssignments('ENV') }],
  ['docker-arg-secret', { run: secretAssignments('ARG') }],
  ['tf-aws-open-admin-port', { run: openIngress('admin') }],
  ['tf-aws-open-all-ports', { run: openIngress('all') }],
  ['tf-gcp-azure-open-admin-port', { run: openAdminPortGcpAzure }],
  ['tfvars-secret', { run: tfvarsSecret }],
  ['k8s-secret-data', { run: k8sSecretData }],
  ['cfn-open-admin-port', { run: cfnOpenIngress('admin') }],
  ['cfn-open-all-ports', { run: cfnOpenIngress('all') }],
  ['tf-aws-s3-no-public-access-block', { run: s3Companion(undefined, 'aws_s3_bucket_public_access_block') }],
  ['tf-aws-s3-no-encryption', { run: s3Companion('server_side_encryption_configuration', 'aws_s3_bucket_server_side_encryption_configuration') }],
  ['tf-aws-s3-no-logging', { run: s3Companion('logging', 'aws_s3_bucket_logging') }],
  ['tf-azure-key-vault-no-diagnostics', { run: azureDiagnostics('azurerm_key_vault') }],
]);
