import { describe, expect, it } from 'vitest';
import { dispatchShape, gpuMaxBatch } from '../../src/gpu/dispatch.ts';
import { binOffset, sharedBinCount, SHARED_BINS_MAX } from '../../src/gpu/histogram-window.ts';
import { semicircleIndexFraction } from '../../src/model/semicircle.ts';

describe('dispatch shape', () => {
  it('uses one row while the workgroups fit one dimension', () => {
    expect(dispatchShape(1000, 64, 65535)).toEqual({ workgroupsX: 16, workgroupsY: 1 });
    expect(dispatchShape(65535 * 64, 64, 65535)).toEqual({ workgroupsX: 65535, workgroupsY: 1 });
  });

  it('wraps into a second dimension beyond the per-dimension limit, covering every matrix', () => {
    const shape = dispatchShape(65535 * 64 + 1, 64, 65535);
    expect(shape).toEqual({ workgroupsX: 65535, workgroupsY: 2 });
    expect(shape.workgroupsX * shape.workgroupsY * 64).toBeGreaterThanOrEqual(65535 * 64 + 1);
  });

  it('still dispatches one workgroup for an empty request', () => {
    expect(dispatchShape(0, 64, 65535)).toEqual({ workgroupsX: 1, workgroupsY: 1 });
  });

  it('caps a batch so the padded grid of invocation numbers stays below 2³²', () => {
    for (const [size, perDimension] of [
      [64, 65535],
      [256, 65535],
      [64, 7],
    ]) {
      const maxBatch = gpuMaxBatch(size, perDimension);
      const shape = dispatchShape(maxBatch, size, perDimension);
      expect(shape.workgroupsX * shape.workgroupsY * size).toBeLessThanOrEqual(2 ** 32 - 1);
      expect(shape.workgroupsY).toBeLessThanOrEqual(perDimension);
    }
  });
});

describe('workgroup histogram window', () => {
  it('holds every bin for small N', () => {
    expect(sharedBinCount(64)).toBe(65);
    expect(binOffset(64, 0)).toBe(0);
    expect(binOffset(64, 2)).toBe(0);
  });

  it('centres SHARED_BINS_MAX bins on the expected index N·fraction for large N', () => {
    expect(sharedBinCount(4096)).toBe(SHARED_BINS_MAX);
    expect(binOffset(4096, semicircleIndexFraction(0))).toBe(2048 - SHARED_BINS_MAX / 2);
    expect(binOffset(4096, semicircleIndexFraction(2))).toBe(0);
    expect(binOffset(4096, semicircleIndexFraction(-2))).toBe(4097 - SHARED_BINS_MAX);
  });
});
