/**
 * Five classes from light to dark (ColorBrewer "YlOrRd"-like, readable by most colour-blind
 * readers); the darkest always means more need, whichever way the indicator runs.
 */
export const quintileColors = ['#fff3c4', '#fdd58a', '#f9a55a', '#e4683f', '#b22b2b'] as const;

/** The class (0–4) of a value among the breaks (up to four ascending values). */
export function classOf(value: number, breaks: number[]): number {
  let index = 0;
  while (index < breaks.length && value > breaks[index]!) index++;
  return index;
}

/**
 * The fill of a value: classes darken toward need, so an indicator where less means more need
 * (median income) reads with its lowest class darkest.
 */
export function fillOf(value: number, breaks: number[], need: 'higher' | 'lower' | null): string {
  const index = classOf(value, breaks);
  const last = breaks.length;
  const step = last === 0 ? 0 : Math.round((index * (quintileColors.length - 1)) / last);
  return quintileColors[need === 'lower' ? quintileColors.length - 1 - step : step]!;
}

/** A neighbourhood's outline over the sectors (as drawn by map-layers.ts). */
export const outlineColor = '#6a1b9a';
/** A place's dot. */
export const placeColor = '#1565c0';
