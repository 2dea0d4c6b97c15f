/**
 * Built-in rule files parsed and validated when the product was built (esbuild defines `__VIGIL_RULE_FILES__` from
 * `precompileRuleFiles`), by pack and the SHA-1 of each file's text: loading a built-in file whose text is one of
 * them skips its YAML parse and validation, which were most of a scan's start-up (cold code: a fresh process parses
 * the taint pack's 250 KB and the secrets pack's 200 KB of YAML at a fifth of its warm speed), and in a workspace
 * scan the workers wait for the rules. A file is looked up by its text alone, so an edited, added or unknown file is
 * parsed as before: the data can make loading faster, never different (each pack's entry is a function of the text,
 * and the data was made by the same code it is bundled with). Outside a bundle (tests, tsx) there is no data.
 */
import { createHash } from 'node:crypto';
import { deserialize } from 'node:v8';

declare const __VIGIL_RULE_FILES__: string | undefined;

/** The packs whose built-in rule files are precompiled. */
export type PrecompiledPack = 'taint' | 'secrets';

/** Serialized results (`v8.serialize`) by `<pack>:<text hash>`: each hit deserializes its own copy, as a parse makes its own. */
let table: Map<string, Uint8Array> | undefined;
let read = false;

/** Files loaded from the precompiled data in this thread, by pack (tests check the data is used). */
export const precompiledStats: Record<PrecompiledPack, number> = { taint: 0, secrets: 0 };

/** The key of a rule file's text in `pack`'s part of the data. */
export function ruleFileKey(pack: PrecompiledPack, text: string): string {
  return `${pack}:${createHash('sha1').update(text).digest('hex')}`;
}

/** The build's result for a `pack` rule file with this text, if the build had one. */
export function precompiledRuleFile<T>(pack: PrecompiledPack, text: string): T | undefined {
  if (!read) {
    read = true;
    try {
      if (typeof __VIGIL_RULE_FILES__ === 'string') table = deserialize(Buffer.from(__VIGIL_RULE_FILES__, 'base64')) as Map<string, Uint8Array>;
    } catch {
      table = undefined; // made by another Node's serializer it cannot read: the files are parsed
    }
  }
  const hit = table?.get(ruleFileKey(pack, text));
  if (!hit) return undefined;
  precompiledStats[pack]++;
  return deserialize(hit) as T;
}

/** Replaces the precompiled data (`precompileRuleFiles`'s output; undefined: none), for tests. */
export function setPrecompiledRuleFiles(data: string | undefined): void {
  read = true;
  table = data === undefined ? undefined : (deserialize(Buffer.from(data, 'base64')) as Map<string, Uint8Array>);
}
