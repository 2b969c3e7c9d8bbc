// The import directions of DESIGN.md §3, checked on the source text: ui → engine → (gpu | cpu)
// and stats; plots and export read stats types only; gpu never touches the DOM, d3 or stats;
// config imports nothing; landscape/ (the descent contract) stays below gpu and engine; exactly
// one module imports the WGSL.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

interface Import { file: string; target: string; typeOnly: boolean }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[3] ?? match[4]!;
    const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : spec;
    found.push({ file: relative(SRC, file), target, typeOnly: match[2] !== undefined });
  }
  return found;
}

const all = sourceFiles(SRC).flatMap(importsOf);
const from = (prefix: string) => all.filter((i) => i.file.startsWith(prefix));
const layer = (target: string) => target.split('/')[0]!;

describe('import directions', () => {
  it('config imports nothing', () => expect(from('config.ts')).toEqual([]));

  it('gpu imports neither the DOM layers, d3, nor stats', () => {
    const bad = from('gpu/').filter((i) => ['ui', 'plots', 'stats', 'engine', 'export'].includes(layer(i.target)) || i.target.startsWith('d3'));
    expect(bad).toEqual([]);
  });

  it('cpu imports neither gpu, engine, ui, plots nor node modules', () => {
    const bad = from('cpu/').filter((i) => ['gpu', 'engine', 'ui', 'plots', 'export'].includes(layer(i.target)) || i.target.startsWith('node:'));
    expect(bad).toEqual([]);
  });

  it('stats imports neither gpu, engine, ui nor plots', () => {
    const bad = from('stats/').filter((i) => ['gpu', 'engine', 'ui', 'plots', 'export'].includes(layer(i.target)));
    expect(bad).toEqual([]);
  });

  it('plots and export read stats types only and never the samplers', () => {
    const bad = [...from('plots/'), ...from('export/')].filter(
      (i) => ['gpu', 'cpu', 'engine', 'ui'].includes(layer(i.target)) || (layer(i.target) === 'stats' && !i.typeOnly),
    );
    expect(bad).toEqual([]);
  });

  it('landscape imports neither gpu, engine, ui, plots nor export (the contract both descent backends share)', () => {
    const bad = from('landscape/').filter((i) => ['gpu', 'engine', 'ui', 'plots', 'export'].includes(layer(i.target)) || i.target.startsWith('node:'));
    expect(bad).toEqual([]);
  });

  it('engine never imports the page', () => {
    expect(from('engine/').filter((i) => ['ui', 'plots'].includes(layer(i.target)))).toEqual([]);
  });

  it('exactly one module imports WGSL', () => {
    const importers = new Set(all.filter((i) => i.target.includes('.wgsl')).map((i) => i.file));
    expect(importers.size).toBe(1);
  });
});
