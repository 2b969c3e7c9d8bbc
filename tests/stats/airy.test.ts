import { describe, expect, it } from 'vitest';
import { AIRY_AI_0, AIRY_AI_PRIME_0, airyAi } from '../../src/stats/airy.ts';

// Reference values: mpmath 1.3.0 airyai at 30 digits, computed for this test.
const MPMATH: [number, number][] = [
  [-11.5, 0.3054229700435926564], [-10, 0.040241238486443190689], [-7.5, 0.32177571638064787527], [-5, 0.35076100902411431979],
  [-3, -0.37881429367765807435], [-2, 0.22740742820168557599], [-1, 0.5355608832923521188],
  [-0.5, 0.4757280916105395888], [0, 0.35502805388781723926], [0.5, 0.23169360648083348977],
  [1, 0.13529241631288141552], [2, 0.034924130423274379135], [3, 0.0065911393574607191443],
  [5, 0.00010834442813607441735], [8, 4.6922076160992316256e-8], [12, 1.393184688875360839e-13],
];

describe('airyAi', () => {
  it('matches mpmath to 1e-14 relative on [−10, 12]', () => {
    for (const [x, value] of MPMATH) expect(Math.abs(airyAi(x) - value) / Math.abs(value), `x = ${x}`).toBeLessThan(1e-14);
  });
  it('starts from Ai(0) = 3^(−2/3)/Γ(2/3) and Ai′(0) = −3^(−1/3)/Γ(1/3) (Γ(2/3) = 1.3541179394264, Γ(1/3) = 2.6789385347077, DLMF 5.4)', () => {
    expect(AIRY_AI_0).toBeCloseTo(3 ** (-2 / 3) / 1.3541179394264004, 13);
    expect(AIRY_AI_PRIME_0).toBeCloseTo(-(3 ** (-1 / 3)) / 2.678938534707747, 13);
  });
  it('matches mpmath on both sides of x = ±2, where the three methods meet', () => {
    const sides: [number, number][] = [[-2.01, 0.22120226633022267412], [-1.99, 0.23356711037594160557], [1.99, 0.03545853857066838476], [2.01, 0.034396707129894228512]];
    for (const [x, value] of sides) expect(Math.abs(airyAi(x) - value) / value, `x = ${x}`).toBeLessThan(1e-14);
  });
  it('gives NaN for NaN', () => expect(airyAi(NaN)).toBeNaN());
});
