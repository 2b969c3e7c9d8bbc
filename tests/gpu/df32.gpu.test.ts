// Double-f32 arithmetic (shaders/df32.wgsl) and transforms (shaders/df32-random.wgsl) on the
// real WGSL through Dawn, against float64 on many random inputs: this is where a compiler that
// contracted a·b − p into an fma, or reassociated a two-sum, would show, since the error-free
// transforms would stop being error-free and the errors would jump from ~u² to ~u.

import { afterAll, describe, expect, it } from 'vitest';
import { boxMuller, uniformOpen } from '../../src/cpu/normals.ts';
import { df32ProbeSource } from '../../src/gpu/shader-source.ts';
import { openGpuHarness } from './gpu-harness.ts';

const harness = await openGpuHarness();
afterAll(() => harness?.close());

/** df32 unit roundoff u² = 2⁻⁴⁸. */
const U2 = 2 ** -48;

async function runEntry(entry: 'ops' | 'transforms', input: ArrayBuffer, count: number, outBytes: number): Promise<Float32Array> {
  const { device } = harness!.context;
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ label: 'df32 probe', code: df32ProbeSource() });
  const pipeline = await device.createComputePipelineAsync({ label: `df32 probe ${entry}`, layout: 'auto', compute: { module, entryPoint: entry } });
  const inBuffer = device.createBuffer({ label: 'df32 probe in', size: input.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  const outBuffer = device.createBuffer({ label: 'df32 probe out', size: outBytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ label: 'df32 probe readback', size: outBytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(inBuffer, 0, input);
  const bindings = entry === 'ops' ? [0, 1] : [2, 3];
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: bindings[0]!, resource: { buffer: inBuffer } }, { binding: bindings[1]!, resource: { buffer: outBuffer } }],
  }));
  pass.dispatchWorkgroups(Math.ceil(count / 64));
  pass.end();
  encoder.copyBufferToBuffer(outBuffer, 0, readback, 0, outBytes);
  device.queue.submit([encoder.finish()]);
  const failure = await device.popErrorScope();
  if (failure) throw new Error(`df32 probe: ${failure.message}`);
  await readback.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(readback.getMappedRange().slice(0));
  readback.unmap();
  for (const buffer of [inBuffer, outBuffer, readback]) buffer.destroy();
  return out;
}

/** A seeded uniform in [0, 1) (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A random normalized df32 value: hi over 2⁻²⁰..2²⁰ with either sign, lo within ½ ulp(hi) but at
 * most 5 binades below it, so that hi + lo spans ≤ 53 bits and is exact in float64, and each
 * reference below is one float64 rounding (2⁻⁵³ = u²/32) of the true result.
 */
function randomDf32(next: () => number, hi = Math.fround((next() < 0.5 ? -1 : 1) * (1 + next()) * 2 ** Math.floor(40 * next() - 20))): [number, number] {
  const exponent = Math.floor(Math.log2(Math.abs(hi)));
  const lo = Math.fround((next() < 0.5 ? -1 : 1) * (1 + next()) * 2 ** (exponent - 26 - Math.floor(4 * next())));
  return [hi, lo];
}

/** Largest |got − want| / |want| over the inputs, with the worst input. */
function worstRelative(values: Array<{ got: number; want: number }>): number {
  let worst = 0;
  for (const { got, want } of values) worst = Math.max(worst, Math.abs(got - want) / Math.abs(want));
  return worst;
}

describe.skipIf(!harness)('double-f32 on the GPU (shaders/df32.wgsl)', () => {
  it('adds, multiplies, divides and takes square roots within a few u² of float64', async () => {
    const count = 20_000;
    const next = random(7);
    const input = new Float32Array(4 * count);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < count; i++) {
      const x = randomDf32(next);
      let y = randomDf32(next);
      // One in four pairs nearly cancel: b = −a·(1 + tiny), so the sum keeps only low bits.
      if (i % 4 === 0) y = randomDf32(next, Math.fround(-x[0] * (1 + 2 ** -20 * next())));
      input.set([...x, ...y], 4 * i);
      // hi + lo is exact in float64 (at most 48 significant bits).
      a.push(x[0] + x[1]);
      b.push(y[0] + y[1]);
    }
    const out = await runEntry('ops', input.buffer, count, 8 * 4 * count);
    const pick = (i: number, slot: number) => out[8 * i + 2 * slot]! + out[8 * i + 2 * slot + 1]!;
    const sum = worstRelative(a.map((x, i) => ({ got: pick(i, 0), want: x + b[i]! })));
    const product = worstRelative(a.map((x, i) => ({ got: pick(i, 1), want: x * b[i]! })));
    const quotient = worstRelative(a.map((x, i) => ({ got: pick(i, 2), want: x / b[i]! })));
    const root = worstRelative(a.map((x, i) => ({ got: pick(i, 3), want: Math.sqrt(Math.abs(x)) })));
    console.info(`df32 worst relative errors in u² = 2⁻⁴⁸: add ${(sum / U2).toFixed(2)}, mul ${(product / U2).toFixed(2)}, div ${(quotient / U2).toFixed(2)}, sqrt ${(root / U2).toFixed(2)}`);
    // Bounds of Joldes, Muller & Popescu 2017 for add (3u²) and mul (7u²), and our long division
    // and Newton root (≤ 10u²); float64's own rounding of the reference adds 2⁻⁵³ = u²/32.
    expect(sum).toBeLessThan(3.1 * U2);
    expect(product).toBeLessThan(7.1 * U2);
    expect(quotient).toBeLessThan(10 * U2);
    expect(root).toBeLessThan(10 * U2);
  });

  it('makes the uniforms exactly, and ln u, cos, sin and the normals to ~1e-14', async () => {
    const count = 20_000;
    const next = random(11);
    const words = new Uint32Array(2 * count);
    for (let i = 0; i < words.length; i++) words[i] = Math.floor(next() * 2 ** 32);
    // The edges: the smallest and largest words, and words near u = ½ and the quadrant turns.
    words.set([0, 0xffffffff, 1, 0x3fffffff, 0x7fffffff, 0x40000000, 0x80000000, 0xbfffffff, 0xffffff00, 0xc0000000]);
    const out = await runEntry('transforms', words.buffer, count, 12 * 4 * count);
    const normals = new Float64Array(2);
    let exactUniforms = 0;
    let logError = 0;
    let turnError = 0;
    let normalError = 0;
    for (let i = 0; i < count; i++) {
      const [w0, w1] = [words[2 * i]!, words[2 * i + 1]!];
      const o = out.subarray(12 * i, 12 * i + 12);
      if (o[2]! + o[3]! === uniformOpen(w0)) exactUniforms++;
      const log = Math.log(uniformOpen(w0));
      logError = Math.max(logError, Math.abs(o[0]! + o[1]! - log) / Math.abs(log));
      const angle = 2 * Math.PI * uniformOpen(w1);
      turnError = Math.max(turnError, Math.abs(o[4]! + o[5]! - Math.cos(angle)), Math.abs(o[6]! + o[7]! - Math.sin(angle)));
      boxMuller(w0, w1, normals, 0);
      const radius = Math.sqrt(-2 * log);
      normalError = Math.max(normalError, Math.abs(o[8]! + o[9]! - normals[0]!) / radius, Math.abs(o[10]! + o[11]! - normals[1]!) / radius);
    }
    console.info(`df32 transforms: ln u relative ${logError.toExponential(2)}, cos/sin absolute ${turnError.toExponential(2)}, normals relative to the radius ${normalError.toExponential(2)}`);
    expect(exactUniforms).toBe(count);
    expect(logError).toBeLessThan(1e-13);
    // Float64's own cos(2πu) errs by up to ~1e-15 (the rounded angle).
    expect(turnError).toBeLessThan(1e-13);
    expect(normalError).toBeLessThan(1e-13);
  });
});
