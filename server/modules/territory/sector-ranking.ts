import type { MultiPolygon } from './sectors.geojson.ts';

/**
 * Helping a team choose a new neighbourhood as seed 004 describes: statistical sectors ranked on
 * weighted indicators (median income, diabetes, density, people over 65, household size…), then
 * neighbouring sectors grown into one zone of 20 000 to 30 000 inhabitants.
 */
export type Criterion = {
  indicator: string;
  weight: number;
  /** `higher`: a higher value means more need (diabetes); `lower`: a lower one does (median income). */
  need: 'higher' | 'lower';
};
export type SectorFigures = { code: string; values: Record<string, number | undefined>; population: number | null };
export type RankedSector = {
  code: string;
  /** 0 (least need among these sectors) to 1 (most), over the criteria the sector has values for. */
  score: number;
  parts: Record<string, number | null>;
  missing: string[];
};

/** Min–max scaling per indicator, turned so that 1 is always "more need", then weighted. */
export function rankSectors(sectors: SectorFigures[], criteria: Criterion[]): RankedSector[] {
  const used = criteria.filter((c) => c.weight > 0);
  const ranges = new Map(
    used.map((c) => {
      const values = sectors.map((s) => s.values[c.indicator]).filter((v): v is number => v !== undefined);
      return [c.indicator, { min: Math.min(...values), max: Math.max(...values) }];
    }),
  );
  const ranked = sectors.map((sector) => {
    let weighted = 0;
    let weights = 0;
    const parts: Record<string, number | null> = {};
    const missing: string[] = [];
    for (const criterion of used) {
      const value = sector.values[criterion.indicator];
      const range = ranges.get(criterion.indicator)!;
      if (value === undefined) {
        parts[criterion.indicator] = null;
        missing.push(criterion.indicator);
        continue;
      }
      const scaled = range.max === range.min ? 0.5 : (value - range.min) / (range.max - range.min);
      const part = criterion.need === 'higher' ? scaled : 1 - scaled;
      parts[criterion.indicator] = part;
      weighted += part * criterion.weight;
      weights += criterion.weight;
    }
    return { code: sector.code, score: weights > 0 ? weighted / weights : 0, parts, missing };
  });
  return ranked.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

const vertexKey = (position: [number, number]) => `${position[0].toFixed(6)},${position[1].toFixed(6)}`;

/** Sectors that share a border: at least two common vertices (published sector files share them). */
export function neighboursOf(sectors: { code: string; geometry: MultiPolygon }[]): Map<string, Set<string>> {
  const byVertex = new Map<string, Set<string>>();
  for (const sector of sectors)
    for (const polygon of sector.geometry)
      for (const ring of polygon)
        for (const position of ring) {
          const key = vertexKey(position);
          const codes = byVertex.get(key) ?? new Set<string>();
          codes.add(sector.code);
          byVertex.set(key, codes);
        }
  const shared = new Map<string, number>();
  for (const codes of byVertex.values()) {
    if (codes.size < 2) continue;
    const list = [...codes];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! < list[j]! ? `${list[i]}\u0000${list[j]}` : `${list[j]}\u0000${list[i]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
  }
  const neighbours = new Map<string, Set<string>>(sectors.map((s) => [s.code, new Set<string>()]));
  for (const [key, count] of shared) {
    if (count < 2) continue;
    const [a, b] = key.split('\u0000') as [string, string];
    neighbours.get(a)?.add(b);
    neighbours.get(b)?.add(a);
  }
  return neighbours;
}

export type ProposedZone = { codes: string[]; population: number; score: number; reachesTarget: boolean };

/**
 * One zone of touching sectors whose population lands in [min, max]: grown from each of the
 * `starts` most needy sectors by adding the neediest neighbour that still fits; the zone with the
 * highest average score among those reaching `min` wins (else the most populated attempt).
 */
export function proposeZone(
  ranked: RankedSector[],
  sectors: SectorFigures[],
  neighbours: Map<string, Set<string>>,
  target: { min: number; max: number },
  starts = 5,
): ProposedZone | null {
  const population = new Map(sectors.map((s) => [s.code, s.population ?? 0]));
  const score = new Map(ranked.map((r) => [r.code, r.score]));
  const attempts: ProposedZone[] = [];
  for (const start of ranked.slice(0, starts)) {
    const zone = new Set([start.code]);
    let people = population.get(start.code) ?? 0;
    if (people > target.max) continue;
    while (people < target.min) {
      const candidates = [...zone]
        .flatMap((code) => [...(neighbours.get(code) ?? [])])
        .filter((code) => !zone.has(code) && people + (population.get(code) ?? 0) <= target.max)
        .sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || a.localeCompare(b));
      const next = candidates[0];
      if (!next) break;
      zone.add(next);
      people += population.get(next) ?? 0;
    }
    const codes = [...zone];
    attempts.push({
      codes,
      population: people,
      score: codes.reduce((sum, code) => sum + (score.get(code) ?? 0), 0) / codes.length,
      reachesTarget: people >= target.min,
    });
  }
  if (attempts.length === 0) return null;
  const reaching = attempts.filter((a) => a.reachesTarget);
  const pool = reaching.length ? reaching : attempts;
  return pool.sort((a, b) => (reaching.length ? b.score - a.score : b.population - a.population))[0]!;
}
