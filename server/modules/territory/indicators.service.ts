import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  Indicator,
  IndicatorMap,
  indicatorImportBodySchema,
  Ranking,
  rankingBodySchema,
} from '../../../core/contracts/territory.ts';
import { text } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';
import { indicatorDefinitions, indicatorValues, sectors } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { readIndicators } from './indicators.csv.ts';
import { neighboursOf, proposeZone, rankSectors } from './sector-ranking.ts';

/**
 * Imports an indicator table: read and checked whole (422 naming each bad row and column), then
 * every value created or replaced in one transaction. A code without a definition gets one named
 * after itself, which a coordinator can relabel.
 */
export async function importIndicators(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof indicatorImportBodySchema>,
) {
  const sectorRows = await db.select({ id: sectors.id, code: sectors.code }).from(sectors);
  const sectorId = new Map(sectorRows.map((s) => [s.code, s.id]));
  const read = readIndicators(body.csv, new Set(sectorId.keys()));
  if (!read.ok)
    throw new AppError(
      422,
      'invalid_indicators',
      text('Le tableau est refusé : rien n’a été importé.', 'The table is refused: nothing was imported.'),
      read.problems.map((p) => ({
        path: p.row === null ? `csv${p.column ? `.${p.column}` : ''}` : `csv.${p.row}${p.column ? `.${p.column}` : ''}`,
        message: p.message,
      })),
    );
  const existing = await db
    .select({ sectorId: indicatorValues.sectorId, indicator: indicatorValues.indicator, year: indicatorValues.year })
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicator, [...new Set(read.rows.map((r) => r.indicator))]));
  const known = new Set(existing.map((e) => `${e.sectorId} ${e.indicator} ${e.year}`));
  const updated = read.rows.filter((r) => known.has(`${sectorId.get(r.sectorCode)} ${r.indicator} ${r.year}`)).length;
  const years = new Map<string, Set<number>>();
  for (const row of read.rows) years.set(row.indicator, (years.get(row.indicator) ?? new Set()).add(row.year));
  const result = {
    dryRun: body.dryRun,
    rows: read.rows.length,
    created: read.rows.length - updated,
    updated,
    indicators: [...years].map(([code, set]) => ({ code, years: [...set].sort() })),
  };
  if (body.dryRun) return result;
  await db.transaction(async (tx) => {
    await tx
      .insert(indicatorDefinitions)
      .values([...years.keys()].map((code) => ({ code, labelFr: code, labelEn: code })))
      .onConflictDoNothing();
    for (let start = 0; start < read.rows.length; start += 1000) {
      const batch = read.rows.slice(start, start + 1000).map((row) => ({
        sectorId: sectorId.get(row.sectorCode)!,
        indicator: row.indicator,
        year: row.year,
        value: row.value,
        source: row.source,
        importedAt: new Date(),
      }));
      await tx
        .insert(indicatorValues)
        .values(batch)
        .onConflictDoUpdate({
          target: [indicatorValues.sectorId, indicatorValues.indicator, indicatorValues.year],
          set: { value: sql`excluded.value`, source: sql`excluded.source`, importedAt: sql`excluded.imported_at` },
        });
    }
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'indicator_values',
      details: { created: result.created, updated, indicators: result.indicators },
    });
  });
  return result;
}

export async function listIndicators(db: Database): Promise<{ items: Indicator[] }> {
  const rows = await db
    .select({
      code: indicatorDefinitions.code,
      labelFr: indicatorDefinitions.labelFr,
      labelEn: indicatorDefinitions.labelEn,
      unit: indicatorDefinitions.unit,
      need: indicatorDefinitions.need,
      years: sql<
        number[]
      >`coalesce((select array_agg(distinct v.year order by v.year) from indicator_values v where v.indicator = ${indicatorDefinitions.code}), '{}')`,
    })
    .from(indicatorDefinitions)
    .orderBy(asc(indicatorDefinitions.labelFr));
  return {
    items: rows.map((row) => ({
      code: row.code,
      label: { fr: row.labelFr, en: row.labelEn },
      unit: row.unit,
      need: row.need as Indicator['need'],
      years: (row.years ?? []).map(Number),
    })),
  };
}

/** Quintile breaks of the values, for a five-class map; repeated breaks collapse. */
function quintiles(values: number[]): number[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return [...new Set([0.2, 0.4, 0.6, 0.8].map(at))];
}

export async function indicatorMap(db: Database, code: string, year: number): Promise<IndicatorMap> {
  const indicator = (await listIndicators(db)).items.find((item) => item.code === code);
  if (!indicator) throw notFound(text('Indicateur', 'Indicator'));
  const values = await db
    .select({ sectorId: indicatorValues.sectorId, code: sectors.code, value: indicatorValues.value })
    .from(indicatorValues)
    .innerJoin(sectors, eq(sectors.id, indicatorValues.sectorId))
    .where(and(eq(indicatorValues.indicator, code), eq(indicatorValues.year, year)))
    .orderBy(asc(sectors.code));
  return { indicator, year, values, breaks: quintiles(values.map((v) => v.value)) };
}

/** Seed 004's choice of a neighbourhood: sectors ranked on weighted need, and one zone proposed. */
export async function rankTerritory(db: Database, body: z.output<typeof rankingBodySchema>): Promise<Ranking> {
  const codes = body.criteria.map((c) => c.indicator);
  const twice = codes.findIndex((code, index) => codes.indexOf(code) !== index);
  if (twice >= 0)
    throw invalidField(
      `criteria.${twice}.indicator`,
      text('Chaque indicateur ne compte qu’une fois.', 'Each indicator counts once.'),
    );
  const sectorRows = await db
    .select({ id: sectors.id, code: sectors.code, name: sectors.name, geometry: sectors.geometry })
    .from(sectors)
    .where(body.sectorIds ? inArray(sectors.id, body.sectorIds) : undefined);
  const wanted = [
    ...body.criteria.map((c) => [c.indicator, c.year] as const),
    [body.population.indicator, body.population.year] as const,
  ];
  const values = sectorRows.length
    ? await db
        .select({
          sectorId: indicatorValues.sectorId,
          indicator: indicatorValues.indicator,
          year: indicatorValues.year,
          value: indicatorValues.value,
        })
        .from(indicatorValues)
        .where(
          and(
            inArray(
              indicatorValues.sectorId,
              sectorRows.map((s) => s.id),
            ),
            inArray(
              indicatorValues.indicator,
              wanted.map(([code]) => code),
            ),
          ),
        )
    : [];
  const byCode = new Map(sectorRows.map((s) => [s.code, s]));
  const figures = sectorRows.map((sector) => {
    const mine = values.filter((v) => v.sectorId === sector.id);
    const find = (code: string, year: number) => mine.find((v) => v.indicator === code && v.year === year)?.value;
    return {
      code: sector.code,
      values: Object.fromEntries(body.criteria.map((c) => [c.indicator, find(c.indicator, c.year)])),
      population: find(body.population.indicator, body.population.year) ?? null,
    };
  });
  const ranked = rankSectors(figures, body.criteria);
  const zone = proposeZone(ranked, figures, neighboursOf(sectorRows), body.target);
  const population = new Map(figures.map((f) => [f.code, f.population]));
  return {
    ranked: ranked.map((r) => ({
      sectorId: byCode.get(r.code)!.id,
      code: r.code,
      name: byCode.get(r.code)!.name,
      score: r.score,
      parts: r.parts,
      missing: r.missing,
      population: population.get(r.code) ?? null,
    })),
    zone: zone
      ? {
          sectorIds: zone.codes.map((code) => byCode.get(code)!.id),
          population: zone.population,
          score: zone.score,
          reachesTarget: zone.reachesTarget,
        }
      : null,
  };
}
