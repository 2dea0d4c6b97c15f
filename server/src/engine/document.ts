/**
 * One open document: its text, its syntax tree, and the edits applied since the last analysis. Edits are
 * applied to the tree with `tree.edit` and followed by an incremental parse, as the LSP delivers them.
 */
import type { Edit, Point, Tree } from 'web-tree-sitter';
import { grammarFor, type GrammarId } from './languages';
import type { GrammarRegistry } from './parser';
import { LineIndex } from './text';
import type { Range } from './types';

/** A content change as LSP sends it: a range in the current text and its replacement, or a whole new text. */
export interface ContentChange {
  range?: Range;
  text: string;
}

/** What changed since the previous analysis of a document; handed to incremental analyzers. */
export interface DocumentDelta {
  /** The edits in the order applied, each in the coordinates of the text at that moment (tree-sitter Edit). */
  edits: Edit[];
  /** The text before the first edit. */
  previousText: string;
}

export class SourceDocument {
  private _text: string;
  private _lines: LineIndex | undefined;
  private _tree: Tree | undefined;
  private pendingEdits: Edit[] = [];
  private textAtLastAnalysis: string;
  private _parseFailed = false;
  /**
   * The text changed since the last parse. Parsing waits until someone needs the tree, so a file the engine
   * skips (over the size limit, binary) is never parsed: a 10 MB file would otherwise block every keystroke.
   */
  private parsePending = false;
  private _grammar: GrammarId | undefined;

  constructor(
    readonly uri: string,
    /** Absolute file path, or the uri when the document is not a file. */
    readonly path: string,
    readonly languageId: string,
    text: string,
    public version: number,
    private readonly grammars: GrammarRegistry,
  ) {
    this._text = text;
    this.textAtLastAnalysis = text;
    const grammar = grammarFor(languageId, path);
    this._grammar = grammar && grammars.language(grammar) ? grammar : undefined;
    this.reparse();
  }

  /** The grammar that parses this document, when it has one and it was loaded when the document opened (or adopted). */
  get grammar(): GrammarId | undefined {
    return this._grammar;
  }

  /**
   * The grammar this document wants and did not have when it opened, loaded since (a server loads grammars on
   * first need): takes it, as a document opened now would. Edits so far become part of the text of its first
   * analysis, so the caller must drop analysis state (`Engine.adoptGrammar`). True when it took one.
   */
  adoptGrammar(): boolean {
    if (this._grammar) return false;
    const grammar = grammarFor(this.languageId, this.path);
    if (!grammar || !this.grammars.language(grammar)) return false;
    this._grammar = grammar;
    this.hibernate();
    return true;
  }

  /** Set when the tree could not be built in budget; syntax-aware analysis is then skipped. */
  get parseFailed(): boolean {
    this.ensureParsed();
    return this._parseFailed;
  }

  /** A parse of the current text was tried and failed. Never parses: for reporting after the packs ran. */
  get parseFailedIfParsed(): boolean {
    return !this.parsePending && this._parseFailed;
  }

  get text(): string {
    return this._text;
  }

  get lines(): LineIndex {
    return (this._lines ??= new LineIndex(this._text));
  }

  /** The current syntax tree, or undefined for documents without a (loadable) grammar. */
  get tree(): Tree | undefined {
    this.ensureParsed();
    return this._tree;
  }

  /** Applies LSP content changes in order: text and tree edit; the incremental reparse runs when the tree is next needed. */
  applyChanges(changes: readonly ContentChange[], version: number): void {
    for (const change of changes) {
      if (!change.range) {
        this.pendingEdits.push(this.fullReplaceEdit(change.text));
        this._text = change.text;
        this._lines = undefined;
        this._tree?.delete();
        this._tree = undefined;
        continue;
      }
      const lines = this.lines;
      // A reversed range (end before start) means the same span, as in vscode-languageserver-textdocument.
      const a = lines.offsetAt(change.range.start);
      const b = lines.offsetAt(change.range.end);
      const start = Math.min(a, b);
      const oldEnd = Math.max(a, b);
      const startPosition = toPoint(lines.positionAt(start));
      const oldEndPosition = toPoint(lines.positionAt(oldEnd));
      const newEndPosition = advance(startPosition, change.text);
      const edit: Edit = {
        startIndex: start,
        oldEndIndex: oldEnd,
        newEndIndex: start + change.text.length,
        startPosition,
        oldEndPosition,
        newEndPosition,
      };
      this._text = this._text.slice(0, start) + change.text + this._text.slice(oldEnd);
      this._lines = lines.edited(start, oldEnd, change.text, this._text);
      this._tree?.edit(edit);
      this.pendingEdits.push(edit);
    }
    this.version = version;
    this.reparse();
  }

  /**
   * Takes the changes accumulated since the last call (undefined when nothing changed, i.e. the first analysis
   * or a re-analysis of the same text). Never parses: a pack that needs the tree parses it (a secrets-only scan of
   * a file without a keyword hit never does). No pack reads the tree's changed ranges, so no tree is kept to
   * compare with: that copy, edited and diffed on every keystroke, was a cost of every edit.
   */
  takeDelta(): DocumentDelta | undefined {
    if (this.pendingEdits.length === 0) return undefined;
    const delta: DocumentDelta = { edits: this.pendingEdits, previousText: this.textAtLastAnalysis };
    this.pendingEdits = [];
    this.textAtLastAnalysis = this._text;
    return delta;
  }

  /**
   * Forgets the edits since the last analysis without parsing, for a document the engine skips. Its analyzer
   * sessions start over, so they need no delta.
   */
  discardDelta(): void {
    this.pendingEdits = [];
    this.textAtLastAnalysis = this._text;
  }

  /** Whether a syntax tree is held now. */
  get hasTree(): boolean {
    return !!this._tree;
  }

  /**
   * Frees the trees but keeps the text: the next use parses from scratch, and the next analysis has no delta
   * (its analyzer sessions must start over too; the engine disposes them).
   */
  hibernate(): void {
    this.dispose();
    this.pendingEdits = [];
    this.textAtLastAnalysis = this._text;
    this.reparse();
  }

  /** Frees the wasm memory held by this document's trees. */
  dispose(): void {
    this._tree?.delete();
    this._tree = undefined;
  }

  private reparse(): void {
    if (this._grammar) this.parsePending = true;
  }

  /** Parses now if the text changed, reusing the edited old tree for an incremental parse. */
  private ensureParsed(): void {
    if (!this.parsePending || !this._grammar) return;
    this.parsePending = false;
    const next = this.grammars.parse(this._grammar, this._text, this._tree);
    this._tree?.delete();
    this._tree = next;
    this._parseFailed = !next;
  }

  private fullReplaceEdit(newText: string): Edit {
    const lines = this.lines;
    return {
      startIndex: 0,
      oldEndIndex: this._text.length,
      newEndIndex: newText.length,
      startPosition: { row: 0, column: 0 },
      oldEndPosition: toPoint(lines.positionAt(this._text.length)),
      newEndPosition: advance({ row: 0, column: 0 }, newText),
    };
  }
}

function toPoint(p: { line: number; character: number }): Point {
  return { row: p.line, column: p.character };
}

/** The point reached after inserting `text` at `from`. */
function advance(from: Point, text: string): Point {
  let row = from.row;
  let lastBreak = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      row++;
      lastBreak = i;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      row++;
      lastBreak = i;
    }
  }
  return lastBreak < 0 ? { row, column: from.column + text.length } : { row, column: text.length - lastBreak - 1 };
}
