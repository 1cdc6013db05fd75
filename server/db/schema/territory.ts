import { sql } from 'drizzle-orm';
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { neighbourhoods, users } from './accounts.ts';

/** A GeoJSON MultiPolygon in WGS84 longitude/latitude: rings of [lon, lat] positions. */
type MultiPolygon = [number, number][][][];

/**
 * A statistical sector (secteur statistique, aire de diffusion) as published, reprojected to WGS84
 * when imported (decision 0016). Public statistics, not personal data: every team reads them.
 */
export const sectors = pgTable(
  'sectors',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name'),
    geometry: jsonb('geometry').$type<MultiPolygon>().notNull(),
    /** Bounding box, for the map's "what is in view" without reading every geometry. */
    west: doublePrecision('west').notNull(),
    south: doublePrecision('south').notNull(),
    east: doublePrecision('east').notNull(),
    north: doublePrecision('north').notNull(),
    areaSquareMetres: doublePrecision('area_square_metres').notNull(),
    source: text('source'),
    projection: text('projection').notNull(),
    properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sectors_bbox_idx').on(table.west, table.east, table.south, table.north)],
);

/** A neighbourhood is a set of sectors; its outline is computed from them. */
export const neighbourhoodSectors = pgTable(
  'neighbourhood_sectors',
  {
    neighbourhoodId: uuid('neighbourhood_id')
      .notNull()
      .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id, { onDelete: 'cascade' }),
  },
  (table) => [
    primaryKey({ columns: [table.neighbourhoodId, table.sectorId] }),
    index('neighbourhood_sectors_sector_idx').on(table.sectorId),
  ],
);

/**
 * What the team knows of a neighbourhood's shape: the outline of its sectors, and the borders
 * people live with — real ones (a canal, a motorway) and symbolic ones (seeds 000 and 002).
 */
export const neighbourhoodTerritories = pgTable('neighbourhood_territories', {
  neighbourhoodId: uuid('neighbourhood_id')
    .primaryKey()
    .references(() => neighbourhoods.id, { onDelete: 'cascade' }),
  outline: jsonb('outline').$type<MultiPolygon>(),
  areaSquareMetres: doublePrecision('area_square_metres'),
  realBorders: text('real_borders'),
  symbolicBorders: text('symbolic_borders'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An indicator's name and reading: which way means more need (for the sector ranking). The usual
 * ones are seeded at start-up; an imported table may bring others, named by their code.
 */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    code: text('code').primaryKey(),
    labelFr: text('label_fr').notNull(),
    labelEn: text('label_en').notNull(),
    unit: text('unit'),
    need: text('need'),
  },
  (table) => [check('indicator_definitions_need', sql`${table.need} is null or ${table.need} in ('higher', 'lower')`)],
);

/** One figure: a sector's indicator for a year, with its source. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id, { onDelete: 'cascade' }),
    /** An indicator code; its label comes from `indicator_definitions` when there is one. */
    indicator: text('indicator').notNull(),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.sectorId, table.indicator, table.year] }),
    index('indicator_values_indicator_idx').on(table.indicator, table.year),
    check('indicator_values_year', sql`${table.year} between 1900 and 2100`),
  ],
);
