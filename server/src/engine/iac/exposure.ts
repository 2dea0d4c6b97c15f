/**
 * Exposure context for the config pack: which parsed documents (and Terraform resources) describe something the
 * internet can reach, and why. Kubernetes: a workload whose pod labels a `LoadBalancer`/`NodePort` Service
 * selects, or a Service an Ingress routes to. Terraform: a resource attached to a security group with ingress from
 * `0.0.0.0/0` or `::/0`. GitHub Actions: a workflow on a trigger that outsiders fire (a pull request from a fork, an
 * issue, a comment) while the workflow holds the repository's token and secrets. The editor sees the file at hand;
 * a workspace scan also passes `ExposureFacts` gathered from every file (Services and Ingresses anywhere, open
 * security groups of the same Terraform module folder).
 */
import { dirname } from 'node:path';
import { readScanText } from '../scan/file-walker';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { triggers } from './checks';
import type { ConfigKind } from './file-kinds';
import { hclGrammarLoaded, HclFile, loadHclGrammar } from './hcl';
import { entries, get, parseYaml, scalarText, type YamlDoc } from './yaml-model';

interface Service {
  name: string;
  namespace?: string;
  type: string;
  selector: Map<string, string>;
}

/** What other files of a workspace say about exposure. Plain data: it crosses to the scan's worker threads. */
export interface ExposureFacts {
  services: { name: string; namespace?: string; type: string; selector: [string, string][] }[];
  ingresses: { name: string; backends: string[] }[];
  /** Security groups open to the internet, by the folder (Terraform module) that declares them. */
  openGroups: { dir: string; name: string }[];
}

export const NO_FACTS: ExposureFacts = { services: [], ingresses: [], openGroups: [] };

function text(y: YamlDoc, node: YamlNode | undefined, ...path: string[]): string | undefined {
  let cur = node;
  for (const k of path) cur = get(y.doc, cur, k)?.value;
  return scalarText(cur);
}

function stringMap(y: YamlDoc, node: YamlNode | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (isMap(node)) for (const e of entries(y.doc, node)) out.set(e.key, scalarText(e.value) ?? '');
  return out;
}

function at(y: YamlDoc, ...path: string[]): YamlNode | undefined {
  let cur = y.root;
  for (const k of path) cur = get(y.doc, cur, k)?.value;
  return cur;
}

/** The pod labels of a workload document (pod template, CronJob's job template, or a bare Pod). */
function podLabels(y: YamlDoc): Map<string, string> | undefined {
  const kind = text(y, y.root, 'kind');
  const node =
    kind === 'Pod'
      ? at(y, 'metadata', 'labels')
      : (at(y, 'spec', 'template', 'metadata', 'labels') ?? at(y, 'spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'));
  return isMap(node) ? stringMap(y, node) : undefined;
}

/** Service names an Ingress routes to (networking.k8s.io/v1 and the older v1beta1 field names). */
function ingressBackends(y: YamlDoc): string[] {
  const names: string[] = [];
  const backend = (b: YamlNode | undefined): void => {
    const n = text(y, b, 'service', 'name') ?? text(y, b, 'serviceName');
    if (n) names.push(n);
  };
  const spec = at(y, 'spec');
  backend(get(y.doc, spec, 'defaultBackend')?.value);
  backend(get(y.doc, spec, 'backend')?.value);
  const rules = get(y.doc, spec, 'rules')?.value;
  for (const rule of isSeqItems(rules)) {
    for (const p of isSeqItems(get(y.doc, get(y.doc, rule, 'http')?.value, 'paths')?.value)) backend(get(y.doc, p, 'backend')?.value);
  }
  return names;
}

function isSeqItems(node: YamlNode | undefined): YamlNode[] {
  return isSeq(node) ? (node.items as YamlNode[]) : [];
}

function selects(svc: Service, labels: Map<string, string>, namespace: string | undefined): boolean {
  if (svc.selector.size === 0) return false; // no selector: endpoints are managed by hand, not these pods
  if (svc.namespace !== undefined && namespace !== undefined && svc.namespace !== namespace) return false;
  return [...svc.selector].every(([k, v]) => labels.get(k) === v);
}

/** Triggers an outsider fires, with the repository's token and secrets, and who that outsider is. */
const OUTSIDER_TRIGGERS: Record<string, string> = {
  pull_request_target: 'anyone who opens a pull request',
  workflow_run: 'anyone whose pull request runs the triggering workflow',
  issues: 'anyone who opens an issue',
  issue_comment: 'anyone who comments on an issue or pull request',
  discussion: 'anyone who starts a discussion',
  discussion_comment: 'anyone who comments on a discussion',
};

/**
 * Why each exposed document is exposed (a short phrase), for the documents of one file with their kinds.
 * Documents not in the map are not known to be exposed.
 */
export function exposureOf(docs: readonly { y: YamlDoc; kind: ConfigKind }[], workspace: ExposureFacts = NO_FACTS): Map<YamlDoc, string> {
  const out = new Map<YamlDoc, string>();
  const k8s = docs.filter((d) => d.kind === 'kubernetes').map((d) => d.y);
  if (k8s.length > 0) {
    const own = kubernetesFacts(k8s);
    const services: Service[] = [...own.services, ...workspace.services].map((s) => ({ ...s, selector: new Map(s.selector) }));
    const ingresses = [...own.ingresses, ...workspace.ingresses];
    for (const y of k8s) {
      const labels = podLabels(y);
      if (!labels) continue;
      const ns = text(y, y.root, 'metadata', 'namespace');
      const mine = services.filter((s) => selects(s, labels, ns));
      const open = mine.find((s) => s.type === 'LoadBalancer' || s.type === 'NodePort');
      if (open) {
        out.set(y, `Service ${open.name} (${open.type}) exposes this workload outside the cluster`);
        continue;
      }
      for (const ing of ingresses) {
        const svc = mine.find((s) => ing.backends.includes(s.name));
        if (svc) {
          out.set(y, `Ingress ${ing.name} routes to this workload (Service ${svc.name})`);
          break;
        }
      }
    }
  }
  for (const d of docs) {
    if (d.kind !== 'github-workflow') continue;
    const t = triggers(d.y).find((x) => x in OUTSIDER_TRIGGERS);
    if (t) out.set(d.y, `the workflow runs on \`${t}\`, which ${OUTSIDER_TRIGGERS[t]} can trigger`);
  }
  return out;
}

/** The Services and Ingresses of Kubernetes documents. */
function kubernetesFacts(k8s: readonly YamlDoc[]): Pick<ExposureFacts, 'services' | 'ingresses'> {
  const services: ExposureFacts['services'] = [];
  const ingresses: ExposureFacts['ingresses'] = [];
  for (const y of k8s) {
    const kind = text(y, y.root, 'kind');
    if (kind === 'Service') {
      const namespace = text(y, y.root, 'metadata', 'namespace');
      services.push({
        name: text(y, y.root, 'metadata', 'name') ?? '',
        ...(namespace !== undefined ? { namespace } : {}),
        type: text(y, y.root, 'spec', 'type') ?? 'ClusterIP',
        selector: [...stringMap(y, at(y, 'spec', 'selector'))],
      });
    } else if (kind === 'Ingress') {
      ingresses.push({ name: text(y, y.root, 'metadata', 'name') ?? '', backends: ingressBackends(y) });
    }
  }
  return { services, ingresses };
}

const OPEN_CIDR = new Set(['0.0.0.0/0', '::/0']);
/** Resources that take security groups, and the attributes that attach them. */
const ATTACHED_TYPES = ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_db_instance', 'aws_lb', 'aws_elb'];
const ATTACH_KEYS = new Set(['vpc_security_group_ids', 'security_groups', 'network_interfaces']);
const SG_REF = /\baws_security_group\.([A-Za-z0-9_-]+)/g;

function scalars(node: YamlNode | undefined, out: string[] = []): string[] {
  if (isScalar(node)) out.push(String(node.value));
  else if (isSeq(node)) for (const i of node.items) scalars(i as YamlNode, out);
  else if (isMap(node)) for (const p of node.items) scalars(p.value as YamlNode, out);
  return out;
}

/** The resources of one type in a Terraform document: name and body. */
function resources(y: YamlDoc, type: string): { name: string; body: YamlNode | undefined }[] {
  const byType = get(y.doc, get(y.doc, y.root, 'resource')?.value, type)?.value;
  return isMap(byType) ? entries(y.doc, byType).map((e) => ({ name: e.key, body: e.value })) : [];
}

/** Security groups of a Terraform document with ingress from anywhere (inline rules or `aws_security_group_rule`). */
function openGroups(y: YamlDoc): string[] {
  const open = new Set<string>();
  const anywhere = (rule: YamlNode | undefined) =>
    ['cidr_blocks', 'ipv6_cidr_blocks'].some((k) => scalars(get(y.doc, rule, k)?.value).some((c) => OPEN_CIDR.has(c)));
  for (const sg of resources(y, 'aws_security_group')) {
    const ingress = get(y.doc, sg.body, 'ingress')?.value;
    if (isSeq(ingress) && ingress.items.some((r) => anywhere(r as YamlNode))) open.add(sg.name);
  }
  for (const r of resources(y, 'aws_security_group_rule')) {
    if (text(y, r.body, 'type') !== 'ingress' || !anywhere(r.body)) continue;
    for (const m of (text(y, r.body, 'security_group_id') ?? '').matchAll(SG_REF)) open.add(m[1]!);
  }
  return [...open];
}

/**
 * Terraform resources attached to a security group open to the internet, as source offsets of their bodies with
 * the reason. `dir` is the file's folder: groups of the same module in other files come from `workspace`.
 */
export function terraformExposure(y: YamlDoc, dir: string, workspace: ExposureFacts = NO_FACTS): { start: number; end: number; why: string }[] {
  const open = new Set([...openGroups(y), ...workspace.openGroups.filter((g) => g.dir === dir).map((g) => g.name)]);
  if (open.size === 0) return [];
  const out: { start: number; end: number; why: string }[] = [];
  for (const type of ATTACHED_TYPES) {
    for (const r of resources(y, type)) {
      const range = r.body?.range;
      if (!isMap(r.body) || !range) continue;
      const refs = entries(y.doc, r.body)
        .filter((e) => ATTACH_KEYS.has(e.key))
        .flatMap((e) => scalars(e.value).flatMap((v) => [...v.matchAll(SG_REF)].map((m) => m[1]!)));
      const sg = refs.find((n) => open.has(n));
      if (sg) out.push({ start: range[0], end: range[1], why: `it is attached to a security group open to the internet: aws_security_group.${sg}` });
    }
  }
  return out;
}

/** The exposure facts one file gives the rest of the workspace. */
export function exposureFacts(path: string, source: string): ExposureFacts {
  if (/\.tf$/i.test(path)) {
    if (!source.includes('aws_security_group')) return NO_FACTS;
    // Read block by block, as the file's own findings are: a half-typed block gives no facts, the others keep theirs.
    const y = hclGrammarLoaded() ? new HclFile().read(source).doc : undefined;
    return y ? { services: [], ingresses: [], openGroups: openGroups(y).map((name) => ({ dir: dirname(path), name })) } : NO_FACTS;
  }
  if (!/\.ya?ml$/i.test(path) || !/^kind:\s*["']?(Service|Ingress)\b/m.test(source)) return NO_FACTS;
  const k8s = parseYaml(source).docs.filter((y) => text(y, y.root, 'apiVersion') && text(y, y.root, 'kind'));
  return { ...kubernetesFacts(k8s), openGroups: [] };
}

/**
 * Exposure facts of every Kubernetes YAML and Terraform file of a workspace scan, read once before the scan (one
 * file at a time, asynchronously). Unreadable and oversized files give none.
 */
export async function collectExposureFacts(files: readonly { path: string; content?: Uint8Array }[], maxFileSize: number): Promise<ExposureFacts> {
  const all: ExposureFacts = { services: [], ingresses: [], openGroups: [] };
  // Terraform is read with the HCL grammar; a host that has no engine in this thread loads it here (without it,
  // Terraform files give no facts).
  if (files.some((f) => /\.tf$/i.test(f.path))) await loadHclGrammar();
  for (const f of files) {
    if (!/\.(ya?ml|tf)$/i.test(f.path)) continue;
    const source = await readScanText(f, maxFileSize);
    if (source === undefined) continue;
    const facts = exposureFacts(f.path, source);
    all.services.push(...facts.services);
    all.ingresses.push(...facts.ingresses);
    all.openGroups.push(...facts.openGroups);
  }
  return all;
}
