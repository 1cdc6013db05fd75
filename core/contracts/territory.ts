/**
 * Territory (issue 6): statistical sectors, the sectors and borders of a neighbourhood, indicator
 * tables, choropleth values and the sector ranking.
 *
 *   POST /api/territory/sectors/import        coordinator, admin   GeoJSON in, sectors created/updated
 *   GET  /api/territory/sectors               signed in            sectors as a GeoJSON FeatureCollection
 *   GET  /api/territory/neighbourhoods/:id    signed in            its sectors, outline and borders
 *   PATCH /api/territory/neighbourhoods/:id   coordinator (its team), admin
 *   POST /api/territory/indicators/import     coordinator, admin   CSV in, values created/updated
 *   GET  /api/territory/indicators            signed in            indicators with their years
 *   GET  /api/territory/indicators/:code/:year signed in           one value per sector, with class breaks
 *   POST /api/territory/ranking               signed in            sectors ranked, one zone proposed
 *   GET  /api/territory/coverage              members (admin with a reason)  sessions and encounters by place
 */
import { z } from 'zod';
import { bothLanguages } from '../localized.ts';

const localized = z.object({ fr: z.string(), en: z.string() });
const position = z.tuple([z.number(), z.number()]);
export const multiPolygonSchema = z.array(z.array(z.array(position)));

export const sectorImportBodySchema = z.strictObject({
  /** The GeoJSON FeatureCollection as the publisher gives it; checked by the server, feature by feature. */
  geojson: z.record(z.string(), z.unknown()),
  /** An EPSG code, when the file does not say its projection. */
  projection: z.string().trim().max(80).optional(),
  codeProperty: z.string().trim().min(1).max(80).optional(),
  nameProperty: z.string().trim().min(1).max(80).optional(),
  source: z.string().trim().max(200).optional(),
  dryRun: z.boolean().default(false),
});

export const sectorImportResultSchema = z.object({
  dryRun: z.boolean(),
  projection: z.string(),
  codeProperty: z.string(),
  nameProperty: z.string().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
});

export const sectorQuerySchema = z.strictObject({
  neighbourhoodId: z.uuid().optional(),
  /** west,south,east,north in degrees: only the sectors in view. */
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/)
    .optional(),
});

export const sectorFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: multiPolygonSchema }),
  properties: z.object({
    id: z.uuid(),
    code: z.string(),
    name: z.string().nullable(),
    areaSquareMetres: z.number(),
    neighbourhoodIds: z.array(z.uuid()),
  }),
});
export const sectorCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(sectorFeatureSchema),
});
export type SectorCollection = z.infer<typeof sectorCollectionSchema>;

export const neighbourhoodTerritorySchema = z.object({
  neighbourhoodId: z.uuid(),
  sectorIds: z.array(z.uuid()),
  outline: multiPolygonSchema.nullable(),
  areaSquareMetres: z.number().nullable(),
  realBorders: z.string().nullable(),
  symbolicBorders: z.string().nullable(),
  version: z.number().int(),
});
export type NeighbourhoodTerritory = z.infer<typeof neighbourhoodTerritorySchema>;

export const neighbourhoodTerritoryBodySchema = z.strictObject({
  sectorIds: z.array(z.uuid()).max(2000).optional(),
  realBorders: z.string().trim().max(4000).nullable().optional(),
  symbolicBorders: z.string().trim().max(4000).nullable().optional(),
  baseVersion: z.number().int().min(1).optional(),
});

export const indicatorImportBodySchema = z.strictObject({
  /** The table as text (CSV with a header row). */
  csv: z.string().min(1).max(20_000_000),
  dryRun: z.boolean().default(false),
});

export const indicatorImportResultSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  indicators: z.array(z.object({ code: z.string(), years: z.array(z.number().int()) })),
});

export const indicatorSchema = z.object({
  code: z.string(),
  label: localized,
  unit: z.string().nullable(),
  need: z.enum(['higher', 'lower']).nullable(),
  years: z.array(z.number().int()),
});
export const indicatorListSchema = z.object({ items: z.array(indicatorSchema) });
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorParamsSchema = z.strictObject({
  code: z.string().min(1).max(80),
  year: z.coerce.number().int().min(1900).max(2100),
});

export const indicatorMapSchema = z.object({
  indicator: indicatorSchema,
  year: z.number().int(),
  values: z.array(z.object({ sectorId: z.uuid(), code: z.string(), value: z.number() })),
  /** Quintile breaks (four values) for a five-class choropleth; fewer when values repeat. */
  breaks: z.array(z.number()),
});
export type IndicatorMap = z.infer<typeof indicatorMapSchema>;

export const rankingBodySchema = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        indicator: z.string().min(1).max(80),
        year: z.number().int().min(1900).max(2100),
        weight: z.number().min(0).max(100),
        need: z.enum(['higher', 'lower']),
      }),
    )
    .min(1)
    .max(20),
  population: z.strictObject({ indicator: z.string().min(1).max(80), year: z.number().int().min(1900).max(2100) }),
  target: z
    .strictObject({ min: z.number().int().min(0), max: z.number().int().min(1) })
    .refine(
      (t) => t.min <= t.max,
      bothLanguages('Le maximum doit être au moins le minimum.', 'The maximum must be at least the minimum.', ['max']),
    ),
  /** Rank only these sectors (a city's); all sectors otherwise. */
  sectorIds: z.array(z.uuid()).max(20_000).optional(),
});

export const rankingSchema = z.object({
  ranked: z.array(
    z.object({
      sectorId: z.uuid(),
      code: z.string(),
      name: z.string().nullable(),
      score: z.number(),
      parts: z.record(z.string(), z.number().nullable()),
      missing: z.array(z.string()),
      population: z.number().nullable(),
    }),
  ),
  zone: z
    .object({
      sectorIds: z.array(z.uuid()),
      population: z.number(),
      score: z.number(),
      reachesTarget: z.boolean(),
    })
    .nullable(),
});
export type Ranking = z.infer<typeof rankingSchema>;

export const coverageQuerySchema = z
  .strictObject({
    teamId: z.uuid().optional(),
    from: z.iso.date(),
    to: z.iso.date(),
    by: z.enum(['place', 'neighbourhood']).default('place'),
  })
  .refine(
    (query) => query.from <= query.to,
    bothLanguages(
      'La fin de la période ne peut précéder son début.',
      'The end of the period cannot come before its start.',
      ['to'],
    ),
  );

export const coverageZoneSchema = z.object({
  /** The place (by place) or the neighbourhood (by neighbourhood); null: field work with no place. */
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  kind: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  sessions: z.number().int(),
  encounters: z.number().int(),
  /** The last day anyone was there, up to `to` (any time before the period too). */
  lastVisit: z.iso.date().nullable(),
  daysSinceLastVisit: z.number().int().nullable(),
});

export const coverageSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  by: z.enum(['place', 'neighbourhood']),
  zones: z.array(coverageZoneSchema),
  total: z.object({ sessions: z.number().int(), encounters: z.number().int() }),
});
export type Coverage = z.infer<typeof coverageSchema>;
