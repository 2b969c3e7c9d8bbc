// Typed failures of the GPU backend, so callers can tell "no GPU here" from a broken shader.

/** No WebGPU adapter, or the adapter refused a device: fall back to the CPU sampler. */
export class NoAdapterError extends Error {
  override name = 'NoAdapterError';
}

/** A kernel failed to compile or validate; `label` names the pipeline. A bug, not an environment issue. */
export class ShaderCompileError extends Error {
  override name = 'ShaderCompileError';
  constructor(
    readonly label: string,
    detail: string,
  ) {
    super(`pipeline ${label} failed to compile: ${detail}`);
  }
}
