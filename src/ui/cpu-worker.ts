// The CPU worker's entry: the fallback sampler and the rare-event estimator run here so that
// the page's main thread never blocks on float64 work (see worker-handler.ts).

import { createWorkerHandler } from './worker-handler.ts';
import type { ToWorker } from './worker-protocol.ts';

const handle = createWorkerHandler((message, transfer = []) => self.postMessage(message, { transfer }));
self.addEventListener('message', (event: MessageEvent<ToWorker>) => void handle(event.data));
