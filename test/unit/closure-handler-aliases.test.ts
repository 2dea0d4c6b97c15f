/**
 * A function nested in a handler reads the request under the handler's name for it (Go's `go func() { r.FormValue(…)
 * }()`, a Next.js handler's `request` in an inner arrow): it inherits the handler's aliases, but for a name its own
 * parameters rebind. The incremental result equals a fresh scan when the handler's statement is kept and when the
 * handler's parameter is renamed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertEditsMatchFresh, handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = (path: string, lang: string, text: string): string[] => handlerFindingIds(engine.scanText(path, lang, text, TAINT_ONLY));

const GO = [
  'package p',
  'import ("net/http"; "os/exec")',
  'func h(w http.ResponseWriter, r *http.Request) {',
  '\tgo func() {',
  '\t\texec.Command("sh", "-c", r.FormValue("c")).Run()',
  '\t}()',
  '}',
  'func other() int {',
  '\treturn 1',
  '}',
].join('\n');

describe('closures read their handler\'s request', () => {
  it('Go: a goroutine\'s closure reads the handler\'s request; a parameter of the same name is its own', () => {
    assert.deepEqual(ids('/w/a.go', 'go', GO), ['go.cmdi.exec@4']);
    const shadowed = GO.replace('go func() {', 'go func(r interface{ FormValue(string) string }) {').replace('\t}()', '\t}(nil)');
    assert.deepEqual(ids('/w/a.go', 'go', shadowed), []);
  });

  it('a closure in a closure inherits through the one around it', () => {
    const nested = GO.replace('\tgo func() {', '\tgo func() {\n\t\tf := func() {').replace('\t}()', '\t\t}\n\t\tf()\n\t}()');
    assert.deepEqual(ids('/w/a.go', 'go', nested), ['go.cmdi.exec@5']);
  });

  it('JavaScript: an inner arrow of a Next.js route handler reads its `request`', () => {
    const ts = [
      "import { exec } from 'child_process';",
      'export async function GET(request: Request) {',
      '  const run = () => exec(new URL(request.url).searchParams.get("d") ?? "");',
      '  run();',
      "  return new Response('ok');",
      '}',
    ].join('\n');
    assert.deepEqual(ids('/w/app/api/x/route.ts', 'typescript', ts), ['js.cmdi.child-process@2']);
  });

  it('edits elsewhere keep, and a renamed handler parameter drops, the inherited name, as a fresh scan does', () => {
    const file = { uri: 'alias:/w/b.go', path: '/w/b.go', lang: 'go' };
    const at = (line: number, s: string): number => GO.split('\n')[line]!.indexOf(s);
    assertEditsMatchFresh(engine, file, GO, [
      // In `other` (the handler's statement is reused): still found.
      { line: 8, col: at(8, '1'), del: 1, ins: '2' },
      // The handler's `r` renamed to `q`: the closure's `r` is no longer the request.
      { line: 2, col: at(2, 'r *http'), del: 1, ins: 'q' },
      { line: 2, col: at(2, 'r *http'), del: 1, ins: 'r' },
    ]);
    engine.open(file.uri, file.path, file.lang, GO, 1);
    try {
      assert.deepEqual(handlerFindingIds(engine.analyze(file.uri, TAINT_ONLY)), ['go.cmdi.exec@4']);
    } finally {
      engine.close(file.uri);
    }
  });
});
