#!/usr/bin/env node
// Runs the CLI built by `npm run build:cli` (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';

// Dawn finds no adapter on a machine without a GPU unless it is pointed at SwiftShader, the CPU
// Vulkan driver that Debian's chromium package ships. Only where no GPU device node exists, so a
// machine with a real GPU keeps its own driver.
const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
const hasGpuNode = existsSync('/dev/dri') || existsSync('/dev/nvidia0');
if (!process.env.VK_ICD_FILENAMES && !hasGpuNode && existsSync(SWIFTSHADER_ICD)) {
  process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
}
process.env.XDG_RUNTIME_DIR ??= '/tmp';

const entry = new URL('../dist-cli/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('saddle-lab: the CLI is not built yet: run `npm ci` (or `npm run build:cli`) first');
  process.exit(1);
}
const { run } = await import(entry.href);
await run();
