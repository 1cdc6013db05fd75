/**
 * How the graph looks: one colour per community (Tableau's ten, readable on white and for most
 * colour-blind readers), grey for actors tied to no one, sizes from a metric.
 */
const palette = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#2f4b7c',
];
export const isolatedColour = '#9aa0a6';

export function communityColour(community: number): string {
  return palette[((community % palette.length) + palette.length) % palette.length]!;
}

export type SizeMetric = 'degree' | 'betweenness';
export const sizeMetrics: readonly SizeMetric[] = ['degree', 'betweenness'];

/**
 * Dot sizes in pixels by the square root of the value, so a hub stands out without hiding its
 * neighbours; smaller on big networks, where thousands of dots share the screen until one zooms in.
 */
export function nodeSize(value: number, max: number, nodeCount: number): number {
  const [smallest, range] = nodeCount > 1000 ? [1.5, 6] : nodeCount > 200 ? [3, 9] : [5, 13];
  return smallest + range * Math.sqrt(max > 0 ? value / max : 0);
}

/** WebGL may be missing (old phone, blocked driver): the page then shows the metrics table alone. */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
