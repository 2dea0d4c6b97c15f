/**
 * RSS of the real language server (dist/server.js, from /proc) idle and after opening one file of each language,
 * in turn, in one server; then a fresh server per language with only that file open. Shows what start-up holds
 * and what each language's first file adds (its grammar, its rules compiled, its analysis). Run `npm run build`
 * first. Figures vary with the machine and load; compare runs made back to back.
 *   node --import tsx bench/memory-languages.ts [--lines 300] [--alone]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSIONS, generateFile, type BenchLanguage } from './corpus/generate';
import { initialize, LspClient, sleep } from './lib/lsp-client';
import { RAW, SERVER_JS } from './lib/paths';

const MB = 1024 * 1024;
const at = process.argv.indexOf('--lines');
const lines = at >= 0 ? Number(process.argv[at + 1]) : 300;
const CODE: BenchLanguage[] = ['javascript', 'typescript', 'python', 'java', 'go'];
/** Small files of the languages the bench generator does not write. */
const OTHER: { lang: string; ext: string; text: string }[] = [
  { lang: 'typescriptreact', ext: 'tsx', text: 'export function App(p: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: p.html }} />;\n}\n' },
  { lang: 'shellscript', ext: 'sh', text: '#!/bin/sh\nset -eu\ncurl -fsSL "$URL" | sh\n' },
  { lang: 'json', ext: 'json', text: '{ "name": "x", "version": "1.0.0", "dependencies": { "lodash": "4.17.20" } }\n' },
  { lang: 'terraform', ext: 'tf', text: 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "public-read"\n}\n' },
  { lang: 'yaml', ext: 'yml', text: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' },
];

interface Doc { lang: string; path: string; text: string }

function docs(dir: string): Doc[] {
  mkdirSync(dir, { recursive: true });
  const out: Doc[] = CODE.map((lang, i) => ({ lang, path: join(dir, `m${i}.${EXTENSIONS[lang]}`), text: generateFile(lang, lines, 900 + i).text }));
  for (const o of OTHER) out.push({ lang: o.lang, path: join(dir, o.lang === 'yaml' ? '.github/workflows/ci.yml' : `x.${o.ext}`), text: o.text });
  for (const d of out) {
    mkdirSync(join(d.path, '..'), { recursive: true });
    writeFileSync(d.path, d.text);
  }
  return out;
}

async function open(client: LspClient, d: Doc): Promise<void> {
  const uri = pathToFileURL(d.path).toString();
  const wait = client.waitForDiagnostics(uri, 1, 120_000);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: d.lang, version: 1, text: d.text } });
  await wait;
  await sleep(1_000);
}

const rss = (c: LspClient) => (c.memory().rss / MB).toFixed(0).padStart(4);

async function main(): Promise<void> {
  const dir = join(RAW, 'memory-languages');
  const all = docs(dir);
  let client = LspClient.start(SERVER_JS);
  await initialize(client, pathToFileURL(dir).toString());
  await sleep(1_000);
  process.stdout.write(`idle server                 RSS ${rss(client)} MB\n`);
  for (const d of all) {
    await open(client, d);
    process.stdout.write(`+ ${d.lang.padEnd(25)} RSS ${rss(client)} MB\n`);
  }
  await client.shutdown();
  if (!process.argv.includes('--alone')) return;
  for (const d of all) {
    client = LspClient.start(SERVER_JS);
    await initialize(client, pathToFileURL(dir).toString());
    await sleep(1_000);
    const idle = rss(client);
    await open(client, d);
    process.stdout.write(`only ${d.lang.padEnd(22)} RSS idle ${idle} -> ${rss(client)} MB\n`);
    await client.shutdown();
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
