/**
 * Cross-file taint through a method of a class another module exports, called on an instance whose class is
 * known exactly (`cfg = Config()`, `g.req = Request(...)` everywhere it is assigned, `this.f = new Fetcher()`,
 * `const users = new UserStore()`): the workspace scan's pass 1 summarises the exported classes' methods and pass 2
 * applies them at the call; the scan reports each flow at the sink, listing the calls that reach it. The expectations
 * are the fixture's `ruleid:` / `ok:` comments (on the line above the call), so each case is read where it is written.
 * The last block: through what another module's middleware stores for the request (`ExportIndex.requestWrites`).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { createAnalyzers, Engine, languageIdForPath } from '../../server/src/engine';
import { calledNames, importedFiles } from '../../server/src/engine/scan/import-graph';
import type { TaintAnalyzer } from '../../server/src/engine/taint/taint-analyzer';
import { project } from './cli-helpers';
import { scanJsonFindings } from './cli-scan';

interface JsonFinding {
  path: string;
  ruleId: string;
  range: { start: { line: number } };
  trace?: { path?: string; kind: string }[];
  properties?: Record<string, unknown>;
}

const findings = (dir: string): Promise<JsonFinding[]> => scanJsonFindings<JsonFinding>(dir);

/** `[rule, path, line]` (0-based line of the code below the comment) of every `ruleid:` (or `ok:`) comment. */
function annotated(dir: string, kind: 'ruleid' | 'ok'): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
        // Several ids, comma-separated, as the rule fixtures allow.
        const m = new RegExp(`(?:#|//) ${kind}: ([^\\s,]+(?:,\\s*[^\\s,]+)*)`).exec(line);
        for (const id of m ? m[1]!.split(/,\s*/) : []) out.push(`${id} ${relative(dir, p)}:${i + 1}`);
      });
    }
  };
  walk(dir);
  return out.sort();
}

async function check(name: string): Promise<void> {
  const dir = project(name);
  const found = await findings(dir);
  const taint = found.filter((f) => f.trace?.some((s) => s.kind === 'source'));
  // Each finding from another file sits at its sink, in the class's module, and lists every call that reaches it
  // (1-based lines); a flow within one file is annotated at its sink.
  const remote = taint.filter((f) => f.properties?.calledFrom !== undefined);
  const got = [
    ...remote.flatMap((f) => String(f.properties!.calledFrom).split(', ').map((c) => {
      const [path, line] = c.split(':');
      return `${f.ruleId} ${path}:${Number(line) - 1}`;
    })),
    ...taint.filter((f) => !remote.includes(f)).map((f) => `${f.ruleId} ${f.path}:${f.range.start.line}`),
  ].sort();
  assert.deepEqual(got, annotated(dir, 'ruleid'), JSON.stringify(found.map((f) => [f.ruleId, f.path, f.range.start.line, f.properties?.calledFrom])));
  for (const f of remote) assert.notEqual(f.trace![0]!.path, undefined, `${f.ruleId} ${f.path}:${f.range.start.line} starts in its own file`);
  for (const ok of annotated(dir, 'ok')) assert.ok(!got.includes(ok), ok);
}

describe('cross-file taint through methods of an imported class', () => {
  it('Python: `from .config import Config; cfg = Config()`, `g.user_request = Request(...)`, `import app.request as r; r.Request()`, `from .config import Config as Settings`; a module\'s factory function (`def config() -> Config`, or every return constructs it: `config().find_user(x)`, `svc = built()`), an injected instance\'s default (`self.config = config or Config()`); a sanitising method, a method with no sink, another class\'s method of the same name, a parameter of unknown class and a factory of two classes are quiet', async () => {
    await check('cross-file-py-class');
  });

  it('JS: `import { UserStore }` / `require(\'./client\')` with `new C()` in a const, a local and `this.fetcher`, a TypeScript field declared of the class (an injected service), a class field initialised by `new C()`, a local from a static factory `C.forTable()`, `import { UserStore as Accounts }`, a module\'s factory function (returning `new C()`, or typed `(): C`), a module of methods (`module.exports = { byAuthor(a) { … } }`), an injected instance\'s default (`constructor(f = new C())`, `this.f = f || new C()`); a binding method, a method with no sink, another class\'s method of the same name, a value of unknown class and a factory of two classes are quiet', async () => {
    await check('cross-file-js-class');
  });

  it('JS/TS: an imported class constructed with input (`new ReportJob(req.query.name)`, a TypeScript parameter property, a setter) and its method run on the object: the fields its constructor or setter stored the arguments in reach the method\'s sinks; a converted field, a constant argument and a parameterised query are quiet', async () => {
    await check('cross-file-js-constructed');
  });

  it('Python: an imported class constructed with input (`BookSearch(request.args["title"])`, by keyword, a setter) and its method run on the object; a field converted by `int()`, a constant argument and a parameterised query are quiet', async () => {
    await check('cross-file-py-constructed');
  });

  it('Python: an imported record class constructed with input (a dataclass by keyword or position, a pydantic model, a classmethod factory called on the class) and passed whole to another module\'s function reading one field: the field holding input reaches its sink; the other field, and a pydantic `int` field, are quiet', async () => {
    await check('cross-file-py-records');
  });

  it('JS: an imported class\'s static factory called on the class (`OrderQuery.fromRequest(req)`) returns an object holding the request\'s text in a field, passed whole through a service to a repository reading that field; a field the constructor fixes is quiet', async () => {
    await check('cross-file-js-records');
  });

  it('JS: a CommonJS barrel (`module.exports = { ...require(\'./files\'), orders: require(\'./orders\').ordersByStatus }`, `Object.assign(module.exports, require(\'./probe\'))`) re-exports its modules\' functions, named off it or picked from a table of functions by the request (`handlers[body.action]`); a checked path and a parameterised query are quiet', async () => {
    await check('cross-file-js-cjs-barrel');
  });

  it('JS: a table of functions another module exports (`const { STEPS } = require(\'./steps\')`), picked by the request\'s key (`STEPS[step.kind]` through a checked local) or a constant one (`STEPS[\'count\']`): each entry\'s sinks, a named function\'s or one written in place; the argv entry picked by its key is quiet', async () => {
    await check('cross-file-js-tables');
  });

  it('Python: a dict of functions another module defines (`from .actions import ACTIONS`), picked by the request\'s key (`ACTIONS.get(payload.get("action"))`) or a constant one (`ACTIONS["du"]`): each entry\'s sinks, a private function\'s too; the argv entry picked by its key is quiet', async () => {
    await check('cross-file-py-tables');
  });

  it('JS: a request passed to a function a CommonJS barrel re-exports (`readJson(event)` of `require(\'../lib\')`) is a request in the file that defines it: its parsed body reaches the handler\'s query; a number parsed from the path is quiet', async () => {
    await check('cross-file-js-barrel-request');
  });

  it('JS: an injected collaborator of unknown class (a router factory\'s `service` parameter, a service\'s `this.repo`) called by an application\'s method name runs the workspace\'s methods of that name, through a service to its repository; a parameterised query and a one-word method name are quiet', async () => {
    await check('cross-file-js-injected');
  });

  it('Python: an injected collaborator (`self.fetcher`, `self.store`, `request.app["services"].store` through a local) called by an application\'s method name runs the workspace\'s methods of that name, two classes merged; a converted argument and a parameterised query are quiet', async () => {
    await check('cross-file-py-injected');
  });

  it('JS: a collaborator held under its class\'s name (`this._orderService`, handed to the constructor; `userRepository` from an awilix container\'s cradle) or under a registry entry another file assigns an instance to (`app.locals.exporter = new Exporter()`, read as `req.app.locals.exporter`) or under its role\'s word when it is the workspace\'s one class in that role (`this.gateway` of PaymentGateway) runs that class\'s methods, one-word ones too; a parameterised query and an argv call are quiet, and so is a name two classes of the workspace go by', async () => {
    await check('cross-file-js-held');
  });

  it('Python: a collaborator held under its class\'s name (`self._report_service`, a function\'s `report_service` parameter) or under a registry entry another file assigns an instance to (aiohttp\'s `app["archive"]`, Sanic\'s `app.ctx.catalog`, read off `request.app`), or under its role\'s word (`service` of the one `*Service` class) runs that class\'s methods; a parameterised query, an argv call and a method with no sink are quiet', async () => {
    await check('cross-file-py-held');
  });

  it('Python: a package\'s `__init__.py` re-exports what it imports (`from .services import customer_totals, DocIndex`, an alias, `from . import services` then `services.customer_totals(x)`), a class with its methods, a service whose repository class comes through a package (its importers are the package\'s importers, so pass 1 summarises it again); a parameterised query, a bound XPath variable and a schema\'s validated fields are quiet', async () => {
    await check('cross-file-py-reexports');
  });

  it('JS: an index file re-exports (`export { f, g as h } from \'./m.js\'`, `export * from \'./m.js\'`); the parameterised query and argv call are quiet', async () => {
    await check('cross-file-js-reexports');
  });

  it('pass 1 summarises only the methods the importers call, of the classes they construct, and the application-named methods any file calls (`importedFiles`\' names)', async () => {
    const setup = createAnalyzers({ packs: { taint: true, secrets: false, config: false, dependencies: false } });
    const engine = await Engine.create({ analyzers: setup.analyzers });
    const taint = setup.analyzers.find((a) => a.pack === 'taint') as unknown as TaintAnalyzer;
    const methods = (path: string, called?: ReadonlySet<string>): string[] => {
      const doc = engine.open(`vigil-summary:${path}`, path, languageIdForPath(path), readFileSync(path, 'utf8'));
      try {
        return taint.summarizeExports(doc, called).filter((s) => s.className && Object.keys(s.rules).length > 0).map((s) => s.name).sort();
      } finally {
        engine.close(`vigil-summary:${path}`);
      }
    };
    // A class no importer constructs keeps the methods with an application's name another file calls (on an object
    // of unknown class, an injected collaborator: see `ExportIndex.methodsNamed`), LegacyStore.find_user; not the
    // one-word ones (LegacyStore.describe).
    for (const [name, file, kept, dropped] of [
      ['cross-file-js-class', 'src/store.js', 'UserStore.findByName', 'UserStore.purgeByName'],
      ['cross-file-py-class', 'app/config.py', 'Config.find_user', 'LegacyStore.describe'],
      ['cross-file-py-class', 'app/config.py', 'LegacyStore.find_user', 'LegacyStore.describe'],
    ] as const) {
      const dir = project(name);
      const files: string[] = [];
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) walk(join(d, e.name));
          else files.push(join(d, e.name));
        }
      };
      walk(dir);
      const graph = await importedFiles(files.map((path) => ({ path, languageId: languageIdForPath(path) })));
      const called = graph?.get(join(dir, file))?.called;
      assert.ok(called, `${file} is imported`);
      // Without the importers' names every exported class's methods with a sink are summarised.
      assert.ok(methods(join(dir, file)).includes(dropped), dropped);
      const got = methods(join(dir, file), called);
      assert.ok(got.includes(kept), `${kept} in ${got.join(', ')}`);
      assert.ok(!got.includes(dropped), `${dropped} in ${got.join(', ')}`);
    }
  });

  it("an importer's names include the classes Python declares rather than constructs", () => {
    const names = calledNames(
      ['class V:', '    @property', '    def a(self) -> Alpha:', '        pass', '    def b(self) -> "Beta":', '        pass',
        '    def c(self) -> Optional[Gamma]:', '        pass', '    def d(self, x: Delta | None = None):', '        pass'].join('\n'),
    );
    for (const cls of ['Alpha', 'Beta', 'Gamma', 'Delta']) assert.ok(names.has(cls), cls);
  });
});


describe('cross-file taint through what another file\'s middleware stores for the request', () => {
  it('JS: an Express middleware module storing input on the request (`req.codec`) or in `res.locals`, a Koa middleware module (`module.exports = { searchState }`) storing it in `ctx.state`: a route in another file reading it reaches its sinks; a constant stored there is quiet', async () => {
    await check('cross-file-js-middleware');
  });

  it('Python: a Flask `before_app_request` hook storing input in `g`, a Starlette middleware class storing it in `request.state`: a view or endpoint in another module reading it reaches its sinks; a constant stored there is quiet', async () => {
    await check('cross-file-py-middleware');
  });
});

describe('cross-file taint in Java and Go (calls without imports of files)', () => {
  it('Java: a controller calling a service calling a repository, each in its own file (two hops: pass 1 summarises the service again once the repository\'s summary is in); a parameterised query is quiet', async () => {
    await check('cross-file-java-layers');
  });

  it('Go: methods by their receiver\'s declared type (`h.svc.Search(q)` with `svc *service.NoteService`, a local `&service.NoteService{}`), a struct field typed by an interface reaching the one method of that name its package defines; a constant argument and a placeholder query are quiet', async () => {
    await check('cross-file-go-methods');
  });
});
