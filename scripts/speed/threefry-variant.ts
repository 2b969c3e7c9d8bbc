// Threefry4x32-20 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011) as a
// stand-in for Philox4x32-10 in the speed profiles: a measurement of what a multiply-free
// counter-based generator would buy, not a change of the random-number contract (DESIGN §4:
// the lab's streams stay Philox). Both the WGSL text and the float64-free TypeScript twin
// below are generated from one round schedule, and the twin is checked against the Random123
// known-answer vectors before any timing, so the WGSL times the real generator's operations.
//
// Key (seed lo, seed hi, 0, 0): the lab's 64-bit seed in Threefry's 128-bit key.

/** Rotation constants of Threefry-4×32, rounds r mod 8 (Random123's R_32x4). */
const ROTATIONS: readonly (readonly [number, number])[] = [[10, 26], [11, 21], [13, 27], [23, 5], [6, 20], [17, 11], [25, 10], [18, 20]];
const PARITY = 0x1bd11bda;
const ROUNDS = 20;

const rotl = (x: number, r: number) => ((x << r) | (x >>> (32 - r))) >>> 0;

/** Threefry4x32-20 of a 4-word counter and 4-word key, in TypeScript (the check's twin). */
export function threefry4x32(counter: readonly number[], key: readonly number[]): number[] {
  const ks = [...key, (PARITY ^ key[0]! ^ key[1]! ^ key[2]! ^ key[3]!) >>> 0];
  const x = counter.map((c, i) => (c + ks[i]!) >>> 0);
  for (let round = 0; round < ROUNDS; round++) {
    const [ra, rb] = ROTATIONS[round % 8]!;
    // Even rounds mix (0, 1) and (2, 3); odd rounds (0, 3) and (2, 1).
    const [p, q] = round % 2 === 0 ? [1, 3] : [3, 1];
    x[0] = (x[0]! + x[p]!) >>> 0; x[p] = rotl(x[p]!, ra) ^ x[0]!;
    x[2] = (x[2]! + x[q]!) >>> 0; x[q] = rotl(x[q]!, rb) ^ x[2]!;
    for (const i of [p, q]) x[i] = x[i]! >>> 0;
    if (round % 4 === 3) {
      const s = (round + 1) / 4;
      for (let i = 0; i < 4; i++) x[i] = (x[i]! + ks[(s + i) % 5]! + (i === 3 ? s : 0)) >>> 0;
    }
  }
  return x;
}

/** The Random123 known-answer vectors for threefry4x32 with 20 rounds (kat_vectors). */
const KNOWN_ANSWERS: [counter: number[], key: number[], out: number[]][] = [
  [[0, 0, 0, 0], [0, 0, 0, 0], [0x9c6ca96a, 0xe17eae66, 0xfc10ecd4, 0x5256a7d8]],
  [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0x2a881696, 0x57012287, 0xf6c7446e, 0xa16a6732]],
];

export function checkKnownAnswers(): void {
  for (const [counter, key, out] of KNOWN_ANSWERS) {
    const got = threefry4x32(counter, key);
    if (got.some((w, i) => w !== out[i])) throw new Error(`threefry4x32-20 twin fails its known answer: ${got.map((w) => w.toString(16))}`);
  }
}

/** WGSL replacing prelude.wgsl's philox4x32 (same signature), every round unrolled. */
export function threefryWgsl(): string {
  const lines = [
    'fn philox4x32(counter: vec4<u32>, key: vec2<u32>) -> vec4<u32> {',
    '  // Threefry4x32-20 in Philox\'s place (scripts/speed/threefry-variant.ts): timing only.',
    '  let ks = vec4<u32>(key.x, key.y, 0u, 0u);',
    `  let ks4 = ${PARITY}u ^ key.x ^ key.y;`,
    '  var x0 = counter.x + ks.x;',
    '  var x1 = counter.y + ks.y;',
    '  var x2 = counter.z;',
    '  var x3 = counter.w;',
  ];
  const ksWord = (j: number) => (j === 4 ? 'ks4' : ['ks.x', 'ks.y', '0u', '0u'][j]!);
  for (let round = 0; round < ROUNDS; round++) {
    const [ra, rb] = ROTATIONS[round % 8]!;
    const [p, q] = round % 2 === 0 ? ['x1', 'x3'] : ['x3', 'x1'];
    lines.push(`  x0 += ${p}; ${p} = ((${p} << ${ra}u) | (${p} >> ${32 - ra}u)) ^ x0;`);
    lines.push(`  x2 += ${q}; ${q} = ((${q} << ${rb}u) | (${q} >> ${32 - rb}u)) ^ x2;`);
    if (round % 4 === 3) {
      const s = (round + 1) / 4;
      for (let i = 0; i < 4; i++) {
        const add = [ksWord((s + i) % 5), ...(i === 3 ? [`${s}u`] : [])].filter((t) => t !== '0u');
        if (add.length) lines.push(`  x${i} += ${add.join(' + ')};`);
      }
    }
  }
  lines.push('  return vec4<u32>(x0, x1, x2, x3);', '}');
  return lines.join('\n');
}
