// Copies a GPU buffer's first byteLength bytes to the host through a staging buffer that lives
// only for this read (storage buffers cannot be mapped).

export async function readBuffer(device: GPUDevice, source: GPUBuffer, byteLength: number, label: string): Promise<ArrayBuffer> {
  const staging = device.createBuffer({ label, size: Math.max(4, byteLength), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  try {
    const encoder = device.createCommandEncoder({ label: `${label} copy` });
    encoder.copyBufferToBuffer(source, 0, staging, 0, byteLength);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ, 0, byteLength);
    return staging.getMappedRange(0, byteLength).slice(0);
  } finally {
    staging.destroy();
  }
}
