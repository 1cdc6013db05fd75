import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  NeighbourhoodTerritory,
  neighbourhoodTerritoryBodySchema,
  SectorCollection,
  sectorImportBodySchema,
  sectorQuerySchema,
} from '../../../core/contracts/territory.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { neighbourhoodSectors, neighbourhoods, neighbourhoodTerritories, sectors } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { areaOf, type MultiPolygon, outlineOf, readSectors } from './sectors.geojson.ts';

const neighbourhoodLabel = text('Quartier', 'Neighbourhood');

function boundsOf(geometry: MultiPolygon) {
  let west = 180;
  let south = 90;
  let east = -180;
  let north = -90;
  for (const polygon of geometry)
    for (const ring of polygon)
      for (const [lon, lat] of ring) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
  return { west, south, east, north };
}

/**
 * Imports sectors: every feature checked and reprojected first; nothing is written unless all are
 * right (422 naming each bad feature). A sector already known by its code is updated in place, so
 * a new edition of the same file refreshes shapes without breaking neighbourhoods.
 */
export async function importSectors(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof sectorImportBodySchema>,
) {
  const read = readSectors(body.geojson, body);
  if (!read.ok)
    throw new AppError(
      422,
      'invalid_sectors',
      text(
        'Le fichier de secteurs est refusé : rien n’a été importé.',
        'The sector file is refused: nothing was imported.',
      ),
      read.problems.map((p) => ({
        path: p.feature === null ? 'geojson' : `geojson.features.${p.feature}`,
        message: p.message,
      })),
    );
  const codes = read.sectors.map((s) => s.code);
  const known = new Set<string>();
  for (let start = 0; start < codes.length; start += 5000) {
    const rows = await db
      .select({ code: sectors.code })
      .from(sectors)
      .where(inArray(sectors.code, codes.slice(start, start + 5000)));
    for (const row of rows) known.add(row.code);
  }
  const result = {
    dryRun: body.dryRun,
    projection: read.projection,
    codeProperty: read.codeProperty,
    nameProperty: read.nameProperty,
    created: codes.filter((c) => !known.has(c)).length,
    updated: known.size,
  };
  if (body.dryRun) return result;
  const actor = actorOf(request);
  await db.transaction(async (tx) => {
    for (const sector of read.sectors) {
      const values = {
        name: sector.name,
        geometry: sector.geometry,
        ...boundsOf(sector.geometry),
        areaSquareMetres: areaOf(sector.geometry),
        source: body.source ?? null,
        projection: read.projection,
        properties: sector.properties,
        importedBy: actor.id,
        importedAt: new Date(),
      };
      await tx
        .insert(sectors)
        .values({ id: uuidv7(), code: sector.code, ...values })
        .onConflictDoUpdate({ target: sectors.code, set: values });
    }
    // Neighbourhoods drawn with these sectors get their outline again.
    const touched = await tx
      .selectDistinct({ id: neighbourhoodSectors.neighbourhoodId })
      .from(neighbourhoodSectors)
      .innerJoin(sectors, eq(sectors.id, neighbourhoodSectors.sectorId))
      .where(inArray(sectors.code, codes));
    for (const { id } of touched) await refreshOutline(tx, id, actor.id);
    await recordAudit(tx, request, {
      action: 'create',
      entityType: 'sectors',
      details: {
        created: result.created,
        updated: result.updated,
        source: body.source ?? null,
        projection: read.projection,
      },
    });
  });
  return result;
}

export async function listSectors(db: Database, query: z.infer<typeof sectorQuerySchema>): Promise<SectorCollection> {
  const conditions = [];
  if (query.bbox) {
    const [west, south, east, north] = query.bbox.split(',').map(Number) as [number, number, number, number];
    conditions.push(
      lte(sectors.west, east),
      gte(sectors.east, west),
      lte(sectors.south, north),
      gte(sectors.north, south),
    );
  }
  if (query.neighbourhoodId)
    conditions.push(
      sql`${sectors.id} in (select sector_id from neighbourhood_sectors where neighbourhood_id = ${query.neighbourhoodId})`,
    );
  const rows = await db
    .select({
      id: sectors.id,
      code: sectors.code,
      name: sectors.name,
      geometry: sectors.geometry,
      areaSquareMetres: sectors.areaSquareMetres,
      neighbourhoodIds: sql<
        string[]
      >`coalesce((select array_agg(ns.neighbourhood_id) from neighbourhood_sectors ns where ns.sector_id = ${sectors.id}), '{}')`,
    })
    .from(sectors)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(sectors.code));
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: row.id,
      geometry: { type: 'MultiPolygon' as const, coordinates: row.geometry },
      properties: {
        id: row.id,
        code: row.code,
        name: row.name,
        areaSquareMetres: row.areaSquareMetres,
        neighbourhoodIds: row.neighbourhoodIds ?? [],
      },
    })),
  };
}

async function findNeighbourhood(db: Database | Tx, id: string) {
  const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.id, id));
  if (!row) throw notFound(neighbourhoodLabel);
  return row;
}

export async function neighbourhoodTerritory(db: Database | Tx, id: string): Promise<NeighbourhoodTerritory> {
  await findNeighbourhood(db, id);
  const [territory] = await db
    .select()
    .from(neighbourhoodTerritories)
    .where(eq(neighbourhoodTerritories.neighbourhoodId, id));
  const members = await db
    .select({ id: neighbourhoodSectors.sectorId })
    .from(neighbourhoodSectors)
    .innerJoin(sectors, eq(sectors.id, neighbourhoodSectors.sectorId))
    .where(eq(neighbourhoodSectors.neighbourhoodId, id))
    .orderBy(asc(sectors.code));
  return {
    neighbourhoodId: id,
    sectorIds: members.map((m) => m.id),
    outline: territory?.outline ?? null,
    areaSquareMetres: territory?.areaSquareMetres ?? null,
    realBorders: territory?.realBorders ?? null,
    symbolicBorders: territory?.symbolicBorders ?? null,
    version: territory?.version ?? 0,
  };
}

/** The neighbourhood's outline from its sectors, written beside its border notes. */
async function refreshOutline(tx: Tx, neighbourhoodId: string, actorId: string) {
  const members = await tx
    .select({ geometry: sectors.geometry })
    .from(neighbourhoodSectors)
    .innerJoin(sectors, eq(sectors.id, neighbourhoodSectors.sectorId))
    .where(eq(neighbourhoodSectors.neighbourhoodId, neighbourhoodId));
  const outline = members.length ? outlineOf(members.map((m) => m.geometry)) : null;
  const values = {
    outline,
    areaSquareMetres: outline ? areaOf(outline) : null,
    updatedBy: actorId,
    updatedAt: new Date(),
  };
  await tx
    .insert(neighbourhoodTerritories)
    .values({ neighbourhoodId, ...values })
    .onConflictDoUpdate({
      target: neighbourhoodTerritories.neighbourhoodId,
      set: { ...values, version: sql`${neighbourhoodTerritories.version} + 1` },
    });
}

/**
 * Draws a neighbourhood from sectors and notes its borders: the coordinator of the team that
 * serves it, or an admin. Versioned (baseVersion), like every shared record.
 */
export async function saveNeighbourhoodTerritory(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof neighbourhoodTerritoryBodySchema>,
) {
  const actor = actorOf(request);
  const neighbourhood = await findNeighbourhood(db, id);
  if (actor.role !== 'admin' && !actor.teamIds.includes(neighbourhood.teamId)) throw forbidden();
  return db.transaction(async (tx) => {
    const current = await neighbourhoodTerritory(tx, id);
    if (body.baseVersion !== undefined && body.baseVersion !== current.version) throw new VersionConflict(current);
    if (body.sectorIds) {
      const found = body.sectorIds.length
        ? await tx.select({ id: sectors.id }).from(sectors).where(inArray(sectors.id, body.sectorIds))
        : [];
      const missing = body.sectorIds.filter((s) => !found.some((f) => f.id === s));
      if (missing.length)
        throw new AppError(
          422,
          'unknown_reference',
          text('Des secteurs sont introuvables.', 'Some sectors were not found.'),
          missing.map((sectorId) => ({
            path: `sectorIds.${body.sectorIds!.indexOf(sectorId)}`,
            message: text('Secteur introuvable.', 'Sector not found.'),
          })),
        );
      await tx.delete(neighbourhoodSectors).where(eq(neighbourhoodSectors.neighbourhoodId, id));
      if (body.sectorIds.length)
        await tx
          .insert(neighbourhoodSectors)
          .values([...new Set(body.sectorIds)].map((sectorId) => ({ neighbourhoodId: id, sectorId })));
    }
    await refreshOutline(tx, id, actor.id);
    const notes: Partial<typeof neighbourhoodTerritories.$inferInsert> = {};
    if (body.realBorders !== undefined) notes.realBorders = body.realBorders;
    if (body.symbolicBorders !== undefined) notes.symbolicBorders = body.symbolicBorders;
    if (Object.keys(notes).length)
      await tx.update(neighbourhoodTerritories).set(notes).where(eq(neighbourhoodTerritories.neighbourhoodId, id));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'neighbourhood_territory',
      entityId: id,
      teamId: neighbourhood.teamId,
      details: { sectors: body.sectorIds?.length ?? null, borders: Object.keys(notes) },
    });
    return neighbourhoodTerritory(tx, id);
  });
}
