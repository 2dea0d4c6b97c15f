/**
 * The seeds the incremental property tests run with. Without a seed fast-check picks a random one per run, so a
 * real but unrelated bug would fail one CI run and pass the next, blocking every branch at random. By default each
 * property therefore runs with the fixed seeds below (its runs split among them), the same on every run.
 *
 * To explore (look for new counterexamples):
 *   VIGIL_PROPERTY_SEED=<n>      that seed only, all the property's runs (also replays a failure: fast-check prints
 *                                its seed);
 *   VIGIL_PROPERTY_SEED=random   a new random seed per property, printed when it fails;
 *   VIGIL_PROPERTY_RUNS=<n>      runs per seed instead of the property's default.
 * For example: for s in $(seq 1 40); do VIGIL_PROPERTY_SEED=$s node --import tsx --test test/unit/incremental-units.test.ts; done
 * A counterexample found that way is pinned as a plain test of its edits (see incremental-units.test.ts).
 */
import fc from 'fast-check';

/**
 * Fixed seeds for CI, used by every fast-check property in test/unit (assertProperty). A bug found later under one of them is pinned and fixed; the seed is not swapped out.
 */
export const DEFAULT_PROPERTY_SEEDS = [1001, 1002, 2001] as const;

/** fast-check parameters for one property: one entry per seed to run it with (see the file's header). */
export function propertyRuns(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): { seed?: number; numRuns: number }[] {
  const seed = env.VIGIL_PROPERTY_SEED?.trim();
  const runs = env.VIGIL_PROPERTY_RUNS ? Number(env.VIGIL_PROPERTY_RUNS) : undefined;
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error(`VIGIL_PROPERTY_RUNS must be a positive integer, not ${JSON.stringify(env.VIGIL_PROPERTY_RUNS)}`);
  if (seed === 'random') return [{ numRuns: runs ?? defaultRuns }];
  if (seed) {
    const n = Number(seed);
    if (!Number.isInteger(n)) throw new Error(`VIGIL_PROPERTY_SEED must be an integer or "random", not ${JSON.stringify(seed)}`);
    return [{ seed: n, numRuns: runs ?? defaultRuns }];
  }
  const per = runs ?? Math.ceil(defaultRuns / DEFAULT_PROPERTY_SEEDS.length);
  return DEFAULT_PROPERTY_SEEDS.map((s) => ({ seed: s, numRuns: per }));
}

/** Checks `property` once per seed of `propertyRuns(defaultRuns)`, with `extra` fast-check parameters. */
export function assertProperty<T>(property: fc.IProperty<T>, defaultRuns: number, extra: fc.Parameters<T> = {}): void {
  for (const runs of propertyRuns(defaultRuns)) fc.assert(property, { ...extra, ...runs });
}
