/**
 * Which kind of config file a path holds, in one table. Path rules come first; Kubernetes manifests (a YAML
 * document with top-level `apiVersion` and `kind`) and CloudFormation templates (`AWSTemplateFormatVersion`, or
 * resources typed `AWS::...`, in YAML or JSON) are recognised by content, so any such file can be one.
 */
import { basename } from 'node:path';

/** The config file kinds the pack understands. */
export type ConfigKind =
  | 'github-workflow'
  | 'github-action'
  | 'dockerfile'
  | 'compose'
  | 'kubernetes'
  | 'terraform'
  | 'terraform-vars'
  | 'cloudformation';

export const CONFIG_KINDS: readonly ConfigKind[] = [
  'github-workflow',
  'github-action',
  'dockerfile',
  'compose',
  'kubernetes',
  'terraform',
  'terraform-vars',
  'cloudformation',
];

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
  // Variable values only (no resources): HCL assignments, read by the same reader.
  { kind: 'terraform-vars', syntax: 'hcl', path: /\.tfvars$/i },
  { kind: 'dockerfile', syntax: 'dockerfile', path: /(^|\/)(dockerfile|containerfile)(\.[^/]*)?$|\.(dockerfile|containerfile)$/i },
];

export const KIND_TITLES: Record<ConfigKind, string> = {
  'github-workflow': 'GitHub Actions workflow',
  'github-action': 'GitHub Actions composite action',
  dockerfile: 'Dockerfile',
  compose: 'Docker Compose file',
  kubernetes: 'Kubernetes manifest',
  terraform: 'Terraform',
  'terraform-vars': 'Terraform variables',
  cloudformation: 'CloudFormation template',
};

/** Cheap test that a YAML text may hold a Kubernetes object: both keys at the start of a line. */
const K8S_HINT_API = /^apiVersion\s*:/m;
const K8S_HINT_KIND = /^kind\s*:/m;
/** Cheap test that a YAML or JSON text may hold a CloudFormation template; the analyzer confirms per document. */
const CFN_HINT = /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;
const CFN_EXT = /\.(ya?ml|json|template)$/i;

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
  if (CFN_EXT.test(p) && text !== undefined && CFN_HINT.test(text)) return 'cloudformation';
  return undefined;
}

export function syntaxOf(kind: ConfigKind): ConfigSyntax {
  return kind === 'dockerfile' ? 'dockerfile' : kind === 'terraform' || kind === 'terraform-vars' ? 'hcl' : 'yaml';
}

/** The editor language id of a kind's files, for rule metadata. */
export function languageOf(kind: ConfigKind): string {
  return kind === 'dockerfile' ? 'dockerfile' : kind === 'terraform' || kind === 'terraform-vars' ? 'terraform' : 'yaml';
}
