// Dispatch sizing from device limits. One invocation handles one matrix; a request becomes
// ⌈count / WORKGROUP_SIZE⌉ workgroups laid out in rows of at most
// maxComputeWorkgroupsPerDimension (2-D beyond 65 535 workgroups on most devices).

export interface DispatchShape {
  workgroupsX: number;
  workgroupsY: number;
}

export function dispatchShape(count: number, workgroupSize: number, maxWorkgroupsPerDimension: number): DispatchShape {
  const workgroups = Math.max(1, Math.ceil(count / workgroupSize));
  const workgroupsX = Math.min(workgroups, maxWorkgroupsPerDimension);
  const workgroupsY = Math.ceil(workgroups / workgroupsX);
  if (workgroupsY > maxWorkgroupsPerDimension) {
    throw new RangeError(`count ${count} needs more than ${maxWorkgroupsPerDimension}² workgroups`);
  }
  return { workgroupsX, workgroupsY };
}

/**
 * Largest request the GPU sampler accepts. Every u32 on the device stays below 2³²: a bin
 * counts at most `count` matrices, and the invocation number (workgroup number × size + lane)
 * of the whole padded grid, which is below count + workgroupSize·workgroupsX, must not wrap.
 */
export function gpuMaxBatch(workgroupSize: number, maxWorkgroupsPerDimension: number): number {
  const u32Limit = 2 ** 32 - 1 - workgroupSize * maxWorkgroupsPerDimension;
  const gridLimit = workgroupSize * maxWorkgroupsPerDimension * maxWorkgroupsPerDimension;
  return Math.min(u32Limit, gridLimit);
}
