import { useEffect, useState } from 'react';
import type { LayoutInput } from './layout-seed.ts';

/**
 * Runs the layout in a web worker (or on the page if workers fail) and returns the positions. It
 * starts once the first drawing is on screen, so the two do not fight over a slow phone's cores.
 */
export function useLayout(input: LayoutInput | null, start: boolean): Float64Array | null {
  const [positions, setPositions] = useState<Float64Array | null>(null);
  useEffect(() => {
    setPositions(null);
    if (!input || !start) return;
    let cancelled = false;
    let worker: Worker | null = null;
    const onPage = async () => {
      const { layoutPositions } = await import('./graph-layout.ts');
      if (!cancelled) setPositions(layoutPositions(input));
    };
    try {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<Float64Array>) => {
        if (!cancelled) setPositions(event.data);
        worker?.terminate();
      };
      worker.onerror = () => {
        worker?.terminate();
        void onPage();
      };
      worker.postMessage(input);
    } catch {
      void onPage();
    }
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [input, start]);
  return positions;
}
