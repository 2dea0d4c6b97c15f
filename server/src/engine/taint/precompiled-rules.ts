/**
 * Taint rule files parsed and validated when the product was built (esbuild defines `__VIGIL_TAINT_RULE_FILES__`
 * from `precompileTaintRuleFiles`), by the SHA-1 of each file's text: loading a built-in file whose text is one of
 * them skips its YAML parse and validation, which were most of a scan's start-up (cold code: a fresh process parses
 * 250 KB of YAML at a fifth of its warm speed), and in a workspace scan the workers wait for the rules. A file is
 * looked up by its text alone, so an edited, added or unknown file is parsed as before: the data can make loading
 * faster, never different (`readTaintRuleFile` is a function of the text, and the data was made by the same code it
 * is bundled with). Outside a bundle (tests, tsx) there is no data.
 */
import { createHash } from 'node:crypto';
import { deserialize } from 'node:v8';
import type { TaintRuleFileResult } from './rule-set';

declare const __VIGIL_TAINT_RULE_FILES__: string | undefined;

/** Serialized results (`v8.serialize`) by text hash: each hit deserializes its own copy, as a parse makes its own. */
let table: Map<string, Uint8Array> | undefined;
let read = false;

/** Files loaded from the precompiled data in this thread (tests check the data is used). */
export const precompiledStats = { hits: 0 };

/** The key of a rule file's text. */
export function ruleFileKey(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The build's result for a rule file with this text, if the build had one. */
export function precompiledTaintRuleFile(text: string): TaintRuleFileResult | undefined {
  if (!read) {
    read = true;
    try {
      if (typeof __VIGIL_TAINT_RULE_FILES__ === 'string') table = deserialize(Buffer.from(__VIGIL_TAINT_RULE_FILES__, 'base64')) as Map<string, Uint8Array>;
    } catch {
      table = undefined; // made by another Node's serializer it cannot read: the files are parsed
    }
  }
  const hit = table?.get(ruleFileKey(text));
  if (!hit) return undefined;
  precompiledStats.hits++;
  return deserialize(hit) as TaintRuleFileResult;
}

/** Replaces the precompiled data (`precompileTaintRuleFiles`'s output; undefined: none), for tests. */
export function setPrecompiledTaintRuleFiles(data: string | undefined): void {
  read = true;
  table = data === undefined ? undefined : (deserialize(Buffer.from(data, 'base64')) as Map<string, Uint8Array>);
}
