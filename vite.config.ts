/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// Dawn (the `webgpu` package) finds SwiftShader only through this variable, and it must be
// set in the main process: worker threads inherit it, but a value set inside a worker is
// read too late and the GPU tier would see no adapter (../shared/FACTS.md).
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
process.env.XDG_RUNTIME_DIR ??= '/tmp';

export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', sourcemap: true },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // A timeout catches hangs, not slowness (speed lives in bench commands): some unit
          // tests run float64 twins for 2–3 s on an idle 2-core machine and overran vitest's
          // default 5 s when the machine was shared.
          testTimeout: 60_000,
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.gpu.test.ts', 'tests/**/*.stats.test.ts', 'tests/e2e/**', 'tests/fuzz/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'gpu',
          include: ['tests/**/*.gpu.test.ts'],
          // One Dawn instance at a time: SwiftShader already uses every core.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'stats',
          include: ['tests/**/*.stats.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          // Seeded, time-bounded fuzzing of every CLI flag and URL parameter (FUZZ_SEED, FUZZ_SECONDS).
          name: 'fuzz',
          include: ['tests/fuzz/**/*.fuzz.test.ts'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
