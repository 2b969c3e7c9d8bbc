// The theory modules' headline values against their published or closed-form references.
//
//   npx tsx scripts/theory-values.ts
//
// Tracy–Widom F₁ mean and variance (Bornemann 2010's published values); ε_c(φ) derived here
// against Pennington & Bahri's closed form; α(ε, φ) at a few points; the GOE index-variance
// constant C₁. Prints `name,computed,reference,difference` lines.

import { criticalLoss, indexFraction } from '../src/stats/free-convolution.ts';
import { INDEX_VARIANCE_CONSTANT_GOE, INDEX_VARIANCE_CONSTANT_GUE } from '../src/stats/index-variance.ts';
import { tracyWidomGoeCdf, tracyWidomGoeMoments } from '../src/stats/tracy-widom.ts';

const line = (name: string, value: number, reference?: number) =>
  console.log([name, value.toPrecision(14), reference === undefined ? '' : reference.toPrecision(14), reference === undefined ? '' : (value - reference).toExponential(2)].join(','));

console.log('name,computed,reference,difference');
const started = performance.now();
const { mean, variance } = tracyWidomGoeMoments();
line('tw1_mean', mean, -1.206533574582);
line('tw1_variance', variance, 1.6077810345);
for (const s of [-3, -2, -1, 0, 1]) line(`tw1_cdf(${s})`, tracyWidomGoeCdf(s));
for (const phi of [0.1, 0.25, 0.5, 0.75, 0.9]) line(`epsilon_c(${phi})`, criticalLoss(phi), (1 - 20 * phi - 8 * phi * phi + (1 + 8 * phi) ** 1.5) / 16);
for (const [phi, epsilon] of [[0.5, 0.05], [0.5, 0.1], [0.25, 0.3], [1, 0.1], [2, 0.01], [2, 0.2]] as const) line(`alpha(eps=${epsilon};phi=${phi})`, indexFraction({ phi, epsilon }));
line('index_variance_C2_gue', INDEX_VARIANCE_CONSTANT_GUE, 0.185248);
line('index_variance_C1_goe', INDEX_VARIANCE_CONSTANT_GOE);
console.error(`(${((performance.now() - started) / 1000).toFixed(2)} s)`);
