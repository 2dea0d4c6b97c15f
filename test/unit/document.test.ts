import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { assertProperty } from './property-seeds';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { SourceDocument } from '../../server/src/engine/document';
import { LineIndex } from '../../server/src/engine/text';

let grammars: GrammarRegistry;
before(async () => {
  grammars = await GrammarRegistry.create();
});

function sexp(doc: SourceDocument): string {
  return doc.tree!.rootNode.toString();
}

describe('SourceDocument', () => {
  it('parses JavaScript and Python', () => {
    const js = new SourceDocument('a', '/a.js', 'javascript', 'eval(x);', 1, grammars);
    assert.match(sexp(js), /call_expression/);
    const py = new SourceDocument('b', '/b.py', 'python', 'eval(x)\n', 1, grammars);
    assert.match(sexp(py), /call/);
    js.dispose();
    py.dispose();
  });

  it('applies incremental edits to the tree exactly as a fresh parse would', () => {
    const doc = new SourceDocument('c', '/c.js', 'javascript', 'const a = 1;\nfoo(a);\n', 1, grammars);
    doc.applyChanges([{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: 'req.query.a' }], 2);
    assert.equal(doc.text, 'const a = 1;\nfoo(req.query.a);\n');
    const fresh = new SourceDocument('d', '/d.js', 'javascript', doc.text, 1, grammars);
    assert.equal(sexp(doc), sexp(fresh));
    const delta = doc.takeDelta();
    assert.ok(delta);
    assert.equal(delta.edits.length, 1);
    assert.equal(delta.previousText, 'const a = 1;\nfoo(a);\n');
    assert.equal(doc.takeDelta(), undefined);
    doc.dispose();
    fresh.dispose();
  });

  it('maps UTF-16 positions past emoji and CJK to the right tree nodes', () => {
    const text = 'const s = "😀中文"; eval(x);\n';
    const doc = new SourceDocument('e', '/e.js', 'javascript', text, 1, grammars);
    const col = text.indexOf('eval');
    const node = doc.tree!.rootNode.descendantForPosition({ row: 0, column: col });
    assert.equal(node?.text, "eval");
    doc.applyChanges([{ range: { start: { line: 0, character: col }, end: { line: 0, character: col + 4 } }, text: 'safe' }], 2);
    assert.equal(doc.tree!.rootNode.descendantForPosition({ row: 0, column: col })?.text, "safe");
    doc.dispose();
  });

  it('handles CRLF text and a full-text replacement', () => {
    const doc = new SourceDocument('f', '/f.py', 'python', 'a = 1\r\nb = 2\r\n', 1, grammars);
    doc.applyChanges([{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: '3' }], 2);
    assert.equal(doc.text, 'a = 1\r\nb = 3\r\n');
    doc.applyChanges([{ text: 'x = 9\n' }], 3);
    assert.equal(doc.text, 'x = 9\n');
    assert.match(sexp(doc), /assignment/);
    doc.dispose();
  });
});

/** LSP text synchronisation as the specification (and vscode-languageserver-textdocument) defines it. */
describe('SourceDocument content changes follow the LSP specification', () => {
  const change = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) => {
    const doc = new SourceDocument('g', '/g.txt', 'plaintext', text, 1, grammars);
    doc.applyChanges([{ range, text: newText }], 2);
    doc.dispose();
    return doc.text;
  };
  const at = (line: number, character: number) => ({ line, character });

  it('reads a character past the end of a line as the end of that line, not the start of the next', () => {
    assert.equal(change('ab\ncd\n', { start: at(0, 99), end: at(0, 99) }, 'X'), 'abX\ncd\n');
    assert.equal(change('ab\r\ncd', { start: at(0, 3), end: at(0, 3) }, 'X'), 'abX\r\ncd', 'never between CR and LF');
    assert.equal(change('ab\rcd', { start: at(0, 5), end: at(1, 1) }, ''), 'abd', 'lone CR is a line break too');
    assert.equal(change('ab\ncd', { start: at(1, 1), end: at(7, 0) }, '!'), 'ab\nc!', 'a line past the end is the end of the document');
  });

  it('normalises a reversed range instead of dropping the deletion', () => {
    assert.equal(change('hello world', { start: at(0, 11), end: at(0, 6) }, 'there'), 'hello there');
    assert.equal(change('a\nb\nc', { start: at(2, 0), end: at(0, 1) }, '-'), 'a-c');
  });

  it('keeps a line index equal to a fresh one through small edits next to CR, LF and CRLF (property)', () => {
    // Edits of a character or two, most without a line break: the ones whose line starts are shifted, not rescanned.
    const text = fc.array(fc.constantFrom('a', ' ', '\n', '\r\n', '\r', 'bc'), { maxLength: 20 }).map((p) => p.join(''));
    const edit = fc.record({ at: fc.nat(), len: fc.integer({ min: 0, max: 2 }), text: fc.constantFrom('', 'x', 'yz', ' ', '\n', '\r') });
    assertProperty(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const doc = new SourceDocument('l', '/l.txt', 'plaintext', initial, 0, grammars);
        try {
          edits.forEach((e, i) => {
            const lines = doc.lines;
            const start = e.at % (doc.text.length + 1);
            const end = Math.min(doc.text.length, start + e.len);
            doc.applyChanges([{ range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: e.text }], i + 1);
            assert.deepEqual(doc.lines.lineStarts, new LineIndex(doc.text).lineStarts, JSON.stringify(doc.text));
          });
        } finally {
          doc.dispose();
        }
      }),
      2000,
    );
  });

  it('matches TextDocument.update on random edits, out-of-range and reversed positions included (property)', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '😀', '\ud83d', '中', 'xy');
    const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
    const pos = fc.record({ line: fc.integer({ min: -2, max: 8 }), character: fc.integer({ min: -2, max: 12 }) });
    const edit = fc.oneof(
      { weight: 9, arbitrary: fc.record({ range: fc.record({ start: pos, end: pos }), text }) },
      { weight: 1, arbitrary: fc.record({ text }) },
    );
    assertProperty(
      fc.property(text, fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (initial, batches) => {
        const doc = new SourceDocument('h', '/h.txt', 'plaintext', initial, 0, grammars);
        // One fresh TextDocument per change: its incremental line table goes wrong after a range starting past the
        // last line (it stores offsets at the unclamped line number), while its position semantics are the spec's.
        let expected = initial;
        try {
          batches.forEach((batch, i) => {
            doc.applyChanges(batch, i + 1);
            for (const c of batch) expected = TextDocument.update(TextDocument.create('h', 'plaintext', i, expected), [c], i + 1).getText();
            assert.equal(doc.text, expected);
            assert.deepEqual(doc.lines.lineStarts, new LineIndex(doc.text).lineStarts);
          });
        } finally {
          doc.dispose();
        }
      }),
      2000,
    );
  });
});
