// The dispatch optimizer's Web Worker: runs the pure solver off the main thread so the board stays responsive.
import { runOptimizeRequest } from './optimize-protocol';

self.onmessage = (event: MessageEvent<unknown>) => {
  self.postMessage(runOptimizeRequest(event.data, () => performance.now()));
};
