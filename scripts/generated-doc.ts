/** Writes a generated doc, or with `--check` exits 1 when the committed copy differs (CI's stale-doc stage). */
import { readFileSync, writeFileSync } from 'node:fs';

/** `outFile` gets `text`; `script` is the command that regenerates it, named in the stale message. */
export function writeOrCheckDoc(outFile: string, text: string, label: string, script: string): void {
  if (!process.argv.includes('--check')) {
    writeFileSync(outFile, text);
    console.log(`wrote ${outFile}`);
    return;
  }
  let current = '';
  try {
    current = readFileSync(outFile, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${outFile} is stale: run node --import tsx ${script}`);
    process.exit(1);
  }
  console.log(`${label} is up to date`);
}
