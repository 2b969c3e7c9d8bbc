// A request's Params as the kernels read them.

import { semicircleRadius } from '../cpu/semicircle.ts';
import { indexWords, seedKey, streamTag } from '../cpu/philox.ts';
import type { BatchRequest } from '../sampler.ts';
import type { DispatchShape } from './dispatch.ts';
import { binOffset } from './histogram-window.ts';
import { recheckCapacity } from './recheck.ts';
import type { ParamsValue } from './kernel-layout.ts';

export function requestParams(request: BatchRequest, shape: DispatchShape): ParamsValue {
  return {
    key: seedKey(request.seed),
    firstIndex: indexWords(request.firstIndex),
    count: request.count,
    streamTag: streamTag(request.ensemble, request.n, 'matrix'),
    diagonalShift: request.shift * semicircleRadius(request.n),
    workgroupsX: shape.workgroupsX,
    binOffset: binOffset(request.n, request.shift),
    recheckCapacity: recheckCapacity(request),
  };
}
