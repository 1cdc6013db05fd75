/** What the layout needs: nodes in a fixed order (with their community) and ties as index pairs. */
export type LayoutInput = { ids: string[]; communities: number[]; edges: [number, number][] };

/** FNV-1a: a stable number from an id, so the starting point of a node never depends on chance. */
function hash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 16777619);
  }
  return (value >>> 0) / 4294967296;
}

/**
 * Starting places as [x0, y0, x1, y1, …]: communities on a circle, their actors around their
 * centre (from a hash of the id). Cheap enough to draw at once while the layout refines it.
 */
export function seededPositions(input: LayoutInput): Float64Array {
  const n = input.ids.length;
  const positions = new Float64Array(n * 2);
  const communityCount = Math.max(1, ...input.communities.map((c) => c + 1));
  const spread = Math.sqrt(n) * 10;
  input.ids.forEach((id, i) => {
    const centre = (2 * Math.PI * (input.communities[i] ?? 0)) / communityCount;
    const angle = 2 * Math.PI * hash(id);
    const radius = (spread / Math.sqrt(communityCount)) * Math.sqrt(hash(`${id}:r`));
    positions[i * 2] = Math.cos(centre) * spread + Math.cos(angle) * radius;
    positions[i * 2 + 1] = Math.sin(centre) * spread + Math.sin(angle) * radius;
  });
  return positions;
}
