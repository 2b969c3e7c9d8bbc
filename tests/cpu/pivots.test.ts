import { describe, expect, it } from 'vitest';
import { countNegativePivotsPacked, countNegativePivotsTridiagonal, packedIndex } from '../../src/cpu/pivots.ts';

describe('negative pivot counts', () => {
  it('counts the index of diagonal matrices', () => {
    const packed = new Float64Array(6);
    packed[packedIndex(0, 0)] = -1;
    packed[packedIndex(1, 1)] = 2;
    packed[packedIndex(2, 2)] = -3;
    expect(countNegativePivotsPacked(packed, 3)).toBe(2);
  });

  it('counts [[1, 2], [2, 1]] (eigenvalues 3 and −1) as index 1', () => {
    expect(countNegativePivotsPacked(Float64Array.from([1, 2, 1]), 2)).toBe(1);
  });

  it('treats an exact zero pivot as a tiny positive one: [[0, 1], [1, 0]] has index 1', () => {
    expect(countNegativePivotsPacked(Float64Array.from([0, 1, 0]), 2)).toBe(1);
    expect(countNegativePivotsTridiagonal(Float64Array.from([0, 0]), Float64Array.from([1]))).toBe(1);
  });

  it('counts the Sturm sequence of tridiag(−1, 2, −1) (positive definite) as 0 and of its negative as n', () => {
    const n = 10;
    const off = new Float64Array(n - 1).fill(1);
    expect(countNegativePivotsTridiagonal(new Float64Array(n).fill(2), off)).toBe(0);
    expect(countNegativePivotsTridiagonal(new Float64Array(n).fill(-2), off)).toBe(n);
  });
});
