/**
 * Exposure context for the config pack: which parsed documents describe something the internet can reach, and
 * why. Kubernetes: a workload whose pod labels a `LoadBalancer`/`NodePort` Service selects, or a Service an
 * Ingress routes to, in the same file. GitHub Actions: a workflow on a trigger that outsiders fire (a pull request
 * from a fork, an issue, a comment) while the workflow holds the repository's token and secrets. Only the file
 * at hand is seen: a Service in another file does not count (documented limitation).
 */
import { isMap, isSeq, type Node as YamlNode } from 'yaml';
import { triggers } from './checks';
import type { ConfigKind } from './file-kinds';
import { entries, get, scalarText, type YamlDoc } from './yaml-model';

interface Service {
  name: string;
  namespace?: string;
  type: string;
  selector: Map<string, string>;
}

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
export function exposureOf(docs: readonly { y: YamlDoc; kind: ConfigKind }[]): Map<YamlDoc, string> {
  const out = new Map<YamlDoc, string>();
  const k8s = docs.filter((d) => d.kind === 'kubernetes').map((d) => d.y);
  if (k8s.length > 1) {
    const services: Service[] = [];
    const ingresses: { name: string; backends: string[] }[] = [];
    for (const y of k8s) {
      const kind = text(y, y.root, 'kind');
      if (kind === 'Service') {
        services.push({
          name: text(y, y.root, 'metadata', 'name') ?? '',
          namespace: text(y, y.root, 'metadata', 'namespace'),
          type: text(y, y.root, 'spec', 'type') ?? 'ClusterIP',
          selector: stringMap(y, at(y, 'spec', 'selector')),
        });
      } else if (kind === 'Ingress') {
        ingresses.push({ name: text(y, y.root, 'metadata', 'name') ?? '', backends: ingressBackends(y) });
      }
    }
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
