/**
 * The config pack as an Analyzer: CI workflows, Dockerfiles, compose files, Kubernetes manifests and Terraform.
 * Each run checks the whole file; a session keeps the parsed YAML documents so that only the documents an edit
 * touched are parsed again (Dockerfiles and Terraform files are small and parsed whole).
 */
import type { AnalysisContext, Analyzer, AnalyzerSession, RuleInfo } from '../analyzer';
import type { DocumentDelta, SourceDocument } from '../document';
import type { LineIndex } from '../text';
import type { Finding } from '../types';
import { CHECKS, type CheckHit } from './checks';
import { parseDockerfile, type ParsedDockerfile } from './dockerfile';
import { kindOf, languageOf, type ConfigKind } from './file-kinds';
import { parseHcl } from './hcl';
import type { ConfigRule, DockerMatch } from './rule-schema';
import { YamlMatcher } from './yaml-match';
import { get, parseYaml, scalarText, type YamlDoc, type YamlParseCache } from './yaml-model';

export class ConfigAnalyzer implements Analyzer {
  readonly pack = 'config' as const;

  constructor(readonly configRules: readonly ConfigRule[]) {}

  rules(): RuleInfo[] {
    return this.configRules.map((r) => ({
      id: r.id,
      pack: 'config',
      name: r.name,
      description: r.description,
      severity: r.severity,
      cwe: r.cwe,
      docsUrl: r.docsUrl,
      languages: [...new Set(r.kinds.map((k) => languageOf(k)))],
      ...(r.ruleDocs ? { docs: r.ruleDocs } : {}),
      ...(r.fix ? { fixOffered: r.fix.title } : {}),
    }));
  }

  appliesTo(doc: SourceDocument): boolean {
    return kindOf(doc.path, doc.text) !== undefined;
  }

  open(): AnalyzerSession {
    return new ConfigSession(this);
  }

  /** Findings for a whole text. `cache` (a session's) lets unchanged YAML documents skip parsing. */
  analyze(doc: SourceDocument, ctx?: AnalysisContext, cache?: YamlParseCache): Finding[] {
    const kind = kindOf(doc.path, doc.text);
    if (!kind) return [];
    const lines = doc.lines;
    const out: Finding[] = [];
    if (kind === 'dockerfile') {
      const docker = parseDockerfile(doc.text);
      for (const rule of this.configRules) {
        if (!rule.kinds.includes('dockerfile')) continue;
        const hits = rule.check ? CHECKS.get(rule.check)!.run({ lines, docker }) : dockerMatch(rule.match as DockerMatch, docker, lines);
        for (const h of hits) out.push(this.finding(rule, h, kind));
      }
      return out;
    }
    if (kind === 'terraform') {
      // A file that does not parse (mid-edit) gives no findings until it does, as for YAML.
      const y = parseHcl(doc.text);
      if (y) out.push(...this.runYamlRules(y, 'terraform', lines));
      return out;
    }
    const parsed = parseYaml(doc.text, cache);
    if (parsed.skipped.some((s) => s.reason === 'aliases')) {
      ctx?.notify?.({
        reason: 'analysis-budget',
        message: 'A YAML document was not checked by the config rules: its aliases expand past the safety limit (an alias bomb?).',
      });
    }
    for (const y of parsed.docs) {
      const docKind = kind === 'kubernetes' || kind === 'compose' ? yamlKind(kind, y) : kind;
      if (docKind) out.push(...this.runYamlRules(y, docKind, lines));
    }
    return out;
  }

  /** The structural rules and checks of one kind on one parsed document (YAML, or Terraform read as such). */
  private runYamlRules(y: YamlDoc, kind: ConfigKind, lines: LineIndex): Finding[] {
    const out: Finding[] = [];
    const matcher = new YamlMatcher(y, lines);
    for (const rule of this.configRules) {
      if (!rule.kinds.includes(kind)) continue;
      const hits: CheckHit[] = rule.check
        ? CHECKS.get(rule.check)!.run({ lines, yaml: y })
        : rule.match?.syntax === 'yaml'
          ? matcher.run(rule.match, rule.fix)
          : [];
      for (const h of hits) out.push(this.finding(rule, h, kind));
    }
    return out;
  }

  private finding(rule: ConfigRule, hit: CheckHit, kind: ConfigKind): Finding {
    const f: Finding = {
      ruleId: rule.id,
      pack: 'config',
      severity: rule.severity,
      cwe: rule.cwe,
      message: rule.message,
      range: hit.range,
      docsUrl: rule.docsUrl,
      properties: { fileKind: kind },
    };
    if (hit.fixes && hit.fixes.length > 0) f.fixes = hit.fixes;
    return f;
  }
}

/**
 * The kind of one YAML document: a document with scalar `apiVersion` and `kind` is a Kubernetes object (in any
 * YAML file); a compose file's documents stay compose documents.
 */
function yamlKind(fileKind: ConfigKind, y: YamlDoc): ConfigKind | undefined {
  const api = scalarText(get(y.doc, y.root, 'apiVersion')?.value);
  const k = scalarText(get(y.doc, y.root, 'kind')?.value);
  if (api && k) return 'kubernetes';
  return fileKind === 'compose' ? 'compose' : undefined;
}

function dockerMatch(m: DockerMatch, df: ParsedDockerfile, lines: LineIndex): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const ins of df.instructions) {
    if (!m.instructions.includes(ins.keyword)) continue;
    if (m.notMatches && m.notMatches.test(ins.args)) continue;
    if (!m.matches) {
      hits.push({ range: lines.rangeOf(ins.start, ins.end) });
      continue;
    }
    const hit = m.matches.exec(ins.args);
    if (!hit) continue;
    const start = ins.argsStart + hit.index;
    hits.push({ range: lines.rangeOf(start, start + Math.max(hit[0].length, 1)) });
  }
  return hits;
}

class ConfigSession implements AnalyzerSession {
  private last: { text: string; findings: Finding[] } | undefined;
  private readonly parsed: YamlParseCache = new Map();

  constructor(private readonly analyzer: ConfigAnalyzer) {}

  run(doc: SourceDocument, _delta: DocumentDelta | undefined, ctx: AnalysisContext): Finding[] {
    if (this.last?.text === doc.text) return this.last.findings;
    const findings = this.analyzer.analyze(doc, ctx, this.parsed);
    this.last = { text: doc.text, findings };
    return findings;
  }

  dispose(): void {
    this.last = undefined;
    this.parsed.clear();
  }
}
