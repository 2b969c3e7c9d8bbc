import { describe, expect, it } from 'vitest';
import * as d from 'typegpu/data';
import tgpu from 'typegpu';
import { PARAMS_BYTE_LENGTH, Params, samplerLayout, writeParams } from '../../src/gpu/kernel-layout.ts';

describe('Params layout (WGSL struct vs the bytes the host writes)', () => {
  it('has the WGSL size the host allocates', () => {
    expect(d.sizeOf(Params)).toBe(PARAMS_BYTE_LENGTH);
  });

  it('puts every field where writeParams writes it', () => {
    const buffer = new ArrayBuffer(PARAMS_BYTE_LENGTH);
    const view = new DataView(buffer);
    writeParams(view, 0, {
      key: [11, 12],
      firstIndex: [13, 14],
      count: 15,
      streamTag: 16,
      diagonalShift: 1.5 + 2 ** -30,
      workgroupsX: 17,
      binOffset: 18,
      recheckCapacity: 19,
      fillFloats: [0.25, -2.5 - 2 ** -40],
      fillWords: [20, 21, 22, 23],
    });
    const at = (accessor: (p: d.Infer<typeof Params>) => unknown) => d.memoryLayoutOf(Params, accessor).offset;
    expect(view.getUint32(at((p) => p.key.x), true)).toBe(11);
    expect(view.getUint32(at((p) => p.key.y), true)).toBe(12);
    expect(view.getUint32(at((p) => p.firstIndex.x), true)).toBe(13);
    expect(view.getUint32(at((p) => p.firstIndex.y), true)).toBe(14);
    expect(view.getUint32(at((p) => p.count), true)).toBe(15);
    expect(view.getUint32(at((p) => p.streamTag), true)).toBe(16);
    expect(view.getFloat32(at((p) => p.diagonalShift), true)).toBe(1.5);
    // The float64 remainders the device recount adds back (df32 = hi + lo).
    expect(view.getFloat32(at((p) => p.diagonalShiftLo), true)).toBe(2 ** -30);
    expect(view.getFloat32(at((p) => p.fillFloatsLo.y), true)).toBe(-(2 ** -40));
    expect(view.getFloat32(at((p) => p.fillFloatsLo.x), true)).toBe(0);
    expect(view.getUint32(at((p) => p.workgroupsX), true)).toBe(17);
    expect(view.getUint32(at((p) => p.binOffset), true)).toBe(18);
    expect(view.getUint32(at((p) => p.recheckCapacity), true)).toBe(19);
    expect(view.getFloat32(at((p) => p.fillFloats.x), true)).toBe(0.25);
    expect(view.getFloat32(at((p) => p.fillFloats.y), true)).toBe(-2.5);
    expect(view.getFloat32(at((p) => p.fillFloats.z), true)).toBe(0);
    expect(view.getUint32(at((p) => p.fillWords.x), true)).toBe(20);
    expect(view.getUint32(at((p) => p.fillWords.w), true)).toBe(23);
  });

  it('numbers bindings in declaration order, as typegpu resolves them', () => {
    const names = Object.keys(samplerLayout.entries);
    expect(names).toEqual(['params', 'histogram', 'indices', 'recheck']);
    const wgsl = tgpu.resolve({ template: 'fn f() { _ = layout.$.recheck; _ = layout.$.params; }', externals: { layout: samplerLayout } });
    expect(wgsl).toMatch(/@binding\(3\)[^;]*recheck/);
    expect(wgsl).toMatch(/@binding\(0\)[^;]*params/);
  });
});
