/**
 * The taint pack as an Analyzer. Per document: find the units (functions and the top level), the imports and
 * the framework handlers; then, per rule, compute function summaries to a fixpoint and collect findings.
 *
 * Incremental: each unit's result is cached under a key made of everything it depends on (rule, unit text and
 * position, file context, the summaries it can see). An edit therefore re-analyses only the units whose text
 * changed, plus every unit again if a summary changed; the result is by construction what a full run gives.
 *
 * Cross-file: `summarizeExports(doc)` gives the summaries of a file's exported functions; hand an `ExportIndex`
 * to `setExportIndex` and calls to imported functions (relative imports) use them.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve as resolvePath } from 'node:path';
import { Parser, type Node, type Tree } from 'web-tree-sitter';
import type { AnalysisContext, Analyzer, AnalyzerSession, RuleInfo } from '../analyzer';
import type { RuleLoadError } from '../analyzers';
import type { SourceDocument } from '../document';
import type { LineIndex } from '../text';
import type { GrammarId } from '../languages';
import type { GrammarRegistry } from '../parser';
import { matchPattern, resetNodeCache } from '../patterns/pattern';
import type { Finding, Fix, Range, TraceStep } from '../types';
import { analyzeUnit, ownText, ruleIndex, isFunctionNode, paramDefaultOf, paramsOf, paramTypeOf, type RawTaintFinding, type Summary, type UnitParams } from './dataflow';
import { buildFixes, suppressFix } from './fixes';
import { compileFor, taintLanguageOf, type CompiledLanguage, type CompiledRule, type TaintRuleSet } from './rule-set';

/** A serialisable summary of one exported function, for one rule. */
export interface ExportRuleSummary {
  paramReturns: number[];
  paramSinks: { param: number; sinkText: string; range: Range; steps: TraceStep[] }[];
  sourceReturns: { label: string; steps: TraceStep[] }[];
}

/** What an exported function of a file does with its parameters, per rule id. */
export interface ExportSummary {
  /** Absolute path of the file that exports it. */
  path: string;
  name: string;
  rules: Record<string, ExportRuleSummary>;
}

/**
 * Looks up the exports of the module `specifier` imported from `fromPath` (relative specifiers only, e.g.
 * `./db` or Python `.db`). The workspace scan builds it from a first pass of `summarizeExports`.
 */
export type ExportIndex = (fromPath: string, specifier: string) => ExportSummary[] | undefined;

interface Unit {
  node: Node;
  name?: string;
  /** Methods called as `this.m()` / `self.m()`; Python methods skip `self`. */
  isMethod: boolean;
  params: UnitParams;
  aliases: Map<string, string>;
  key: string;
  /** Where the unit starts (line:character), as LSP counts. */
  at: string;
}

interface FileContext {
  units: Unit[];
  imports: Map<string, string>;
  byName: Map<string, Unit | null>;
  byMethod: Map<string, Unit | null>;
  /** Function units by start offset, for inline callbacks. */
  byStart: Map<number, Unit>;
}

export class TaintAnalyzer implements Analyzer {
  readonly pack = 'taint' as const;
  private readonly compiled = new Map<GrammarId, CompiledLanguage | undefined>();
  /** Problems found while compiling patterns for a grammar (reported once the grammar is first used). */
  readonly compileErrors: RuleLoadError[] = [];
  private exportIndex: ExportIndex | undefined;
  /** Work counters, for tests and benchmarks: unit analyses run vs. served from the cache. */
  readonly stats = { unitsAnalyzed: 0, unitsCached: 0 };

  constructor(private readonly set: TaintRuleSet) {}

  rules(): RuleInfo[] {
    return this.set.rules.map((r) => ({
      id: r.id,
      pack: 'taint',
      name: r.name,
      description: r.description,
      severity: r.severity,
      cwe: r.cwe,
      docsUrl: r.docs ?? docsUrl(r.id),
      languages: r.languages,
    }));
  }

  appliesTo(doc: SourceDocument): boolean {
    return !!doc.grammar && !!taintLanguageOf(doc.grammar) && this.set.rules.length > 0;
  }

  /**
   * Compiles every rule's patterns for the grammars of a registry now, instead of on first use, and returns the
   * patterns that do not parse (source = the rules file, e.g. `.vigil.yml`). Hosts call it after creating the
   * Engine (`engine.grammars`) to show bad custom patterns on the config file straight away.
   */
  precompile(grammars: GrammarRegistry): RuleLoadError[] {
    const errors: RuleLoadError[] = [];
    for (const g of ['javascript', 'typescript', 'tsx', 'python'] as GrammarId[]) {
      const language = grammars.language(g);
      if (!language || this.compiled.has(g)) continue;
      const c = compileFor(this.set, g, language);
      this.compiled.set(g, c);
      if (c) {
        this.compileErrors.push(...c.errors);
        errors.push(...c.errors);
      }
    }
    return errors;
  }

  /** Uses summaries of other files' exports for calls to imported functions (workspace scan, second pass). */
  setExportIndex(index: ExportIndex | undefined): void {
    this.exportIndex = index;
  }

  open(_doc: SourceDocument): AnalyzerSession {
    const cache = new Map<string, CachedUnit>();
    return {
      run: (doc, _delta, _ctx: AnalysisContext) => this.analyze(doc, cache),
      dispose: () => cache.clear(),
    };
  }

  /** Compiled rules for a grammar, compiled on first use. */
  compiledFor(doc: SourceDocument): CompiledLanguage | undefined {
    const g = doc.grammar;
    if (!g || !doc.tree) return undefined;
    if (!this.compiled.has(g)) {
      const c = compileFor(this.set, g, doc.tree.language);
      this.compiled.set(g, c);
      if (c) this.compileErrors.push(...c.errors);
    }
    return this.compiled.get(g);
  }

  /** Full (cached) analysis of a document. */
  analyze(doc: SourceDocument, cache = new Map<string, CachedUnit>()): Finding[] {
    const lang = this.compiledFor(doc);
    const tree = doc.tree;
    if (!lang || !tree) return [];
    resetNodeCache();
    // Grammars such as Python's do not take a lone CR as a line break, as editors and Python do: analyse a copy
    // with LF in its place (same length, so every offset and LSP position stays the same).
    let own: Tree | undefined;
    if (/\r(?!\n)/.test(doc.text)) {
      const parser = new Parser();
      parser.setLanguage(tree.language);
      own = parser.parse(doc.text.replace(/\r(?!\n)/g, '\n')) ?? undefined;
      parser.delete();
    }
    try {
      return this.analyzeTree(doc, own ?? tree, lang, cache);
    } finally {
      own?.delete();
      resetNodeCache();
    }
  }

  private analyzeTree(doc: SourceDocument, tree: Tree, lang: CompiledLanguage, cache: Map<string, CachedUnit>): Finding[] {
    const words = doc.text.replace(/-/g, '_');
    // Text-only prefilters: a rule needs a possible sink, and a possible source (a source's words, or a framework
    // handler whose parameters are input), unless another file's summaries are in play.
    const handlers = lang.handlers.some((h) => handlerMayApply(h, words));
    const rules = lang.rules.filter((r) => this.exportIndex || (mayHaveSink(r, words) && (handlers || mayHaveSource(r, words))));
    const used = new Map<string, CachedUnit>();
    const findings: Finding[] = [];
    if (rules.length === 0) {
      cache.clear();
      return findings;
    }
    const ctx = fileContext(tree, lang, doc.text, doc.lines);
    for (const rule of rules) {
      if (rule.spec.requiresImport.length > 0 && ![...ctx.imports.values()].some((m) => rule.spec.requiresImport.some((r) => m === r || m.startsWith(`${r}.`)))) continue;
      const { results } = this.fixpoint(doc, rule, ctx, cache, used);
      const seen = new Set<string>();
      for (const res of results) {
        for (const f of res.findings) {
          const k = `${f.range.start.line}:${f.range.start.character}`;
          if (seen.has(k)) continue;
          seen.add(k);
          findings.push(this.toFinding(rule, f, doc));
        }
      }
    }
    // Keep exactly what this run used: bounded by one run's work, and stale entries go.
    cache.clear();
    for (const [k, v] of used) cache.set(k, v);
    return findings;
  }

  /** Summaries to a fixpoint (bounded rounds), then the findings of the last round. */
  private fixpoint(doc: SourceDocument, rule: CompiledRule, ctx: FileContext, cache: Map<string, CachedUnit>, used: Map<string, CachedUnit>): { results: CachedUnit[]; summaries: Map<Unit, Summary> } {
    let summaries = new Map<Unit, Summary>();
    let summariesKey = '';
    const imported = this.importedSummaries(doc, ctx, rule);
    const importKey = imported.size ? JSON.stringify([...imported].map(([k, v]) => [k, v.rules[rule.spec.id] ?? null])) : '';
    let results: CachedUnit[] = [];
    // Summaries settle in two or three rounds; very large files (bundles) get fewer rounds to stay in budget.
    const rounds = ctx.units.length > 2000 ? 2 : 5;
    for (let round = 0; round < rounds; round++) {
      const next = new Map<Unit, Summary>();
      results = ctx.units.map((u) => {
        const key = `${rule.spec.id}\u0000${u.key}\u0000${summariesKey}\u0000${importKey}`;
        let r = cache.get(key) ?? used.get(key);
        if (r) this.stats.unitsCached++;
        else {
          this.stats.unitsAnalyzed++;
          const out = analyzeUnit(u.node, u.params, {
            rule,
            index: ruleIndex(rule),
            lines: doc.lines,
            resolve: (id) => u.aliases.get(id) ?? ctx.imports.get(id),
            calleeSummary: (callee) => resolveCallee(callee, ctx, summaries, imported, rule.spec.id),
            inlineSummary: (fn) => {
              const unit = ctx.byStart.get(fn.startIndex);
              return unit ? summaries.get(unit) : undefined;
            },
            buildFixes: (r2, sink, focus, b) => buildFixes(r2, sink, focus, b, doc, ctx.imports),
          });
          r = { summary: out.summary, findings: out.findings };
        }
        used.set(key, r);
        next.set(u, r.summary);
        return r;
      });
      const nextKey = summaryKey(ctx.units, next);
      if (nextKey === summariesKey) break;
      summaries = next;
      summariesKey = nextKey;
    }
    return { results, summaries };
  }

  private importedSummaries(doc: SourceDocument, ctx: FileContext, _rule: CompiledRule): Map<string, ExportSummary> {
    const out = new Map<string, ExportSummary>();
    if (!this.exportIndex) return out;
    for (const [local, canon] of ctx.imports) {
      if (!canon.startsWith('.')) continue;
      const dot = canon.lastIndexOf('.');
      if (dot <= 0) continue;
      const spec = canon.slice(0, dot);
      const name = canon.slice(dot + 1);
      const found = this.exportIndex(doc.path, spec)?.find((e) => e.name === name);
      if (found) out.set(local, found);
    }
    return out;
  }

  private toFinding(rule: CompiledRule, f: RawTaintFinding, doc: SourceDocument): Finding {
    const message = rule.spec.message.replace(/\$SOURCE/g, f.label).replace(/\$SINK/g, f.sinkText);
    const fixes: Fix[] = [...f.fixes, suppressFix(rule.spec.id, f.range, doc)];
    return {
      ruleId: rule.spec.id,
      pack: 'taint',
      severity: rule.spec.severity,
      cwe: rule.spec.cwe,
      message,
      range: f.range,
      docsUrl: rule.docsUrl,
      trace: f.trace,
      fixes,
      properties: { source: f.label, sink: f.sinkText },
    };
  }

  /**
   * Summaries of the exported functions of a document (ES `export`, `module.exports`/`exports.x`, and every
   * top-level Python function), for the workspace scan's first pass.
   */
  summarizeExports(doc: SourceDocument): ExportSummary[] {
    const lang = this.compiledFor(doc);
    const tree = doc.tree;
    if (!lang || !tree) return [];
    resetNodeCache();
    const ctx = fileContext(tree, lang, doc.text, doc.lines);
    const exported = exportedNames(tree, lang.language === 'python');
    const byUnit = new Map<Unit, ExportSummary>();
    for (const u of ctx.units) if (u.name && exported.has(u.name)) byUnit.set(u, { path: doc.path, name: u.name, rules: {} });
    if (byUnit.size === 0) return [];
    const cache = new Map<string, CachedUnit>();
    for (const rule of lang.rules) {
      const { summaries } = this.fixpoint(doc, rule, ctx, cache, new Map());
      for (const [u, e] of byUnit) {
        const s = summaries.get(u);
        if (!s || (s.paramReturns.size === 0 && s.paramSinks.size === 0 && s.sourceReturns.length === 0)) continue;
        const withPath = (steps: TraceStep[]): TraceStep[] => steps.map((x) => ({ ...x, path: x.path ?? doc.path }));
        e.rules[rule.spec.id] = {
          paramReturns: [...s.paramReturns.keys()],
          paramSinks: [...s.paramSinks].flatMap(([param, hits]) => hits.map((h) => ({ param, sinkText: h.sinkText, range: h.range, steps: withPath(h.steps) }))),
          sourceReturns: s.sourceReturns.map((f) => ({ label: f.origin.kind === 'source' ? f.origin.label : '', steps: withPath(f.steps) })),
        };
      }
    }
    return [...byUnit.values()];
  }
}

interface CachedUnit {
  summary: Summary;
  findings: RawTaintFinding[];
}

const anchorCache = new WeakMap<CompiledRule, RegExp | null>();

/**
 * Whether a sink of the rule can occur in a text: each sink pattern has a word that must appear (its longest
 * plain word); a sink with none (e.g. `$F($X)`) means the rule always runs.
 */
function mayHaveSink(rule: CompiledRule, text: string): boolean {
  let re = anchorCache.get(rule);
  if (re === undefined) {
    const words: string[] = [];
    let always = false;
    for (const s of rule.spec.sinks) {
      const w = s.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_][\w]*/g) ?? [];
      const best = w.sort((a, b) => b.length - a.length)[0];
      if (!best) always = true;
      else words.push(best.replace(/[^\w]/g, ''));
    }
    re = always ? null : new RegExp(`(?:${words.join('|')})`);
    anchorCache.set(rule, re);
  }
  return re === null || re.test(text);
}

const sourceCache = new WeakMap<CompiledRule, RegExp[][]>();

/** Whether some source of the rule can occur in a text: all the plain words of one of its patterns appear. */
function mayHaveSource(rule: CompiledRule, text: string): boolean {
  let alts = sourceCache.get(rule);
  if (!alts) {
    alts = rule.sources.map((s) => (s.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []).map((w) => new RegExp(w)));
    sourceCache.set(rule, alts);
  }
  return alts.some((words) => words.every((w) => w.test(text)));
}

/**
 * Whether a framework handler can occur in a text: its pattern's plain words, its required import, its first
 * parameter name, and what its `where` constraints demand must all appear. A necessary condition only.
 */
function handlerMayApply(h: CompiledLanguage['handlers'][number], text: string): boolean {
  const need: RegExp[] = [];
  for (const c of [h.call, h.decorator]) {
    if (!c) continue;
    for (const w of c.spec.pattern.replace(/\$[A-Z_][A-Z0-9_]*/g, ' ').match(/[A-Za-z_]\w*/g) ?? []) need.push(new RegExp(w));
    for (const [, re] of c.where) need.push(new RegExp(re.source.replace(/^\^/, '').replace(/\$$/, '')));
  }
  if (h.spec.requiresImport) need.push(new RegExp(h.spec.requiresImport.replace(/[^\w]/g, '_')));
  if (h.spec.firstParamNamed) need.push(new RegExp(h.spec.firstParamNamed));
  return need.every((re) => re.test(text));
}

function docsUrl(id: string): string {
  return `https://github.com/vigil-security/vigil/blob/main/docs/rules/taint.md#${id.toLowerCase().replace(/[^a-z0-9_-]/g, '')}`;
}

function summaryKey(units: Unit[], s: Map<Unit, Summary>): string {
  const parts: string[] = [];
  for (const u of units) {
    const x = s.get(u);
    if (!x || (x.paramReturns.size === 0 && x.paramSinks.size === 0 && x.sourceReturns.length === 0)) continue;
    // Which unit, by name and place (not by text: an edit that leaves the summary alone changes nothing).
    parts.push(`${u.name ?? ''}@${u.at}`, JSON.stringify([[...x.paramReturns], [...x.paramSinks].map(([k, v]) => [k, v.map((h) => [h.range, h.steps, h.sinkText, h.fixes])]), x.sourceReturns]));
  }
  return parts.length ? createHash('sha1').update(parts.join('\u0001')).digest('hex') : '';
}

function resolveCallee(
  callee: Node,
  ctx: FileContext,
  summaries: Map<Unit, Summary>,
  imported: Map<string, ExportSummary>,
  ruleId: string,
): { summary: Summary; name: string; offset: number } | undefined {
  let unit: Unit | null | undefined;
  let viaSelf = false;
  if (callee.type === 'identifier') {
    unit = ctx.byName.get(callee.text);
    if (unit === undefined) {
      const ext = imported.get(callee.text)?.rules[ruleId];
      if (ext) return { summary: fromExport(ext), name: callee.text, offset: 0 };
      return undefined;
    }
  } else if (callee.type === 'member_expression' || callee.type === 'attribute') {
    const obj = callee.childForFieldName('object');
    const prop = callee.childForFieldName(callee.type === 'attribute' ? 'attribute' : 'property');
    if (obj && prop && (obj.type === 'this' || obj.text === 'self')) {
      unit = ctx.byMethod.get(prop.text);
      viaSelf = true;
    } else if (obj && prop && !(obj.type === 'identifier' && ctx.imports.has(obj.text))) {
      // `repo.find(x)`: a method defined once in this file (receivers that are imported modules are not ours).
      unit = ctx.byMethod.get(prop.text);
      viaSelf = true;
    }
  }
  if (!unit) return undefined;
  const s = summaries.get(unit);
  if (!s) return undefined;
  const firstParam = unit.params.names[0]?.node.text;
  const offset = viaSelf && unit.isMethod && (firstParam === 'self' || firstParam === 'cls') ? 1 : 0;
  return { summary: s, name: unit.name ?? 'function', offset };
}

function fromExport(e: ExportRuleSummary): Summary {
  const paramSinks = new Map<number, Summary['paramSinks'] extends Map<number, infer H> ? H : never>();
  for (const h of e.paramSinks) {
    const list = paramSinks.get(h.param) ?? [];
    list.push({ path: h.steps[h.steps.length - 1]?.path ?? '', steps: h.steps, range: h.range, sinkText: h.sinkText, fixes: [] });
    paramSinks.set(h.param, list);
  }
  return {
    paramReturns: new Map(e.paramReturns.map((i) => [i, [] as TraceStep[]])),
    paramSinks,
    sourceReturns: e.sourceReturns.map((f) => ({ origin: { kind: 'source' as const, label: f.label }, steps: f.steps })),
  };
}

const named = (n: Node): Node[] => n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');

/** Units, imports and handlers of a file. Walks iteratively. */
function fileContext(tree: Tree, lang: CompiledLanguage, text: string, lines: LineIndex): FileContext {
  const root = tree.rootNode;
  const imports = collectImports(root, lang.language === 'python');
  // Everything outside a unit that its result depends on: imports (and where their statements are, for fixes
  // that edit them), the line-break style, and which names resolve to functions of this file (set below).
  const importStmts = named(root)
    .filter((s) => /import/.test(s.type) || (s.type === 'lexical_declaration' || s.type === 'variable_declaration') && s.text.includes('require('))
    .map((s) => `${s.startIndex}:${s.text}`);
  let importKey = createHash('sha1').update(JSON.stringify([[...imports], importStmts, text.includes('\r\n')])).digest('hex');
  const units: Unit[] = [];
  const fnNodes: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isFunctionNode(n)) fnNodes.push(n);
    const kids = n.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  const mk = (node: Node, name: string | undefined, isMethod: boolean, params: UnitParams, aliases: Map<string, string>, role: string): Unit => {
    const hash = createHash('sha1').update(ownText(node, text, lines)).digest('hex');
    const at = lines.positionAt(node.startIndex);
    const key = `${hash}@${at.line}:${at.character}:${role}:${JSON.stringify([...aliases])}`;
    return { node, ...(name ? { name } : {}), isMethod, params, aliases, key, at: `${at.line}:${at.character}` };
  };
  units.push(mk(root, undefined, false, { names: [], sources: new Map() }, new Map(), 'module'));
  for (const fn of fnNodes) {
    const params = paramsOf(fn);
    const unitParams: UnitParams = { names: params.map((node, index) => ({ node, index })), sources: new Map() };
    const aliases = new Map<string, string>();
    const roles: string[] = [];
    for (const h of lang.handlers) {
      if (!isHandler(fn, h, params, imports)) continue;
      roles.push(h.spec.id);
      const first = h.spec.params === 'rest' ? 1 : 0;
      if (h.spec.params !== 'none') {
        params.forEach((p, i) => {
          if (i < first || i === h.spec.requestParam) return;
          const type = paramTypeOf(fn, i)?.replace(/^Optional\[(.*)\]$/, '$1').replace(/\s*\|\s*None$/, '');
          if (type && h.spec.safeTypes.some((t) => type === t || type.startsWith(`${t}[`) || type.endsWith(`.${t}`))) return;
          const def = paramDefaultOf(fn, i);
          const defFn = def?.type === 'call' ? def.childForFieldName('function')?.text : undefined;
          if (defFn && h.spec.safeDefaults.some((d) => defFn === d || defFn.endsWith(`.${d}`))) return;
          if (p.type !== 'identifier') return;
          unitParams.sources.set(i, `request parameter ${p.text}`);
        });
      }
      const rp = h.spec.requestParam !== undefined ? params[h.spec.requestParam] : undefined;
      if (rp && h.spec.alias && rp.type === 'identifier') aliases.set(rp.text, h.spec.alias);
    }
    const name = unitName(fn);
    const isMethod = fn.type === 'method_definition' || (fn.type === 'function_definition' && !!enclosingClass(fn));
    units.push(mk(fn, name, isMethod, unitParams, aliases, roles.join(',')));
  }
  const byName = new Map<string, Unit | null>();
  const byMethod = new Map<string, Unit | null>();
  for (const u of units) {
    if (!u.name) continue;
    const map = u.isMethod ? byMethod : byName;
    map.set(u.name, map.has(u.name) ? null : u);
  }
  const names = JSON.stringify([[...byName].map(([k, v]) => [k, !!v]), [...byMethod].map(([k, v]) => [k, !!v])]);
  importKey = createHash('sha1').update(importKey + names).digest('hex');
  for (const u of units) u.key += `:${importKey}`;
  const byStart = new Map<number, Unit>();
  for (const u of units) if (u.node !== root) byStart.set(u.node.startIndex, u);
  return { units, imports, byName, byMethod, byStart };
}

function enclosingClass(n: Node): Node | undefined {
  const p = n.parent?.type === 'decorated_definition' ? n.parent.parent : n.parent;
  return p?.type === 'block' && p.parent?.type === 'class_definition' ? p.parent : undefined;
}

function unitName(fn: Node): string | undefined {
  const own = fn.childForFieldName('name');
  if (own) return own.text;
  const p = fn.parent;
  if (p?.type === 'variable_declarator') return p.childForFieldName('name')?.text;
  if (p?.type === 'assignment_expression' || p?.type === 'assignment') {
    const left = p.childForFieldName('left');
    if (left?.type === 'identifier') return left.text;
    if (left?.type === 'member_expression') return left.childForFieldName('property')?.text;
  }
  return undefined;
}

function isHandler(fn: Node, h: CompiledLanguage['handlers'][number], params: Node[], imports: Map<string, string>): boolean {
  const resolve = (id: string): string | undefined => imports.get(id);
  if (h.spec.requiresImport && ![...imports.values()].some((m) => m === h.spec.requiresImport || m.startsWith(`${h.spec.requiresImport}.`))) return false;
  if (h.spec.firstParamNamed && params[0]?.text !== h.spec.firstParamNamed) return false;
  if (h.call) {
    const args = fn.parent;
    const call = args?.type === 'arguments' ? args.parent : undefined;
    if (!call) return false;
    const b = matchPattern(h.call.pattern, call, resolve);
    if (!b || b.get('$HANDLER')?.id !== fn.id) return false;
    for (const [mv, re] of h.call.where) if (!re.test(b.get(mv)?.text ?? '')) return false;
  }
  if (h.decorator) {
    const dd = fn.parent;
    if (dd?.type !== 'decorated_definition') return false;
    const ok = named(dd).some((d) => {
      if (d.type !== 'decorator') return false;
      const e = named(d)[0];
      const b = e ? matchPattern(h.decorator!.pattern, e, resolve) : undefined;
      return !!b && h.decorator!.where.every(([mv, re]) => re.test(b.get(mv)?.text ?? ''));
    });
    if (!ok) return false;
  }
  return true;
}

/** Local name -> canonical dotted name, from `import`/`require` (JS) and `import`/`from ... import` (Python). */
export function collectImports(root: Node, python: boolean): Map<string, string> {
  const out = new Map<string, string>();
  // Package names become identifier-safe so patterns can name them: js-yaml -> js_yaml, node:fs -> fs.
  const mod = (s: string): string => (s.startsWith('.') ? s : s.replace(/^node:/, '').replace(/[^\w.]/g, '_').replace(/\//g, '.'));
  const stack: Node[] = [root];
  let visited = 0;
  while (stack.length && visited++ < 200_000) {
    const n = stack.pop()!;
    if (python) {
      if (n.type === 'import_statement') {
        for (const c of named(n)) {
          if (c.type === 'dotted_name') out.set(c.text.split('.')[0]!, c.text.split('.')[0]!);
          else if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) out.set(alias, name);
          }
        }
        continue;
      }
      if (n.type === 'import_from_statement') {
        const m = n.childForFieldName('module_name')?.text;
        if (!m) continue;
        for (const c of n.childrenForFieldName('name')) {
          if (!c) continue;
          if (c.type === 'dotted_name') out.set(c.text, `${m}${m.endsWith('.') ? '' : '.'}${c.text}`);
          else if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) out.set(alias, `${m}${m.endsWith('.') ? '' : '.'}${name}`);
          }
        }
        continue;
      }
    } else {
      if (n.type === 'import_statement') {
        const source = n.childForFieldName('source');
        const m = source ? mod(source.text.slice(1, -1)) : undefined;
        const clause = named(n).find((c) => c.type === 'import_clause');
        if (m && clause) {
          for (const c of named(clause)) {
            if (c.type === 'identifier') out.set(c.text, m);
            else if (c.type === 'namespace_import') {
              const id = named(c)[0];
              if (id) out.set(id.text, m);
            } else if (c.type === 'named_imports') {
              for (const s of named(c)) {
                const name = s.childForFieldName('name')?.text;
                const alias = s.childForFieldName('alias')?.text ?? name;
                if (name && alias) out.set(alias, `${m}.${name}`);
              }
            }
          }
        }
        continue;
      }
      if (n.type === 'variable_declarator') {
        const value = n.childForFieldName('value');
        const name = n.childForFieldName('name');
        const m = value ? requiredModule(value) : undefined;
        if (m && name) {
          if (name.type === 'identifier') out.set(name.text, mod(m));
          else if (name.type === 'object_pattern') {
            for (const p of named(name)) {
              if (p.type === 'shorthand_property_identifier_pattern') out.set(p.text, `${mod(m)}.${p.text}`);
              else if (p.type === 'pair_pattern') {
                const k = p.childForFieldName('key')?.text;
                const v = p.childForFieldName('value');
                if (k && v?.type === 'identifier') out.set(v.text, `${mod(m)}.${k}`);
              }
            }
          }
        }
      }
    }
    if (isFunctionNode(n) && python) continue;
    const kids = n.namedChildren;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k) stack.push(k);
    }
  }
  return out;
}

/** `require('x')` or `require('x').y` -> `x` / `x.y`. */
function requiredModule(n: Node): string | undefined {
  if (n.type === 'call_expression') {
    const f = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    const a = args ? named(args)[0] : undefined;
    if (f?.text === 'require' && a?.type === 'string') return a.text.slice(1, -1);
  }
  if (n.type === 'member_expression') {
    const obj = n.childForFieldName('object');
    const m = obj ? requiredModule(obj) : undefined;
    const prop = n.childForFieldName('property')?.text;
    if (m && prop) return `${m}.${prop}`;
  }
  return undefined;
}

/** Names a file exports: ES exports, CommonJS `exports.x`/`module.exports = { x }`, Python top-level defs. */
function exportedNames(tree: Tree, python: boolean): Set<string> {
  const out = new Set<string>();
  for (const s of named(tree.rootNode)) {
    if (python) {
      const def = s.type === 'decorated_definition' ? s.childForFieldName('definition') : s;
      if (def?.type === 'function_definition') {
        const name = def.childForFieldName('name')?.text;
        if (name && !name.startsWith('_')) out.add(name);
      }
      continue;
    }
    if (s.type === 'export_statement') {
      const decl = s.childForFieldName('declaration');
      const name = decl?.childForFieldName('name')?.text;
      if (name) out.add(name);
      if (decl && (decl.type === 'lexical_declaration' || decl.type === 'variable_declaration')) {
        for (const d of named(decl)) {
          const n = d.childForFieldName('name');
          if (n?.type === 'identifier') out.add(n.text);
        }
      }
      for (const c of named(s)) if (c.type === 'export_clause') for (const sp of named(c)) {
        const n = sp.childForFieldName('name')?.text;
        if (n) out.add(n);
      }
    }
    if (s.type === 'expression_statement') {
      const e = named(s)[0];
      if (e?.type !== 'assignment_expression') continue;
      const left = e.childForFieldName('left')?.text ?? '';
      const right = e.childForFieldName('right');
      const m = /^(?:module\.)?exports\.([\w$]+)$/.exec(left);
      if (m) out.add(m[1]!);
      if (left === 'module.exports' && right?.type === 'object') {
        for (const p of named(right)) {
          if (p.type === 'shorthand_property_identifier') out.add(p.text);
          if (p.type === 'pair') {
            const v = p.childForFieldName('value');
            if (v?.type === 'identifier') out.add(v.text);
          }
        }
      }
    }
  }
  return out;
}

/** Resolves a relative import specifier against the importing file (for ExportIndex implementations). */
export function resolveSpecifier(fromPath: string, specifier: string): string {
  if (specifier.startsWith('.') && !specifier.startsWith('./') && !specifier.startsWith('../')) {
    // Python relative module: `.db` -> ./db, `..pkg.mod` -> ../pkg/mod
    const m = /^(\.+)(.*)$/.exec(specifier)!;
    const up = m[1]!.length - 1;
    return resolvePath(dirname(fromPath), ...Array(up).fill('..'), ...m[2]!.split('.').filter(Boolean));
  }
  return resolvePath(dirname(fromPath), specifier);
}

const MODULE_SUFFIXES = ['', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '/index.js', '/index.ts', '.py', '/__init__.py'];

/**
 * An ExportIndex over summaries gathered by a first pass (`summarizeExports` on every file): resolves a relative
 * specifier against the importing file and tries the usual extensions and index files. Summaries are plain data,
 * so workers can send them to the coordinator and back.
 */
export function buildExportIndex(summaries: readonly ExportSummary[]): ExportIndex {
  const byPath = new Map<string, ExportSummary[]>();
  for (const s of summaries) byPath.set(s.path, [...(byPath.get(s.path) ?? []), s]);
  return (fromPath, specifier) => {
    const base = resolveSpecifier(fromPath, specifier);
    for (const suffix of MODULE_SUFFIXES) {
      const hit = byPath.get(base + suffix);
      if (hit) return hit;
    }
    return undefined;
  };
}
