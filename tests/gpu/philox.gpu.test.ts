import { afterAll, describe, expect, it } from 'vitest';
import { boxMuller, uniformOpen } from '../../src/cpu/normals.ts';
import { philox4x32 } from '../../src/cpu/philox.ts';
import type { GpuContext } from '../../src/gpu/gpu-context.ts';
import { philoxProbeSource } from '../../src/gpu/shader-source.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

/** Output of shaders/philox-probe.wgsl per counter: 4 words, 4 normals, 4 uniforms. */
interface Probe {
  words: Uint32Array;
  normals: Float32Array;
  uniforms: Float32Array;
}

const PROBE_STRIDE_WORDS = 12;

async function runProbe(context: GpuContext, key: [number, number], counters: Uint32Array<ArrayBuffer>): Promise<Probe> {
  const { device } = context;
  const count = counters.length / 4;
  const module = device.createShaderModule({ label: 'philox probe shader', code: philoxProbeSource() });
  const pipeline = await device.createComputePipelineAsync({ label: 'philox probe', layout: 'auto', compute: { module, entryPoint: 'main' } });
  const keyBuffer = device.createBuffer({ label: 'probe key', size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  const counterBuffer = device.createBuffer({ label: 'probe counters', size: counters.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  const outBytes = count * PROBE_STRIDE_WORDS * 4;
  const output = device.createBuffer({ label: 'probe output', size: outBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: 'probe readback', size: outBytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(keyBuffer, 0, new Uint32Array([key[0], key[1], 0, 0]));
  device.queue.writeBuffer(counterBuffer, 0, counters);
  const encoder = device.createCommandEncoder({ label: 'probe' });
  const pass = encoder.beginComputePass({ label: 'probe pass' });
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      label: 'probe bind group',
      layout: pipeline.getBindGroupLayout(0),
      entries: [keyBuffer, counterBuffer, output].map((buffer, binding) => ({ binding, resource: { buffer } })),
    }),
  );
  pass.dispatchWorkgroups(Math.ceil(count / 64));
  pass.end();
  encoder.copyBufferToBuffer(output, 0, readback, 0, outBytes);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const raw = readback.getMappedRange().slice(0);
  readback.unmap();
  for (const buffer of [keyBuffer, counterBuffer, output, readback]) buffer.destroy();
  const asWords = new Uint32Array(raw);
  const asFloats = new Float32Array(raw);
  const probe: Probe = {
    words: new Uint32Array(4 * count),
    normals: new Float32Array(4 * count),
    uniforms: new Float32Array(4 * count),
  };
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < 4; j++) {
      probe.words[4 * i + j] = asWords[PROBE_STRIDE_WORDS * i + j];
      probe.normals[4 * i + j] = asFloats[PROBE_STRIDE_WORDS * i + 4 + j];
      probe.uniforms[4 * i + j] = asFloats[PROBE_STRIDE_WORDS * i + 8 + j];
    }
  }
  return probe;
}

/** Counters spread over the whole u32 range, including the edges, by a fixed LCG. */
function spreadCounters(count: number): Uint32Array<ArrayBuffer> {
  const counters = new Uint32Array(4 * count);
  let state = 12345;
  for (let i = 0; i < counters.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    counters[i] = i % 7 === 0 ? 0xffffffff : i % 11 === 0 ? 0 : state;
  }
  return counters;
}

describe.skipIf(!harness)('Philox on the GPU (shaders/prelude.wgsl)', () => {
  it('passes the Random123 known-answer vectors', async () => {
    const ones = 0xffffffff;
    const cases: [[number, number], number[], string[]][] = [
      [[0, 0], [0, 0, 0, 0], ['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']],
      [[ones, ones], [ones, ones, ones, ones], ['408f276d', '41c83b0e', 'a20bc7c6', '6d5451fd']],
      [[0xa4093822, 0x299f31d0], [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], ['d16cfe09', '94fdcceb', '5001e420', '24126ea1']],
    ];
    for (const [key, counter, expected] of cases) {
      const { words } = await runProbe(harness!.context, key, Uint32Array.from(counter));
      expect([...words].map((w) => w.toString(16).padStart(8, '0'))).toEqual(expected);
    }
  });

  it('equals the TypeScript twin word for word on 4096 counters', async () => {
    const counters = spreadCounters(4096);
    const key: [number, number] = [0x9e3779b9, 42];
    const { words } = await runProbe(harness!.context, key, counters);
    const expected = new Uint32Array(words.length);
    const out = new Uint32Array(4);
    for (let i = 0; i < 4096; i++) {
      philox4x32(counters[4 * i], counters[4 * i + 1], counters[4 * i + 2], counters[4 * i + 3], key[0], key[1], out);
      expected.set(out, 4 * i);
    }
    let mismatches = 0;
    for (let i = 0; i < words.length; i++) if (words[i] !== expected[i]) mismatches++;
    expect(mismatches).toBe(0);
  });

  it('gives uniforms within 1 f32 ulp of (w + ½)·2⁻³², strictly inside (0, 1)', async () => {
    const { words, uniforms } = await runProbe(harness!.context, [7, 7], spreadCounters(4096));
    for (let i = 0; i < words.length; i++) {
      const exact = uniformOpen(words[i]);
      expect(uniforms[i]).toBeGreaterThan(0);
      expect(uniforms[i]).toBeLessThan(1);
      expect(Math.abs(uniforms[i] - exact)).toBeLessThanOrEqual(2 ** -24 * Math.max(exact, 2 ** -32) * 2);
    }
  });

  it('gives normals within 4e-7·(1 + |z|) of the float64 twin', async () => {
    // normal_pair reduces the angle exactly and sums ln u near 1 as a series, so only f32
    // rounding remains: a few ulp of |z|, and ~2⁻²⁴ absolutely where the radius is tiny.
    const { words, normals } = await runProbe(harness!.context, [3, 1], spreadCounters(8192));
    const twin = new Float64Array(2);
    let worst = 0;
    for (let i = 0; i < words.length; i += 2) {
      boxMuller(words[i], words[i + 1], twin, 0);
      for (let j = 0; j < 2; j++) worst = Math.max(worst, Math.abs(normals[i + j] - twin[j]) / (1 + Math.abs(twin[j])));
    }
    expect(worst).toBeLessThan(4e-7);
  });
});
