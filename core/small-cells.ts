import type { Count } from './contracts/signals.ts';

/** A count of people or contacts under this never leaves the server (DESIGN: reports, decision 0014). */
export const suppressBelow = 5;

/** A count as it may leave the server: 0 to 4 become "<5" (zero too, so "<5" never narrows to 1–4). */
export function suppressed(count: number): Count {
  return count < suppressBelow ? '<5' : count;
}
