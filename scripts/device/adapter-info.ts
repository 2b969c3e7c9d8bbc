// What the device run ran on, as one JSON object: the WebGPU adapter Dawn picked (vendor,
// architecture, device, description: on Vulkan the driver's name and version), its limits and
// features, the `webgpu` package (Dawn) version and dawn.node's sha256, Node's version, and what run.sh found (the
// Vulkan ICD, the loader, nvidia-smi's line), passed in SADDLE_* variables.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, globals } from 'webgpu';

const LIMITS = ['maxBufferSize', 'maxStorageBufferBindingSize', 'maxComputeWorkgroupStorageSize', 'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupsPerDimension'] as const;

function webgpuVersion(): string {
  try {
    const path = createRequire(import.meta.url).resolve('webgpu/package.json');
    return JSON.parse(readFileSync(path, 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  Object.assign(globalThis, globals);
  const gpu = create([]);
  (globalThis as { saddleLabGpu?: GPU }).saddleLabGpu = gpu; // keep it alive (FACTS.md)
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  const info = adapter?.info;
  const environment = {
    date: new Date().toISOString(),
    adapter: info ? { vendor: info.vendor, architecture: info.architecture, device: info.device, description: info.description } : null,
    limits: adapter ? Object.fromEntries(LIMITS.map((name) => [name, adapter.limits[name]])) : null,
    features: adapter ? [...adapter.features].sort() : null,
    webgpu_package: webgpuVersion(),
    // The package names no Dawn commit; the binary's hash identifies the build.
    dawn_node_sha256: process.env.SADDLE_DAWN_SHA256 ?? null,
    node: process.version,
    icd: process.env.SADDLE_ICD ?? null,
    vulkan_loader: process.env.SADDLE_LOADER ?? null,
    nvidia_smi: process.env.SADDLE_NVIDIA_SMI ?? null,
    kernel: process.env.SADDLE_UNAME ?? null,
  };
  process.stdout.write(JSON.stringify(environment) + '\n');
  delete (globalThis as { saddleLabGpu?: GPU }).saddleLabGpu;
  if (!adapter) process.exitCode = 3;
}

await main();
