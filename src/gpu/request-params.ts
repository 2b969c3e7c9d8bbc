// A request's Params as the kernels read them: the stream tag, diagonal shift and fill
// constants come from the ensemble's registry entry.

import { ensembleEntry } from '../ensembles/registry.ts';
import { indexWords, seedKey, streamTag } from '../model/stream.ts';
import type { BatchRequest } from '../sampler.ts';
import type { DispatchShape } from './dispatch.ts';
import { binOffset } from './histogram-window.ts';
import { recheckCapacity } from './recheck.ts';
import type { ParamsValue } from './kernel-layout.ts';

export function requestParams(request: BatchRequest, shape: DispatchShape): ParamsValue {
  const entry = ensembleEntry(request.ensemble);
  const constants = entry.sampling.fillConstants?.(request.n, request.params) ?? {};
  return {
    key: seedKey(request.seed),
    firstIndex: indexWords(request.firstIndex),
    count: request.count,
    streamTag: streamTag(entry.streamCode, request.n, 'matrix'),
    diagonalShift: request.shift * entry.shiftScale(request.n, request.params),
    workgroupsX: shape.workgroupsX,
    // A P(min) request's two bins [minima, others] are all in the workgroup window.
    binOffset: request.statistic === 'pmin' ? 0 : binOffset(request.n, entry.indexFractionGuess(request.shift, request.params)),
    recheckCapacity: recheckCapacity(request),
    fillFloats: constants.floats ?? [],
    fillWords: constants.words ?? [],
  };
}
