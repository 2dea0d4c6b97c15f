/**
 * A method called on another object than the receiver (`this.orders.byStatus(s)`) where the file's classes define
 * that name more than once: the one method of that name outside the caller's class. Edits that add or rename one
 * re-decide the call as a fresh scan does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertEditsMatchFresh, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const TS = [
  "import { Controller, Get, Injectable, Param } from '@nestjs/common';",
  'export class OrdersService {',
  '  constructor(private readonly db: any) {}',
  '  byStatus(status: string) {',
  '    return this.db.query("SELECT id FROM orders WHERE status = \'" + status + "\'");',
  '  }',
  '}',
  "@Controller('orders')",
  'export class OrdersController {',
  '  constructor(private readonly orders: OrdersService) {}',
  "  @Get('s/:status')",
  "  byStatus(@Param('status') status: string) {",
  '    return this.orders.byStatus(status);',
  '  }',
  '}',
].join('\n');

const sqli = (text: string): number[] =>
  engine.scanText('/w/orders.ts', 'typescript', text, TAINT_ONLY).findings.filter((f) => f.ruleId === 'js.sqli.string-query').map((f) => f.range.start.line);

describe("a same-named method of another class", () => {
  it("resolves `this.orders.byStatus(s)` to the service's byStatus, not the controller's own", () => {
    assert.deepEqual(sqli(TS), [4]);
  });

  it('tells nothing when two other classes define the name', () => {
    const third = `${TS}\nexport class Archive {\n  byStatus(status: string) {\n    return status;\n  }\n}`;
    assert.deepEqual(sqli(third), []);
  });

  it("edits of the service's method name match fresh scans", () => {
    const at = TS.split('\n')[3]!.indexOf('byStatus');
    assertEditsMatchFresh(engine, { uri: 'other:/w/orders.ts', path: '/w/orders.ts', lang: 'typescript' }, TS, [
      { line: 3, col: at, del: 'byStatus'.length, ins: 'byState' },
      { line: 3, col: at, del: 'byState'.length, ins: 'byStatus' },
      // The controller's call renamed instead: no method outside it has that name.
      { line: 12, col: TS.split('\n')[12]!.indexOf('byStatus'), del: 2, ins: 'ab' },
    ]);
  });
});
