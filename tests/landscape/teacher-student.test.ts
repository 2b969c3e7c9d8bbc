import { describe, expect, it } from 'vitest';
import { packedIndex } from '../../src/cpu/pivots.ts';
import { runNormals } from '../../src/landscape/streams.ts';
import { createTeacherStudent, teacherPoint } from '../../src/landscape/teacher-student.ts';

const relu = (v: number) => (v > 0 ? v : 0);

/** ½(f(x) − f*(x))² for one input x, straight from the network's definition. */
function pointLoss(w: Float64Array, k: number, n: number, x: Float64Array): number {
  let student = 0;
  for (let j = 0; j < n; j++) {
    let dot = 0;
    for (let l = 0; l < k; l++) dot += w[j * k + l] * x[l];
    student += relu(dot);
  }
  let teacher = 0;
  for (let i = 0; i < k; i++) teacher += relu(x[i]);
  return 0.5 * (student - teacher) ** 2;
}

describe('teacher–student population loss', () => {
  it('equals a Monte Carlo average over 200 000 Gaussian inputs within 4 standard errors (k = 4, n = 5)', () => {
    const k = 4;
    const n = 5;
    const landscape = createTeacherStudent({ k, n });
    const w = landscape.start(11, 0);
    const samples = 200_000;
    let sum = 0;
    let sumSquares = 0;
    // An independent stream (tag 0x1234) of N(0, I_k) inputs.
    for (let s = 0; s < samples; s++) {
      const value = pointLoss(w, k, n, runNormals(99, s, 0x1234, k));
      sum += value;
      sumSquares += value * value;
    }
    const mean = sum / samples;
    const standardError = Math.sqrt((sumSquares / samples - mean * mean) / samples);
    expect(standardError).toBeLessThan(0.02 * mean);
    expect(Math.abs(landscape.loss(w) - mean)).toBeLessThan(4 * standardError);
  });

  it('is 0 at W = V and at every permutation of the student neurons tried (k = n = 5)', () => {
    const k = 5;
    const landscape = createTeacherStudent({ k, n: k });
    expect(Math.abs(landscape.loss(teacherPoint(k)))).toBeLessThan(1e-15);
    for (const order of [[4, 3, 2, 1, 0], [1, 2, 3, 4, 0], [2, 0, 4, 1, 3]]) {
      const permuted = new Float64Array(k * k);
      order.forEach((from, j) => permuted.set(teacherPoint(k).subarray(from * k, from * k + k), j * k));
      expect(Math.abs(landscape.loss(permuted))).toBeLessThan(1e-15);
      const g = new Float64Array(k * k);
      landscape.gradient(permuted, g);
      expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-15);
    }
  });

  it('is exactly ¼ for a student missing one teacher neuron (k = 4, n = 3 at e₁, e₂, e₃): f − f* = −relu(x₄)', () => {
    const landscape = createTeacherStudent({ k: 4, n: 3 });
    // ½ E[relu(x₄)²] = ½ · ½.
    expect(landscape.loss(teacherPoint(4).subarray(0, 12))).toBeCloseTo(0.25, 14);
  });

  it('has the gradient of its loss: central differences agree to 1e-8 (k = 5, n = 7)', () => {
    const landscape = createTeacherStudent({ k: 5, n: 7 });
    const x = landscape.start(3, 4);
    const g = new Float64Array(landscape.dimension);
    landscape.gradient(x, g);
    const h = 1e-6;
    for (let i = 0; i < landscape.dimension; i++) {
      const up = Float64Array.from(x);
      const down = Float64Array.from(x);
      up[i] += h;
      down[i] -= h;
      expect(Math.abs((landscape.loss(up) - landscape.loss(down)) / (2 * h) - g[i])).toBeLessThan(1e-8);
    }
  });

  it('has the Hessian of its gradient: central differences agree to 1e-7 (k = 4, n = 6)', () => {
    const landscape = createTeacherStudent({ k: 4, n: 6 });
    const x = landscape.start(5, 1);
    const d = landscape.dimension;
    const packed = landscape.hessian(x);
    const up = new Float64Array(d);
    const down = new Float64Array(d);
    const h = 1e-6;
    for (let i = 0; i < d; i++) {
      const a = Float64Array.from(x);
      const b = Float64Array.from(x);
      a[i] += h;
      b[i] -= h;
      landscape.gradient(a, up);
      landscape.gradient(b, down);
      for (let j = 0; j < d; j++) {
        const fd = (up[j] - down[j]) / (2 * h);
        expect(Math.abs(fd - packed[packedIndex(Math.max(i, j), Math.min(i, j))])).toBeLessThan(1e-7);
      }
    }
  });

  it('has a continuous Hessian at the aligned (non-smooth) global minimum: a 1e-7 nudge moves it by < 1e-6', () => {
    const k = 4;
    const landscape = createTeacherStudent({ k, n: k });
    const at = landscape.hessian(teacherPoint(k));
    const nudged = teacherPoint(k).map((v, i) => v + 1e-7 * Math.sin(i + 1));
    const near = landscape.hessian(nudged);
    for (let i = 0; i < at.length; i++) expect(Math.abs(at[i] - near[i])).toBeLessThan(1e-6);
  });

  it('starts are Xavier N(0, I/k) and reproducible from (seed, run) alone', () => {
    const k = 10;
    const landscape = createTeacherStudent({ k, n: 10 });
    expect(Array.from(landscape.start(3, 17))).toEqual(Array.from(createTeacherStudent({ k, n: 10 }).start(3, 17)));
    expect(Array.from(landscape.start(3, 17))).not.toEqual(Array.from(landscape.start(3, 18)));
    let squares = 0;
    let count = 0;
    for (let run = 0; run < 200; run++) {
      for (const v of landscape.start(1, run)) {
        squares += v * v;
        count++;
      }
    }
    // Var of the sample mean of z²/k is 2/(k²·count): 4 standard errors.
    expect(Math.abs(squares / count - 1 / k)).toBeLessThan(4 * Math.sqrt(2 / count) / k);
  });

  it('refuses sizes outside its limits, naming them', () => {
    expect(() => createTeacherStudent({ k: 0, n: 3 })).toThrow(/teacher width k 0/);
    expect(() => createTeacherStudent({ k: 3, n: 1000 })).toThrow(/student width n 1000/);
  });
});
