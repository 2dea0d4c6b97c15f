import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { GrammarRegistry } from '../../server/src/engine/parser';
import { SourceDocument } from '../../server/src/engine/document';

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
