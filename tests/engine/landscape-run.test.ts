import { describe, expect, it } from 'vitest';
import { createCpuDescentBackend } from '../../src/cpu/cpu-descent.ts';
import { runLandscape, type LandscapeRunSpec, type LandscapeProgress } from '../../src/engine/landscape-run.ts';
import { END_CLASSES } from '../../src/landscape/classify.ts';
import { createTeacherStudent } from '../../src/landscape/teacher-student.ts';

const spec = (over: Partial<LandscapeRunSpec> = {}): LandscapeRunSpec => ({
  landscape: createTeacherStudent({ k: 5, n: 5 }),
  seed: 2, runs: 12, batchRuns: 5,
  optimizer: { kind: 'gd', step: 1, beta: 0 },
  gradientTolerance: 1e-5, maxSteps: 20_000, recordStride: 50, recordCapacity: 20,
  criteria: { globalLoss: 1e-6, curvatureTolerance: 1e-6, polish: { fallbackStep: 1 } },
  keepTrajectories: 3,
  ...over,
});

describe('landscape run', () => {
  it('classifies every run into one class, in run order, whatever the batch size', async () => {
    const backend = createCpuDescentBackend();
    const a = await runLandscape(spec(), backend);
    const b = await runLandscape(spec({ batchRuns: 12 }), backend);
    expect(a.endPoints.map((e) => e.run)).toEqual([...Array(12).keys()]);
    expect(a.endPoints.every((e) => (END_CLASSES as readonly string[]).includes(e.endClass))).toBe(true);
    expect(a.endPoints).toEqual(b.endPoints);
    expect([...a.trajectories.keys()]).toEqual([0, 1, 2]);
    expect(a.stopped).toBe(false);
  });

  it('reports progress ending at every run done with a zero ETA', async () => {
    const seen: LandscapeProgress[] = [];
    await runLandscape(spec(), createCpuDescentBackend(), { onProgress: (p) => seen.push({ ...p }) });
    const last = seen.at(-1)!;
    expect(last.runsDone).toBe(12);
    expect(last.etaS).toBe(0);
    expect(last.stepsPerS).toBeGreaterThan(0);
  });

  it('Stop keeps the batches already classified and drops the interrupted one whole', async () => {
    const controller = new AbortController();
    const result = await runLandscape(spec({ runs: 40, batchRuns: 4 }), createCpuDescentBackend(), {
      signal: controller.signal,
      onProgress: (p) => { if (p.runsDone >= 8) controller.abort(); },
    });
    expect(result.stopped).toBe(true);
    expect(result.endPoints.length % 4).toBe(0);
    expect(result.endPoints.length).toBeGreaterThanOrEqual(8);
    expect(result.endPoints.length).toBeLessThan(40);
    expect(result.endPoints.map((e) => e.run)).toEqual([...Array(result.endPoints.length).keys()]);
  });

  it('turns a backend failure into a failure value, keeping what was done', async () => {
    const cpu = createCpuDescentBackend();
    let calls = 0;
    const flaky = { ...cpu, descend: (job: Parameters<typeof cpu.descend>[0]) => (++calls === 2 ? Promise.reject(new Error('device lost')) : cpu.descend(job)) };
    const result = await runLandscape(spec(), flaky);
    expect(result.failure).toBe('device lost');
    expect(result.endPoints.length).toBe(5);
  });
});
