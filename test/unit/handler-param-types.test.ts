/**
 * Handlers told by a parameter's declared type (`param-type`: Javalin's `Context`, Vert.x's `RoutingContext`), Java
 * imports on demand (`import io.javalin.*;`, `import static spark.Spark.*;`) counting for `requires-import`, and
 * sinks written on a request alias (`gin_context.File($P)`) in a file whose text has no other sink word: each of
 * those was a file the taint pack left out before its pass ran. The schema refuses a `param-type` that is no safe
 * regular expression. Java methods' annotations as decorators (`@GetMapping`), and `bound-annotations`: Spring's
 * unannotated parameters are request input, its injected ones (`@Value`) are not.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { validateRuleFile } from '../../server/src/engine/taint';
import { handlerFindingIds, taintTestEngine, TAINT_ONLY } from './taint-test-engine';

let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const ids = handlerFindingIds;

const JAVALIN = (imports: string): string => [
  imports,
  'public class Users {',
  '  static void run(Context ctx) throws Exception {',
  '    Runtime.getRuntime().exec(ctx.queryParam("cmd"));',
  '  }',
  '}',
].join('\n');

describe('handlers by parameter type, imports on demand, sinks on an alias', () => {
  it('a Context parameter is the request only in a file importing Javalin, by name or on demand', () => {
    assert.deepEqual(ids(engine.scanText('/w/Users.java', 'java', JAVALIN('import io.javalin.http.Context;'), TAINT_ONLY)), ['java.cmdi.exec@3']);
    assert.deepEqual(ids(engine.scanText('/w/Users.java', 'java', JAVALIN('import io.javalin.http.*;'), TAINT_ONLY)), ['java.cmdi.exec@3']);
    assert.deepEqual(ids(engine.scanText('/w/Users.java', 'java', JAVALIN('import android.content.Context;'), TAINT_ONLY)), []);
  });

  it('a static import on demand (`import static spark.Spark.*;`) makes `get(path, (req, res) -> …)` a route', () => {
    const text = [
      'import static spark.Spark.*;',
      'public class App {',
      '  public static void main(String[] args) {',
      '    get("/run", (req, res) -> { Runtime.getRuntime().exec(req.queryParams("cmd")); return "ok"; });',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(ids(engine.scanText('/w/App.java', 'java', text, TAINT_ONLY)), ['java.cmdi.exec@3']);
  });

  it('a sink written only on a request alias is found in a file with no other sink word', () => {
    const text = ['package api', '', 'import "github.com/gin-gonic/gin"', '', 'func dl(c *gin.Context) {', '\tc.File("/srv/" + c.Query("f"))', '}'].join('\n');
    assert.deepEqual(ids(engine.scanText('/w/dl.go', 'go', text, TAINT_ONLY)), ['go.path-traversal.file@5']);
  });

  it('schema: param-type must be a regular expression the guard accepts', () => {
    const { file, errors } = validateRuleFile({
      handlers: {
        ok: { languages: ['java'], 'param-type': '^Context$', 'requires-import': 'io.javalin', alias: 'ctx' },
        bad: { languages: ['java'], 'param-type': '(', alias: 'ctx' },
      },
      rules: [],
    });
    assert.deepEqual(file.handlers.map((h) => h.id), ['ok']);
    assert.match(errors.map((e) => e.message).join('\n'), /handler bad: `param-type` /);
  });

  it('a Spring mapping method binds its unannotated parameters from the request, not its injected ones', () => {
    const text = [
      'import org.springframework.web.bind.annotation.GetMapping;',
      'public class Tools {',
      '  @GetMapping("/run")',
      '  public String run(String cmd, @Value("${tool}") String tool, @jakarta.validation.Valid String arg, Model model) throws Exception {',
      '    Runtime.getRuntime().exec(cmd);',
      '    Runtime.getRuntime().exec(tool);',
      '    Runtime.getRuntime().exec(arg);',
      '    return "ok";',
      '  }',
      '  public void helper(String cmd) throws Exception { Runtime.getRuntime().exec(cmd); }',
      '}',
    ].join('\n');
    assert.deepEqual(ids(engine.scanText('/w/Tools.java', 'java', text, TAINT_ONLY)), ['java.cmdi.exec@4', 'java.cmdi.exec@6']);
  });

  it('a destructured parameter of the request type names the alias fields (AdonisJS `{ request }: HttpContext`)', () => {
    const text = [
      "import type { HttpContext } from '@adonisjs/core/http';",
      "import { execSync } from 'node:child_process';",
      'export default class Tools {',
      '  async ping({ request }: HttpContext) { execSync(`ping ${request.input("host")}`); }',
      '  async pong(ctx: HttpContext) { execSync(`ping ${ctx.request.input("host")}`); }',
      '}',
    ].join('\n');
    assert.deepEqual(ids(engine.scanText('/w/tools.ts', 'typescript', text, TAINT_ONLY)), ['js.cmdi.child-process@3', 'js.cmdi.child-process@4']);
  });

  it('input-types: a Litestar parameter of a plain type is input, one of another type is an injected dependency', () => {
    const text = [
      'import subprocess',
      'from litestar import get',
      '@get("/x")',
      'async def x(q: str, svc: UserService, data: Job) -> str:',
      '    subprocess.run("a " + q, shell=True)',
      '    subprocess.run("b " + svc.name, shell=True)',
      '    subprocess.run("c " + data.name, shell=True)',
      '    return ""',
    ].join('\n');
    assert.deepEqual(ids(engine.scanText('/w/app.py', 'python', text, TAINT_ONLY)), ['py.cmdi.subprocess-shell@4', 'py.cmdi.subprocess-shell@6']);
  });

  it('schema: bound-annotations applies with params: all; input-types with params; input-names with input-types', () => {
    const { errors } = validateRuleFile({
      handlers: {
        h: { languages: ['java'], decorator: '$A', params: 'none', 'bound-annotations': ['Valid'] },
        i: { languages: ['python'], decorator: '$A', params: 'none', 'input-types': 'str' },
        j: { languages: ['python'], decorator: '$A', params: 'all', 'input-names': ['data'] },
        k: { languages: ['python'], decorator: '$A', params: 'all', 'input-types': '(' },
      },
      rules: [],
    });
    const all = errors.map((e) => e.message).join('\n');
    assert.match(all, /`bound-annotations` applies with `params: all`/);
    assert.match(all, /handler i: `input-types` applies with `params: all` or `rest`/);
    assert.match(all, /handler j: `input-names` applies with `input-types`/);
    assert.match(all, /handler k: `input-types` /);
  });

  it('schema: clean-args applies with param-decorator and must be a regular expression', () => {
    const { errors } = validateRuleFile({
      handlers: {
        a: { languages: ['typescript'], decorator: '$A', params: 'none', 'clean-args': 'Pipe' },
        b: { languages: ['typescript'], 'param-decorator': '$D(...)', params: 'none', 'clean-args': '(' },
        c: { languages: ['typescript'], 'param-decorator': '$D(...)', params: 'none', 'clean-args': '^ParseIntPipe$' },
      },
      rules: [],
    });
    const all = errors.map((e) => e.message).join('\n');
    assert.match(all, /handler a: `clean-args` applies with `param-decorator`/);
    assert.match(all, /handler b: `clean-args` /);
    assert.doesNotMatch(all, /handler c:/);
  });
});
