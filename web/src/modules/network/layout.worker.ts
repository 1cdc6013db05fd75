import { type LayoutInput, layoutPositions } from './graph-layout.ts';

/** The layout off the page's thread: thousands of actors without a frozen screen. */
self.onmessage = (event: MessageEvent<LayoutInput>) => {
  const positions = layoutPositions(event.data);
  (self as unknown as Worker).postMessage(positions, [positions.buffer]);
};
