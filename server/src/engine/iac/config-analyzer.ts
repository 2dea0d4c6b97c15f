/**
 * The config pack as an Analyzer: CI workflows, Dockerfiles, compose files, Kubernetes manifests and Terraform.
 * Each run checks the whole file; a session keeps the parsed YAML documents so that only the documents an edit
 * touched are parsed again, and the Terraform top-level blocks so that only edited blocks are parsed and read
 * again (Dockerfiles are small and parsed whole).
 */
import { dirname } from 'node:path';
import { isMap } from 'yaml';
import type { AnalysisContext, Analyzer, AnalyzerSession, RuleInfo } from '../analyzer';
import type { DocumentDelta, SourceDocument } from '../document';
import type { LineIndex } from '../text';
import { SEVERITIES, type Finding, type Range, type Severity } from '../types';
import { CHECKS, type CheckHit } from './checks';
import { commandTexts, parseDockerfile, type ParsedDockerfile } from './dockerfile';
import { exposureOf, NO_FACTS, terraformExposure, type ExposureFacts } from './exposure';
import { kindOf, languageOf, type ConfigKind } from './file-kinds';
import { hclGrammarLoaded, HclFile, type HclRead } from './hcl';
import { blankTemplate, isHelmTemplate, type BlankedTemplate } from './helm';
import type { Condition, ConfigRule, DockerMatch } from './rule-schema';
import { YamlMatcher } from './yaml-match';
import { CONFIG_WORK, entries, get, parseYaml, placeDoc, scalarText, type YamlDoc, type YamlParseCache } from './yaml-model';

export class ConfigAnalyzer implements Analyzer {
  readonly pack = 'config' as const;

  private readonly byId: Map<string, ConfigRule>;
  /** What the other files of a workspace scan say about exposure (none in the editor). */
  private workspace: ExposureFacts = NO_FACTS;

  /** Sets the workspace's exposure facts (a workspace scan gathers them from every file first). */
  setWorkspaceExposure(facts: ExposureFacts | undefined): void {
    this.workspace = facts ?? NO_FACTS;
  }

  constructor(readonly configRules: readonly ConfigRule[]) {
    this.byId = new Map(configRules.map((r) => [r.id, r]));
  }

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

  /**
   * Findings for a whole text. A session's `cache` lets unchanged YAML documents (and Terraform blocks) skip
   * parsing, and its `found` lets unchanged YAML documents skip the rules: their last findings are moved by lines.
   * `delta` (the document's edits since the session's last run) tells the Terraform reader where to look.
   */
  analyze(doc: SourceDocument, ctx?: AnalysisContext, cache?: ConfigParseCache, found?: FindingCache, delta?: DocumentDelta): Finding[] {
    const kind = kindOf(doc.path, doc.text);
    if (!kind) return [];
    const lines = doc.lines;
    const out: Finding[] = [];
    if (kind === 'dockerfile') {
      const docker = parseDockerfile(doc.text, lines);
      if (docker.error) ctx?.notify?.({ reason: 'analysis-budget', message: `The config rules did not check this Dockerfile: ${docker.error}.` });
      for (const rule of this.configRules) {
        if (!rule.kinds.includes('dockerfile')) continue;
        const hits = rule.check ? CHECKS.get(rule.check)!.run({ lines, docker }) : dockerMatch(rule.match as DockerMatch, docker, lines);
        for (const h of hits) out.push(this.finding(rule, h, kind));
      }
      return out;
    }
    if (kind === 'terraform' || kind === 'terraform-vars') {
      if (!hclGrammarLoaded()) {
        ctx?.notify?.({ reason: 'analyzer-error', message: 'Terraform was not checked by the config rules: the HCL grammar did not load.' });
        return out;
      }
      // Read one top-level block at a time (a session's file re-reads only the edited ones): a block that does not
      // parse (mid-edit) gives no findings, the others keep theirs.
      const read = (cache?.hcl ?? new HclFile()).read(doc.text, delta);
      const refusedBy = new Map<string, HclRead['refused']>();
      for (const r of read.refused) refusedBy.set(r.why, [...(refusedBy.get(r.why) ?? []), r]);
      for (const [why, parts] of refusedBy) {
        const first = parts[0]!;
        const span = `${lines.positionAt(first.start).line + 1}-${lines.positionAt(Math.max(first.start, first.end - 1)).line + 1}`;
        const more = parts.length > 1 ? ` (and ${parts.length - 1} more blocks)` : '';
        ctx?.notify?.({ reason: 'analysis-budget', message: `Terraform at lines ${span}${more} was not checked by the config rules: ${why}.` });
      }
      const y = read.doc;
      if (y) out.push(...this.runYamlRules(y, kind, lines, kind === 'terraform' ? terraformExposure(y, dirname(doc.path), this.workspace) : undefined));
      return out;
    }
    // A Helm chart's template is checked on its text with the template actions blanked (offsets unchanged).
    const helm = isHelmTemplate(doc.path) ? blankTemplate(doc.text) : undefined;
    const parsed = parseYaml(helm?.text ?? doc.text, cache?.yaml);
    if (parsed.skipped.some((s) => s.reason === 'aliases')) {
      ctx?.notify?.({
        reason: 'analysis-budget',
        message: 'A YAML document was not checked by the config rules: its aliases expand past the safety limit (an alias bomb?).',
      });
    }
    const docs: { y: YamlDoc; kind: ConfigKind }[] = [];
    for (const y of parsed.docs) {
      const docKind = kind === 'kubernetes' || kind === 'compose' || kind === 'cloudformation' ? yamlKind(kind, y) : kind;
      if (docKind) docs.push({ y, kind: docKind });
    }
    // Exposure needs the whole file: a Deployment's Service is usually another document of it.
    const exposure = exposureOf(docs, this.workspace);
    const next: FindingCache = new Map();
    for (const d of docs) {
      const why = exposure.get(d.y);
      // A document's findings depend on its text, kind, exposure and the file's usual line break (fixes), only.
      const key = found && d.y.chunk ? `${d.kind}\u0000${why ?? ''}\u0000${lines.eol}\u0000${d.y.chunk.key}` : undefined;
      const line = d.y.chunk ? lines.positionAt(d.y.chunk.start).line : 0;
      const hit = key ? found!.get(key) : undefined;
      let fs: Finding[];
      if (hit) {
        fs = hit.line === line ? hit.findings : hit.findings.map((f) => moveFinding(f, line - hit.line));
      } else {
        placeDoc(d.y);
        fs = this.runYamlRules(d.y, d.kind, lines, why);
      }
      if (key) next.set(key, { line, findings: fs });
      out.push(...fs);
    }
    if (found) {
      found.clear();
      for (const [k, v] of next) found.set(k, v);
    }
    return helm ? this.renderable(out, helm, lines) : out;
  }

  /**
   * The findings of a blanked Helm template that hold whatever the values are: none on a templated key or value,
   * and none that need a key to be absent when a blanked line injects YAML that may set it (a key written with a
   * literal value is still judged).
   */
  private renderable(findings: Finding[], helm: BlankedTemplate, lines: LineIndex): Finding[] {
    const templated = helm.templated.map(([s, e]) => lines.rangeOf(s, e));
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
    return findings.filter((f) => {
      if (templated.some((t) => before(t.start, f.range.end) && before(f.range.start, t.end))) return false;
      const rule = this.byId.get(f.ruleId);
      if (!(helm.injects && rule?.match?.syntax === 'yaml' && rule.match.when.some(needsAbsence))) return true;
      // Kept when it points at a `key: value` written in the template (a setting literally off), not at a parent
      // whose missing key an injected block may supply.
      const { start, end } = f.range;
      return start.line === end.line && /:\s*\S/.test(lines.lineText(start.line).slice(start.character, end.character));
    });
  }

  /**
   * The structural rules and checks of one kind on one parsed document (YAML, or Terraform read as such).
   * `exposure` says why the document is reachable from the internet, when it is; for Terraform, which resources
   * are (source offsets of their bodies), each with its reason.
   */
  private runYamlRules(y: YamlDoc, kind: ConfigKind, lines: LineIndex, exposure?: string | { start: number; end: number; why: string }[]): Finding[] {
    const out: Finding[] = [];
    CONFIG_WORK.documentsChecked++;
    const matcher = new YamlMatcher(y, lines);
    for (const rule of this.configRules) {
      if (!rule.kinds.includes(kind)) continue;
      const hits: CheckHit[] = rule.check
        ? CHECKS.get(rule.check)!.run({ lines, yaml: y })
        : rule.match?.syntax === 'yaml'
          ? matcher.run(rule.match, rule.fix)
          : [];
      for (const h of hits) {
        const at = typeof exposure === 'object' ? lines.offsetAt(h.range.start) : 0;
        const why = typeof exposure === 'object' ? exposure.find((e) => e.start <= at && at < e.end)?.why : exposure;
        out.push(this.finding(rule, h, kind, why));
      }
    }
    return out;
  }

  private finding(rule: ConfigRule, hit: CheckHit, kind: ConfigKind, exposure?: string): Finding {
    const f: Finding = {
      ruleId: rule.id,
      pack: 'config',
      severity: rule.severity,
      cwe: rule.cwe,
      message: hit.detail ? `${rule.message} ${hit.detail}` : rule.message,
      range: hit.range,
      docsUrl: rule.docsUrl,
      properties: { fileKind: kind },
    };
    if (hit.fixes && hit.fixes.length > 0) f.fixes = hit.fixes;
    if (rule.exposure) {
      f.properties!.exposure = rule.exposure;
    } else if (exposure) {
      // The same weakness ranks above its internal twin: one level up, and the message says why.
      f.properties!.exposure = 'internet';
      f.severity = raise(rule.severity);
      f.message = `${f.message} Ranked higher because it is exposed to the internet: ${exposure}.`;
    }
    return f;
  }
}

/**
 * The kind of one YAML document: a document with scalar `apiVersion` and `kind` is a Kubernetes object (in any
 * YAML file); a compose file's documents stay compose documents; a CloudFormation file's document is a template
 * when it declares `AWSTemplateFormatVersion` or a resource typed `AWS::...`.
 */
function yamlKind(fileKind: ConfigKind, y: YamlDoc): ConfigKind | undefined {
  const api = scalarText(get(y.doc, y.root, 'apiVersion')?.value);
  const k = scalarText(get(y.doc, y.root, 'kind')?.value);
  if (api && k) return 'kubernetes';
  if (fileKind === 'cloudformation') return isCloudFormation(y) ? 'cloudformation' : undefined;
  return fileKind === 'compose' ? 'compose' : undefined;
}

function isCloudFormation(y: YamlDoc): boolean {
  if (get(y.doc, y.root, 'AWSTemplateFormatVersion')) return true;
  const resources = get(y.doc, y.root, 'Resources')?.value;
  return isMap(resources) && entries(y.doc, resources).some((e) => /^AWS::/.test(scalarText(get(y.doc, e.value, 'Type')?.value) ?? ''));
}

/** Whether a condition holds when a key is absent (`missing`, or a negated test). */
function needsAbsence(c: Condition): boolean {
  return c.kind === 'missing' || c.kind === 'not' || (c.kind === 'any' && c.conds.some(needsAbsence));
}

/** A session's parsed YAML documents (by their text) and Terraform file (its blocks, by position). */
export interface ConfigParseCache {
  yaml: YamlParseCache;
  hcl: HclFile;
}

/** A session's findings per YAML document (see `analyze`), with the line the document started at. */
export type FindingCache = Map<string, { line: number; findings: Finding[] }>;

/** A finding of a document that moved by `delta` whole lines (documents start at a line start). */
function moveFinding(f: Finding, delta: number): Finding {
  const move = (r: Range): Range => ({ start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } });
  return {
    ...f,
    range: move(f.range),
    ...(f.spanStartLine !== undefined ? { spanStartLine: f.spanStartLine + delta } : {}),
    ...(f.fixes ? { fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, range: move(e.range) })) })) } : {}),
  };
}

/** One severity level up (critical stays critical). */
function raise(s: Severity): Severity {
  const i = SEVERITIES.indexOf(s);
  return SEVERITIES[Math.max(0, i - 1)]!;
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
    // Each command on its own: a heredoc body's lines are separate commands, so a match must not span them.
    for (const cmd of commandTexts(ins)) {
      const hit = m.matches.exec(cmd.text);
      if (!hit) continue;
      const start = cmd.start + hit.index;
      hits.push({ range: lines.rangeOf(start, start + Math.max(hit[0].length, 1)) });
      break;
    }
  }
  return hits;
}

class ConfigSession implements AnalyzerSession {
  private last: { text: string; findings: Finding[] } | undefined;
  private readonly parsed: ConfigParseCache = { yaml: new Map(), hcl: new HclFile() };
  private readonly found: FindingCache = new Map();

  constructor(private readonly analyzer: ConfigAnalyzer) {}

  run(doc: SourceDocument, delta: DocumentDelta | undefined, ctx: AnalysisContext): Finding[] {
    if (this.last?.text === doc.text) return this.last.findings;
    const findings = this.analyzer.analyze(doc, ctx, this.parsed, this.found, delta);
    this.last = { text: doc.text, findings };
    return findings;
  }

  dispose(): void {
    this.last = undefined;
    this.parsed.yaml.clear();
    this.parsed.hcl.clear();
    this.found.clear();
  }
}
