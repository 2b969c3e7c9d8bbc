import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { parseParams, validate, type RunConfig } from '../../src/config.ts';
import { createCpuSampler } from '../../src/cpu/cpu-sampler.ts';
import { denseGoeIndex } from '../../src/ensembles/goe.ts';
import { ensembleEntry, ensembleIds, registerEnsemble } from '../../src/ensembles/registry.ts';
import { runSweep } from '../../src/engine/sweep.ts';
import { summaryCsv } from '../../src/export/csv.ts';
import { memoryIo } from '../cli/helpers.ts';
import { TEST_ENSEMBLE_ID, testEntry, withTestEnsemble } from './test-entry.ts';

const unregister = withTestEnsemble();
afterAll(unregister);

const config = (over: Partial<RunConfig> = {}): RunConfig => ({
  ensemble: TEST_ENSEMBLE_ID, params: { scale: 2 }, ns: [1, 3, 5], samples: 2000, shift: 0.25, seed: 3, method: 'mc', backend: 'cpu', ...over,
});

describe('ensemble registry', () => {
  it('lists the built-in ensembles first, then registered ones', () => {
    expect(ensembleIds().slice(0, 2)).toEqual(['goe', 'goe-tridiagonal']);
    expect(ensembleIds()).toContain(TEST_ENSEMBLE_ID);
  });

  it('refuses an entry that would share a stream code or an id', () => {
    expect(() => registerEnsemble({ ...testEntry, id: 'another' })).toThrow(/streamCode 14 is already test-shifted-goe's/);
    expect(() => registerEnsemble({ ...testEntry, streamCode: 12 })).toThrow(/already registered/);
    expect(() => registerEnsemble({ ...testEntry, id: 'bad-param', streamCode: 13, parameters: [{ ...testEntry.parameters[0]!, name: 'seed' }] })).toThrow(/reserved/);
  });

  it('samples a new entry on the CPU from its fields alone: GOE fill, own stream, own shift scale', async () => {
    const sampler = createCpuSampler();
    const [histogram] = await sampler.sample([{ ensemble: TEST_ENSEMBLE_ID, params: { scale: 2 }, n: 4, shift: 0.25, seed: 3, firstIndex: 0, count: 400 }]);
    // Its stream differs from GOE's, so its counts are not GOE's at the equivalent shift 0.25·2/(2√4) = 0.125.
    const goe = new Float64Array(5);
    for (let m = 0; m < 400; m++) goe[denseGoeIndex(3, 4, 0.125, m)]++;
    expect([...histogram!]).not.toEqual([...goe]);
    expect(histogram!.reduce((a, b) => a + b)).toBe(400);
  });

  it('runs through the sweep, and its parameter lands in the CSV', async () => {
    const result = await runSweep(validate(config()), createCpuSampler());
    expect(result.stopped).toBe(false);
    expect(result.summaries.map((s) => [s.ensemble, s.params, s.samples])).toEqual([1, 3, 5].map(() => [TEST_ENSEMBLE_ID, { scale: 2 }, 2000]));
    const [header, first] = summaryCsv(result.summaries).split('\n');
    expect(header).toMatch(/^ensemble,n,shift,scale,method,/);
    expect(first).toMatch(/^test-shifted-goe,1,0.25,2,mc,cpu,3,2000,/);
  });

  it('gets a CLI flag for its parameter, range-checked with the flag and value named', async () => {
    const io = memoryIo();
    expect(await main(['sweep', '--ensemble', TEST_ENSEMBLE_ID, '--scale', '1.5', '--n', '2', '--samples', '500', '--backend', 'cpu'], io)).toBe(0);
    expect(io.out.split('\n')[1]).toMatch(/^test-shifted-goe,2,0,1.5,mc,cpu,42,500,/);
    const bad = memoryIo();
    expect(await main(['sweep', '--ensemble', TEST_ENSEMBLE_ID, '--scale', '0'], bad)).toBe(2);
    expect(bad.err).toContain('invalid scale: "0" (must be a number in (0, 100] for test-shifted-goe)');
  });

  it('refuses a parameter the ensemble lacks, and methods its theory lacks, naming field and value', async () => {
    expect(() => parseParams('goe', { scale: '2' })).toThrow('invalid scale: "2" (ensemble goe has no parameter scale (it belongs to test-shifted-goe))');
    const io = memoryIo();
    expect(await main(['sweep', '--ensemble', TEST_ENSEMBLE_ID, '--method', 'exact'], io)).toBe(2);
    expect(io.err).toContain('invalid method: "exact" (ensemble test-shifted-goe has no exact-table theory; method exact applies to goe, goe-tridiagonal)');
    expect(() => validate(config({ method: 'rare' }))).toThrow(/invalid method: "rare"/);
    expect(() => validate(config({ params: {} }))).toThrow(/needs parameter scale/);
  });

  it('keeps the entry the test registered whole', () => {
    expect(ensembleEntry(TEST_ENSEMBLE_ID)).toBe(testEntry);
  });
});
