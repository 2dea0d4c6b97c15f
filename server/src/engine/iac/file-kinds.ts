/**
 * Which kind of config file a path holds, in one table. Path rules come first; Kubernetes manifests are
 * recognised by content (a YAML document with top-level `apiVersion` and `kind`), so any YAML file can be one.
 */
import { basename } from 'node:path';

/** The config file kinds the pack understands. */
export type ConfigKind = 'github-workflow' | 'github-action' | 'dockerfile' | 'compose' | 'kubernetes' | 'terraform';

export const CONFIG_KINDS: readonly ConfigKind[] = ['github-workflow', 'github-action', 'dockerfile', 'compose', 'kubernetes', 'terraform'];

/** How the file is parsed. */
export type ConfigSyntax = 'yaml' | 'dockerfile' | 'hcl';

interface KindRule {
  kind: ConfigKind;
  syntax: ConfigSyntax;
  /** Tested on the path with `/` separators. */
  path: RegExp;
}

const YAML_EXT = String.raw`\.ya?ml$`;

/** First matching row wins. `kubernetes` has no path rule: see `kindOf`. */
export const KIND_TABLE: readonly KindRule[] = [
  { kind: 'github-workflow', syntax: 'yaml', path: new RegExp(String.raw`(^|/)\.github/workflows/[^/]+${YAML_EXT}`, 'i') },
  { kind: 'github-action', syntax: 'yaml', path: new RegExp(String.raw`(^|/)action${YAML_EXT}`, 'i') },
  { kind: 'compose', syntax: 'yaml', path: new RegExp(String.raw`(^|/)(docker-)?compose[^/]*${YAML_EXT}`, 'i') },
  // Containerfile is Podman's name for the same format.
  { kind: 'terraform', syntax: 'hcl', path: /\.tf$/i },
  { kind: 'dockerfile', syntax: 'dockerfile', path: /(^|\/)(dockerfile|containerfile)(\.[^/]*)?$|\.(dockerfile|containerfile)$/i },
];

export const KIND_TITLES: Record<ConfigKind, string> = {
  'github-workflow': 'GitHub Actions workflow',
  'github-action': 'GitHub Actions composite action',
  dockerfile: 'Dockerfile',
  compose: 'Docker Compose file',
  kubernetes: 'Kubernetes manifest',
  terraform: 'Terraform',
};

/** Cheap test that a YAML text may hold a Kubernetes object: both keys at the start of a line. */
const K8S_HINT_API = /^apiVersion\s*:/m;
const K8S_HINT_KIND = /^kind\s*:/m;

/**
 * The config kind of a file, or undefined. `text` is needed only to recognise Kubernetes manifests in YAML files
 * that match no path rule; the analyzer confirms per document after parsing.
 */
export function kindOf(path: string, text?: string): ConfigKind | undefined {
  const p = path.replace(/\\/g, '/');
  for (const row of KIND_TABLE) if (row.path.test(p)) return row.kind;
  if (new RegExp(YAML_EXT, 'i').test(basename(p)) && text !== undefined && K8S_HINT_API.test(text) && K8S_HINT_KIND.test(text)) {
    return 'kubernetes';
  }
  return undefined;
}

export function syntaxOf(kind: ConfigKind): ConfigSyntax {
  return kind === 'dockerfile' ? 'dockerfile' : kind === 'terraform' ? 'hcl' : 'yaml';
}

/** The editor language id of a kind's files, for rule metadata. */
export function languageOf(kind: ConfigKind): string {
  return kind === 'dockerfile' ? 'dockerfile' : kind === 'terraform' ? 'terraform' : 'yaml';
}
