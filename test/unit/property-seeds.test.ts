/** The property tests' seeds: fixed unless a variable asks otherwise, so CI never draws a random one. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PROPERTY_SEEDS, propertyRuns } from './property-seeds';

describe('property seeds', () => {
  it('without variables: every fixed seed, the default runs split among them', () => {
    assert.deepEqual(propertyRuns(12, {}), DEFAULT_PROPERTY_SEEDS.map((seed) => ({ seed, numRuns: Math.ceil(12 / DEFAULT_PROPERTY_SEEDS.length) })));
    assert.ok(DEFAULT_PROPERTY_SEEDS.length >= 3);
  });

  it('VIGIL_PROPERTY_SEED picks one seed or a random one; VIGIL_PROPERTY_RUNS sets the runs per seed', () => {
    assert.deepEqual(propertyRuns(12, { VIGIL_PROPERTY_SEED: '-577454619' }), [{ seed: -577454619, numRuns: 12 }]);
    assert.deepEqual(propertyRuns(12, { VIGIL_PROPERTY_SEED: 'random', VIGIL_PROPERTY_RUNS: '100' }), [{ numRuns: 100 }]);
    assert.deepEqual(propertyRuns(12, { VIGIL_PROPERTY_RUNS: '2' }), DEFAULT_PROPERTY_SEEDS.map((seed) => ({ seed, numRuns: 2 })));
    assert.throws(() => propertyRuns(12, { VIGIL_PROPERTY_SEED: 'abc' }), /VIGIL_PROPERTY_SEED/);
    assert.throws(() => propertyRuns(12, { VIGIL_PROPERTY_RUNS: '0' }), /VIGIL_PROPERTY_RUNS/);
  });
});
