// Seeded generators of the values a person (or a script gone wrong) might type: boundary
// numbers around every limit of config.ts, forms the grammar refuses, odd text. Shared by the
// CLI and URL fuzzers so both see the same vocabulary.

import { EXACT_N_MAX, RARE_N_MAX, SAMPLES_MAX, SEED_MAX, SHIFT_RANGE } from '../../src/config.ts';
import { ensembleEntry, ensembleIds } from '../../src/ensembles/registry.ts';

export type Random = () => number;

/** mulberry32: a small seeded generator, enough to make every fuzz run reproducible. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);

const limits = [0, 1, 2, 3, ...new Set(ensembleIds().map((id) => ensembleEntry(id).nMax)), EXACT_N_MAX, RARE_N_MAX, SEED_MAX, SAMPLES_MAX, 1000, 1e9];
const around = (x: number): number[] => [x - 1, x, x + 1];

/** Numbers and near-numbers: limits ±1, the grammar's edge cases, and forms it refuses. */
export const NUMBERISH: readonly string[] = [
  ...limits.flatMap(around).map(String),
  ...SHIFT_RANGE.rare.map(String), ...SHIFT_RANGE.mc.map(String), '6.0000001', '-100.000001',
  '-0', '+0', '0.5', '.5', '1.', '1e3', '1E3', '2.5e5', '1e-3', '1e308', '-1e308', '1e309', '5e-324', '1e-400',
  '1_000', '1__0', '_1', '1_', '0x10', '0X1F', '0b101', '0o7', '010', '1e', 'e3', '--1', '+-1',
  'NaN', 'Infinity', '-Infinity', 'inf', '', ' ', '  7  ', '\t3', '1 0', '1,5', '٣', '１２', '½',
  '9007199254740993', '9007199254740990.5', '18446744073709551616', '1'.repeat(400), '-'.repeat(3),
];

/** Dimension lists: ranges, steps, mixes and broken ones. */
export const DIMENSIONS: readonly string[] = [
  '1', '1:6', '1:8:2', '2,4,8', '1:4,8', '64', '65', '4096', '4097', '100', '101', '1024', '1025',
  '1:', ':3', ':', '3:1', '1:4:0', '1:4:-1', '1:4:1.5', '1:2:3:4', '1,,2', ',', '1,', '0', '-1', '0x10',
  '1e1', '1.5', ' 1:3 ', '1 :3', 'a', '', '1:1e9',
];

/** --shifts: ranges and lists, with the broken forms (reversed, zero or tiny step, too many). */
export const SHIFT_LISTS: readonly string[] = [
  '0.9:1.1:0.1', '1:1:1', '0.5,1,1.5', '-1:1:0.5', '1:0:0.1', '0:1:0', '0:1:-0.1', '0:100:0.001', '0:1:1e-300',
  '-100:100:1', '-101:0:1', '1,,2', ',', '1:', ':1:1', '1:2:3:4', '0x1:2:1', 'a', '',
];

export const WORDS: readonly string[] = ['goe', 'goe-tridiagonal', 'gue', 'GOE', '', 'mc', 'rare', 'exact', 'gpu', 'cpu', 'tpu', 'sweep', 'bench', 'merge', '0/2', '1/3', '3/3', '-', '--', '%s', '"', 'é'];

/** A value for a numeric field: usually one of the boundary cases, sometimes a random number. */
export function numberish(random: Random): string {
  const r = random();
  if (r < 0.7) return pick(random, NUMBERISH);
  if (r < 0.85) return String(Math.floor(random() * 10 ** Math.floor(random() * 18)));
  return ((random() - 0.5) * 10 ** Math.floor(random() * 12 - 3)).toPrecision(1 + Math.floor(random() * 17));
}
