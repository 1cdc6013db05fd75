import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DiagnosticFigures } from '../../../core/contracts/diagnostic.ts';
import { suppressed } from '../../../core/small-cells.ts';
import type { Database } from '../../db/client.ts';
import { indicatorDefinitions, indicatorValues, neighbourhoodSectors, places } from '../../db/schema/index.ts';
import type { NetworkPool } from '../network/network.pool.ts';
import { network } from '../network/network.service.ts';
import { openSignalsOf } from '../signals/signals.service.ts';
import { coverage } from '../territory/coverage.service.ts';

type Neighbourhood = { id: string; teamId: string };
type IndicatorRow = {
  sectorId: string;
  indicator: string;
  year: number;
  value: number;
  source: string | null;
  labelFr: string | null;
  labelEn: string | null;
  unit: string | null;
};

/** Counts of inhabitants add up across sectors; everything else is a rate or a level. */
const isHeadcount = (row: { indicator: string; unit: string | null }) =>
  row.indicator === 'population' || row.unit === 'habitants' || row.unit === 'inhabitants';

/** The population of a sector in `year`, else in the nearest earlier year, else the nearest later one. */
function populationFor(rows: IndicatorRow[], sectorId: string, year: number): number | undefined {
  const known = rows.filter((r) => r.indicator === 'population' && r.sectorId === sectorId);
  const before = known.filter((r) => r.year <= year).sort((a, b) => b.year - a.year)[0];
  return (before ?? known.sort((a, b) => a.year - b.year)[0])?.value;
}

/**
 * The neighbourhood's indicators, each for its latest year: headcounts summed over its sectors,
 * other indicators weighted by each sector's population (a plain mean when a sector's population
 * is unknown), with the sources named.
 */
export function joinIndicators(rows: IndicatorRow[]): DiagnosticFigures['indicators'] {
  const codes = [...new Set(rows.map((r) => r.indicator))].sort();
  return codes.map((code) => {
    const ofCode = rows.filter((r) => r.indicator === code);
    const year = Math.max(...ofCode.map((r) => r.year));
    const current = ofCode.filter((r) => r.year === year);
    const first = current[0]!;
    const sources = [...new Set(current.map((r) => r.source).filter((s): s is string => Boolean(s)))];
    const base = {
      code,
      label: { fr: first.labelFr ?? code, en: first.labelEn ?? code },
      unit: first.unit,
      year,
      sectors: current.length,
      source: sources.length ? sources.join(' ; ') : null,
    };
    if (isHeadcount(first))
      return { ...base, value: current.reduce((sum, r) => sum + r.value, 0), method: 'sum' as const };
    const weights = current.map((r) => populationFor(rows, r.sectorId, year));
    if (weights.every((w) => w !== undefined && w > 0)) {
      const total = weights.reduce<number>((sum, w) => sum + (w ?? 0), 0);
      const value = current.reduce((sum, r, i) => sum + r.value * (weights[i] ?? 0), 0) / total;
      return { ...base, value: Math.round(value * 100) / 100, method: 'populationWeighted' as const };
    }
    const mean = current.reduce((sum, r) => sum + r.value, 0) / current.length;
    return { ...base, value: Math.round(mean * 100) / 100, method: 'mean' as const };
  });
}

async function indicatorsOf(db: Database, neighbourhoodId: string) {
  const sectorIds = (
    await db
      .select({ id: neighbourhoodSectors.sectorId })
      .from(neighbourhoodSectors)
      .where(eq(neighbourhoodSectors.neighbourhoodId, neighbourhoodId))
  ).map((s) => s.id);
  if (!sectorIds.length) return { sectorCount: 0, indicators: [] };
  const rows = await db
    .select({
      sectorId: indicatorValues.sectorId,
      indicator: indicatorValues.indicator,
      year: indicatorValues.year,
      value: indicatorValues.value,
      source: indicatorValues.source,
      labelFr: indicatorDefinitions.labelFr,
      labelEn: indicatorDefinitions.labelEn,
      unit: indicatorDefinitions.unit,
    })
    .from(indicatorValues)
    .leftJoin(indicatorDefinitions, eq(indicatorDefinitions.code, indicatorValues.indicator))
    .where(inArray(indicatorValues.sectorId, sectorIds));
  return { sectorCount: sectorIds.length, indicators: joinIndicators(rows) };
}

async function coverageOf(db: Database, request: FastifyRequest, hood: Neighbourhood, from: string, to: string) {
  const query = { teamId: hood.teamId, from, to };
  const [byHood, byPlace, ownPlaces] = await Promise.all([
    coverage(db, request, { ...query, by: 'neighbourhood' }),
    coverage(db, request, { ...query, by: 'place' }),
    db
      .select({ id: places.id })
      .from(places)
      .where(and(eq(places.neighbourhoodId, hood.id), eq(places.teamId, hood.teamId), eq(places.active, true)))
      .orderBy(asc(places.name)),
  ]);
  const zone = byHood.zones.find((z) => z.id === hood.id);
  const mine = new Set(ownPlaces.map((p) => p.id));
  const placeZones = byPlace.zones.filter((z) => z.id && mine.has(z.id));
  return {
    sessions: zone?.sessions ?? 0,
    encounters: suppressed(zone?.encounters ?? 0),
    lastVisit: zone?.lastVisit ?? null,
    places: placeZones.length,
    placesNotVisited: placeZones
      .filter((z) => z.sessions + z.encounters === 0)
      .map((z) => ({ name: z.name ?? '', lastVisit: z.lastVisit })),
  };
}

async function networkOf(db: Database, pool: NetworkPool, request: FastifyRequest, hood: Neighbourhood, at: string) {
  const graph = await network(db, pool, request, { teamId: hood.teamId, neighbourhoodId: hood.id, at, window: 365 });
  const bridging = graph.nodes.filter((n) => n.bridging);
  return {
    actors: graph.nodes.length,
    ties: graph.edges.length,
    isolated: graph.nodes.filter((n) => n.isolated).length,
    bridging: bridging.length,
    communities: graph.communities,
    // Organisations only: key persons are people the team knows, not names for a document.
    bridgingOrganisations: bridging
      .filter((n) => n.kind === 'organisation')
      .sort((a, b) => b.betweenness - a.betweenness)
      .slice(0, 5)
      .map((n) => n.name),
  };
}

/**
 * The figures a diagnostic shows beside the team's text, computed now: the neighbourhood's
 * indicators, the team's outreach there over the period, its open need signals and its network.
 */
export async function liveFigures(
  db: Database,
  pool: NetworkPool,
  request: FastifyRequest,
  hood: Neighbourhood,
  periodFrom: string,
  periodTo: string,
): Promise<DiagnosticFigures> {
  const [indicators, coverageFigures, signals, networkFigures] = await Promise.all([
    indicatorsOf(db, hood.id),
    coverageOf(db, request, hood, periodFrom, periodTo),
    openSignalsOf(db, hood.id, hood.teamId),
    networkOf(db, pool, request, hood, periodTo),
  ]);
  return {
    computedAt: new Date().toISOString(),
    periodFrom,
    periodTo,
    ...indicators,
    coverage: coverageFigures,
    signals: signals.map((s) => ({
      id: s.id,
      need: s.need,
      needLabel: s.needLabel,
      status: s.status,
      encounters: s.encounters,
      people: s.people,
    })),
    network: networkFigures,
  };
}
