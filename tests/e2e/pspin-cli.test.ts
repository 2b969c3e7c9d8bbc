// The built CLI's p-spin commands as a person runs them (node bin/saddle-lab.js): the GPU
// backend (Dawn on SwiftShader) and the float64 twin write the same end points after polishing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords, ROOT } from './page-fixture.ts';

const run = (args: string[]) => spawnSync('node', ['bin/saddle-lab.js', ...args], { cwd: ROOT, encoding: 'utf8', env: process.env });

describe('saddle-lab descend on the GPU and on the CPU twin', () => {
  it('gives the same polished end points, indices and λ_min from both backends (p = 3, N = 24, 2 disorders × 6 runs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-pspin-'));
    const common = ['descend', '--p', '3', '--n', '24', '--runs', '6', '--disorders', '2', '--seed', '3'];
    const gpu = run([...common, '--backend', 'gpu', '--out', join(dir, 'gpu.csv')]);
    expect(gpu.status, gpu.stderr).toBe(0);
    const cpu = run([...common, '--backend', 'cpu', '--out', join(dir, 'cpu.csv')]);
    expect(cpu.status, cpu.stderr).toBe(0);
    const a = csvRecords(readFileSync(join(dir, 'gpu.csv'), 'utf8'));
    const b = csvRecords(readFileSync(join(dir, 'cpu.csv'), 'utf8'));
    expect(a).toHaveLength(12);
    expect(b).toHaveLength(12);
    a.forEach((row, i) => {
      expect(row['backend']).toBe('gpu');
      expect([row['disorder'], row['run'], row['class'], row['index']]).toEqual([b[i]!['disorder'], b[i]!['run'], b[i]!['class'], b[i]!['index']]);
      expect(Math.abs(Number(row['u']) - Number(b[i]!['u']))).toBeLessThan(1e-10);
      expect(Math.abs(Number(row['lambda_min']) - Number(b[i]!['lambda_min']))).toBeLessThan(1e-8);
    });
  });
});
