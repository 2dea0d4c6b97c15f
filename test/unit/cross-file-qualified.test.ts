/**
 * Cross-file taint for languages whose imports name classes or packages, not files (Java, Go): pass 1 of the
 * workspace scan summarises each file's functions under their qualified module (Java class, Go package), pass 2
 * resolves a call to another file's function by the import, the package or the same-package rule. The three
 * kinds of summary: a parameter reaching a sink there, a parameter returned (propagates), a parameter sanitised.
 * The scan reports a flow into another file at its sink. Through the scan pool (as the CLI and the LSP workspace scan run it) and the LSP's `vigil/scanWorkspace`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { walkFiles } from '../../server/src/engine/scan/file-walker';
import { scanFiles } from '../../server/src/engine/scan/scan-pool';
import { buildExportIndex, createTaintAnalyzer } from '../../server/src/engine/taint';
import { DEFAULT_SETTINGS, type Finding } from '../../server/src/engine/types';
import { LspClient } from '../lsp/lsp-client';
import { gitInit, scratchWorkspace as workspace } from './cli-helpers';

const REPO = join(__dirname, '..', '..');

type Found = { rel: string; finding: Finding };

async function scan(dir: string, crossFile = true): Promise<Found[]> {
  const run = await scanFiles(walkFiles([{ root: dir }]).files, DEFAULT_SETTINGS, { jobs: 1, crossFile });
  assert.deepEqual(run.failed, []);
  return run.results.flatMap((r) => r.findings.map((finding) => ({ rel: r.file.relPath, finding })));
}

const servlet = (pkg: string, imports: string, cls: string, body: string, field = ''): string => `package ${pkg};

import java.sql.Connection;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
${imports}

public class ${cls} extends HttpServlet {
    private Connection conn;${field}

    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws Exception {
        String id = req.getParameter("id");
${body}
    }
}
`;

/** A Java workspace: helpers in com.acme.util and com.acme.web, handlers in com.acme.web calling them. */
const JAVA: Record<string, string> = {
  'src/main/java/com/acme/util/Db.java': `package com.acme.util;

import java.sql.Connection;
import java.sql.Statement;

public class Db {
    private static Connection conn;

    public static void findUser(String userId) throws Exception {
        Statement stmt = conn.createStatement();
        stmt.executeQuery("SELECT * FROM users WHERE id = " + userId);
    }
}
`,
  'src/main/java/com/acme/util/Repo.java': `package com.acme.util;

import java.sql.Connection;
import java.sql.Statement;

public class Repo {
    private Connection conn;

    public void byName(String name) throws Exception {
        Statement stmt = conn.createStatement();
        stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }
}
`,
  'src/main/java/com/acme/util/Text.java': `package com.acme.util;

public class Text {
    public static String wrap(String s) {
        return "(" + s + ")";
    }

    public static String digits(String s) {
        return String.valueOf(Integer.parseInt(s));
    }
}
`,
  // Same package as the handlers: called without an import.
  'src/main/java/com/acme/web/Audit.java': `package com.acme.web;

import java.sql.Connection;
import java.sql.Statement;

class Audit {
    static Connection conn;

    static void record(String what) throws Exception {
        Statement stmt = conn.createStatement();
        stmt.execute("INSERT INTO audit VALUES ('" + what + "')");
    }
}
`,
  'src/main/java/com/acme/web/ImportHandler.java': servlet('com.acme.web', 'import com.acme.util.Db;', 'ImportHandler', '        Db.findUser(id);'),
  'src/main/java/com/acme/web/WildcardHandler.java': servlet('com.acme.web', 'import com.acme.util.*;', 'WildcardHandler', '        Db.findUser(id);'),
  'src/main/java/com/acme/web/QualifiedHandler.java': servlet('com.acme.web', '', 'QualifiedHandler', '        com.acme.util.Db.findUser(id);'),
  'src/main/java/com/acme/web/SamePackageHandler.java': servlet('com.acme.web', '', 'SamePackageHandler', '        Audit.record(id);'),
  'src/main/java/com/acme/web/InstanceHandler.java': servlet('com.acme.web', 'import com.acme.util.Repo;', 'InstanceHandler', '        Repo repo = new Repo();\n        repo.byName(id);'),
  'src/main/java/com/acme/web/StaticImportHandler.java': servlet('com.acme.web', 'import static com.acme.util.Db.findUser;', 'StaticImportHandler', '        findUser(id);'),
  'src/main/java/com/acme/web/FieldHandler.java': servlet('com.acme.web', 'import com.acme.util.Repo;', 'FieldHandler', '        this.repo.byName(id);', ' private final Repo repo = new Repo();'),
  'src/main/java/com/acme/web/PropagateHandler.java': servlet(
    'com.acme.web',
    'import com.acme.util.Text;',
    'PropagateHandler',
    '        String q = Text.wrap(id);\n        Statement stmt = conn.createStatement();\n        stmt.executeQuery("SELECT * FROM t WHERE v = " + q);',
  ),
  'src/main/java/com/acme/web/SanitizeHandler.java': servlet(
    'com.acme.web',
    'import com.acme.util.Text;',
    'SanitizeHandler',
    '        String q = Text.digits(id);\n        Statement stmt = conn.createStatement();\n        stmt.executeQuery("SELECT * FROM t WHERE v = " + q);',
  ),
};

const goHandler = (file: string, imports: string[], body: string): string => `package handlers

import (
${['"net/http"', ...imports].map((i) => `\t${i}`).join('\n')}
)

func ${file}(w http.ResponseWriter, r *http.Request) {
\tid := r.URL.Query().Get("id")
${body}
}
`;

/** A Go module: package store imported by its module path, helpers in the handlers' own package. */
const GO: Record<string, string> = {
  'go.mod': 'module example.com/shop\n\ngo 1.22\n',
  'internal/store/store.go': `package store

import (
\t"database/sql"
\t"fmt"
\t"strconv"
)

var conn *sql.DB

// FindUser runs a query built from its argument.
func FindUser(userID string) {
\tconn.Query("SELECT * FROM users WHERE id = " + userID)
}

// Wrap returns its argument inside parentheses.
func Wrap(s string) string {
\treturn "(" + s + ")"
}

// Digits returns the number its argument holds, as text.
func Digits(s string) string {
\tn, _ := strconv.Atoi(s)
\treturn fmt.Sprint(n)
}
`,
  'handlers/audit.go': `package handlers

import "database/sql"

var auditDB *sql.DB

func record(what string) {
\tauditDB.Exec("INSERT INTO audit VALUES ('" + what + "')")
}
`,
  'handlers/imported.go': goHandler('Imported', ['"example.com/shop/internal/store"'], '\tstore.FindUser(id)'),
  'handlers/aliased.go': goHandler('Aliased', ['st "example.com/shop/internal/store"'], '\tst.FindUser(id)'),
  'handlers/same.go': goHandler('Same', [], '\trecord(id)'),
  'handlers/propagate.go': goHandler('Propagate', ['"database/sql"', '"example.com/shop/internal/store"'], '\tvar d *sql.DB\n\tq := store.Wrap(id)\n\td.Query("SELECT * FROM t WHERE v = " + q)'),
  'handlers/sanitize.go': goHandler('Sanitize', ['"database/sql"', '"example.com/shop/internal/store"'], '\tvar d *sql.DB\n\tq := store.Digits(id)\n\td.Query("SELECT * FROM t WHERE v = " + q)'),
};

/**
 * The flows found, as `file:line rule -> file:line of the sink`: the scan reports a flow into another file at its
 * sink, listing the calls that reach it (`calledFrom`, 1-based lines), one entry here per call.
 */
function described(found: Found[]): string[] {
  return found
    .flatMap(({ rel, finding }) => {
      const sink = `${rel}:${finding.trace?.at(-1)?.range.start.line}`;
      const calls = finding.properties?.calledFrom;
      if (typeof calls !== 'string') return [`${rel}:${finding.range.start.line} ${finding.ruleId} -> ${sink}`];
      return calls.split(', ').map((c) => `${c.split(':')[0]}:${Number(c.split(':')[1]) - 1} ${finding.ruleId} -> ${sink}`);
    })
    .sort();
}

describe('cross-file taint for Java (classes by import, wildcard, qualified name, same package)', () => {
  let dir: string;
  let found: Found[];
  before(async () => {
    dir = workspace('xfile-java', JAVA);
    found = await scan(dir);
  });
  const web = 'src/main/java/com/acme/web';
  const util = 'src/main/java/com/acme/util';

  it('a request parameter passed to a static method of another file that runs it as SQL: reported at the sink there, with the call', () => {
    const d = described(found);
    for (const h of ['ImportHandler', 'WildcardHandler', 'QualifiedHandler', 'StaticImportHandler']) assert.ok(d.includes(`${web}/${h}.java:14 java.sqli.jdbc -> ${util}/Db.java:10`), `${h}: ${d.join('\n')}`);
    assert.ok(d.includes(`${web}/SamePackageHandler.java:14 java.sqli.jdbc -> ${web}/Audit.java:10`), d.join('\n'));
  });

  it('an instance method of a class created with new, in another file (a local variable or a field)', () => {
    const d = described(found);
    assert.ok(d.includes(`${web}/InstanceHandler.java:15 java.sqli.jdbc -> ${util}/Repo.java:10`), d.join('\n'));
    assert.ok(d.includes(`${web}/FieldHandler.java:14 java.sqli.jdbc -> ${util}/Repo.java:10`), d.join('\n'));
  });

  it('a helper that returns its parameter carries the input; one that parses it to a number cleans it', () => {
    const d = described(found);
    assert.ok(d.includes(`${web}/PropagateHandler.java:16 java.sqli.jdbc -> ${web}/PropagateHandler.java:16`), d.join('\n'));
    assert.deepEqual(found.filter((f) => f.rel.endsWith('SanitizeHandler.java')).map((f) => f.finding.ruleId), []);
  });

  it('exactly those flows, one finding per sink, and none from the helpers\' own parameters (they are not input)', () => {
    assert.deepEqual(described(found).map((d) => d.split(':')[0]!.split('/').pop()).sort(), ['FieldHandler.java', 'ImportHandler.java', 'InstanceHandler.java', 'PropagateHandler.java', 'QualifiedHandler.java', 'SamePackageHandler.java', 'StaticImportHandler.java', 'WildcardHandler.java']);
    assert.deepEqual(found.map((f) => f.rel.split('/').pop()).sort(), ['Audit.java', 'Db.java', 'PropagateHandler.java', 'Repo.java']);
  });
});

describe('cross-file taint for Go (module-local packages by import path, the same package)', () => {
  let dir: string;
  let found: Found[];
  before(async () => {
    dir = workspace('xfile-go', GO);
    found = await scan(dir);
  });

  it('input passed to an exported function of a package imported by its module path (plain and aliased import)', () => {
    const d = described(found);
    assert.ok(d.includes('handlers/imported.go:9 go.sqli.query -> internal/store/store.go:12'), d.join('\n'));
    assert.ok(d.includes('handlers/aliased.go:9 go.sqli.query -> internal/store/store.go:12'), d.join('\n'));
  });

  it('input passed to a function of another file of the same package', () => {
    assert.ok(described(found).includes('handlers/same.go:8 go.sqli.query -> handlers/audit.go:7'), described(found).join('\n'));
  });

  it('a function returning its parameter carries the input; one converting it with strconv.Atoi cleans it', () => {
    const d = described(found);
    assert.ok(d.includes('handlers/propagate.go:12 go.sqli.query -> handlers/propagate.go:12'), d.join('\n'));
    assert.deepEqual(found.filter((f) => f.rel === 'handlers/sanitize.go').map((f) => f.finding.ruleId), []);
  });

  it('exactly those flows, one finding per sink', () => {
    assert.deepEqual(described(found).map((d) => d.split(':')[0]), ['handlers/aliased.go', 'handlers/imported.go', 'handlers/propagate.go', 'handlers/same.go']);
    assert.deepEqual(found.map((f) => f.rel).sort(), ['handlers/audit.go', 'handlers/propagate.go', 'internal/store/store.go']);
  });

  it('an import path outside the module (no go.mod prefix) resolves to nothing', async () => {
    const other = workspace('xfile-go-other', { ...GO, 'go.mod': 'module example.com/other\n' });
    const d = described(await scan(other));
    assert.ok(!d.some((x) => x.startsWith('handlers/imported.go')), d.join('\n'));
    assert.ok(d.includes('handlers/same.go:8 go.sqli.query -> handlers/audit.go:7'), 'the same package needs no go.mod');
  });
});

describe('cross-file taint for Java and Go in the LSP workspace scan', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = workspace('xfile-lsp', {
      ...Object.fromEntries(Object.entries(GO).filter(([k]) => k === 'go.mod' || k.startsWith('internal/') || k === 'handlers/imported.go')),
      ...Object.fromEntries(Object.entries(JAVA).filter(([k]) => k.endsWith('/Db.java') || k.endsWith('/ImportHandler.java'))),
    });
    gitInit(dir);
    client = new LspClient(join(REPO, 'server', 'src', 'lsp', 'server.ts'), ['--import', 'tsx']);
    await client.initialize(dir);
    await client.waitForReady();
  });

  after(async () => {
    await client.shutdown();
  });

  it('vigil/scanWorkspace publishes the cross-file findings at the Java and Go sinks with the handler as related information', async () => {
    const summary = await client.request<{ byRule: Record<string, number>; filesFailed: string[] }>('vigil/scanWorkspace', {}, 120_000);
    assert.deepEqual(summary.filesFailed, []);
    assert.deepEqual(summary.byRule, { 'go.sqli.query': 1, 'java.sqli.jdbc': 1 });
    for (const [handler, helper, code] of [
      ['src/main/java/com/acme/web/ImportHandler.java', 'src/main/java/com/acme/util/Db.java', 'java.sqli.jdbc'],
      ['handlers/imported.go', 'internal/store/store.go', 'go.sqli.query'],
    ] as const) {
      const uri = pathToFileURL(join(dir, helper)).toString();
      const published = await client.waitForDiagnostics((p) => p.uri === uri && p.diagnostics.length > 0);
      assert.equal(published.diagnostics[0]!.code, code);
      const other = pathToFileURL(join(dir, handler)).toString();
      assert.ok(published.diagnostics[0]!.relatedInformation?.some((r) => r.location.uri === other), JSON.stringify(published.diagnostics[0]!.relatedInformation));
    }
  });
});

describe('the taint prefilter with other files\' summaries in play', () => {
  it('a rule runs on a file only when a sink of it is in the text or in a summary the file calls (counted in passes, not time)', async () => {
    const { analyzer } = createTaintAnalyzer();
    const engine = await Engine.create({ analyzers: [analyzer] });
    try {
      const settings = { ...DEFAULT_SETTINGS, packs: { taint: true, secrets: false, config: false, dependencies: false } };
      const store = GO['internal/store/store.go']!;
      const doc = engine.open('x:store', '/ws/store/store.go', 'go', store);
      const summaries = analyzer.summarizeExports(doc).filter((s) => Object.keys(s.rules).length > 0);
      engine.close('x:store');
      assert.deepEqual(summaries.map((s) => s.name).sort(), ['FindUser', 'Wrap'], 'Digits cleans its input: no summary');
      analyzer.setExportIndex(buildExportIndex(summaries));
      const handler = (call: string): string => `package store\n\nimport "net/http"\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\t_ = ${call}(r.URL.Query().Get("id"))\n}\n`;
      const passes = (text: string): { passes: number; rules: string[] } => {
        const before = analyzer.stats.passes;
        const found = engine.scanText('/ws/store/h.go', 'go', text, settings).findings.map((f) => f.ruleId);
        return { passes: analyzer.stats.passes - before, rules: found };
      };
      // No input in this file, and the summaries it calls return none: no rule can report, so none runs (as
      // without summaries), though the file calls summarised functions.
      const plain = `package store\n\nfunc Both(s string) string {\n\tFindUser(s)\n\treturn Wrap(s)\n}\n`;
      const withIndex = passes(plain);
      analyzer.setExportIndex(undefined);
      assert.deepEqual(passes(plain), { passes: 0, rules: [] });
      analyzer.setExportIndex(buildExportIndex(summaries));
      assert.deepEqual(withIndex, { passes: 0, rules: [] });
      // FindUser holds a SQL sink: the SQL rule runs (with the rules sharing its pass) and reports the call.
      const sink = passes(handler('FindUser'));
      assert.deepEqual(sink.rules, ['go.sqli.query']);
      assert.ok(sink.passes > 0);
    } finally {
      analyzer.setExportIndex(undefined);
      engine.dispose();
    }
  });
});
