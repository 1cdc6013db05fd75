import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  createPlaceBodySchema,
  Place,
  placeListQuerySchema,
  updatePlaceBodySchema,
} from '../../../core/contracts/places.ts';
import type { PlaceKind } from '../../../core/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { neighbourhoods, places } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { canWrite, writeTeam } from '../fieldwork/fieldwork.policy.ts';

type PlaceRow = typeof places.$inferSelect;
const placeLabel = text('Lieu', 'Place');

function presentPlace(row: PlaceRow): Place {
  return {
    id: row.id,
    teamId: row.teamId,
    neighbourhoodId: row.neighbourhoodId,
    name: row.name,
    kind: row.kind as PlaceKind,
    zone: row.zone,
    location:
      row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude },
    active: row.active,
    version: row.version,
  };
}

/** Places are not about people: every member sees their teams' places, an admin sees all. */
function visibleTeams(actor: Actor): string[] | undefined {
  return actor.role === 'admin' ? undefined : actor.teamIds;
}

export async function listPlaces(
  db: Database | Tx,
  actor: Actor,
  query: Partial<z.infer<typeof placeListQuerySchema>> = {},
) {
  const visible = visibleTeams(actor);
  const teams = query.teamId ? (visible && !visible.includes(query.teamId) ? [] : [query.teamId]) : visible;
  if (teams && teams.length === 0) return { items: [] };
  const conditions = [];
  if (teams) conditions.push(inArray(places.teamId, teams));
  if (query.includeInactive !== 'true') conditions.push(eq(places.active, true));
  const rows = await db
    .select()
    .from(places)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(places.name), asc(places.id));
  return { items: rows.map(presentPlace) };
}

async function assertNeighbourhoodOfTeam(
  db: Database | Tx,
  neighbourhoodId: string | null | undefined,
  teamId: string,
) {
  if (!neighbourhoodId) return;
  const [row] = await db
    .select({ teamId: neighbourhoods.teamId })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.id, neighbourhoodId));
  if (!row || row.teamId !== teamId)
    throw invalidField(
      'neighbourhoodId',
      text('Ce quartier n’est pas servi par cette équipe.', 'This neighbourhood is not served by this team.'),
    );
}

export async function createPlace(db: Database, request: FastifyRequest, body: z.output<typeof createPlaceBodySchema>) {
  const actor = actorOf(request);
  const teamId = writeTeam(actor, body.teamId);
  await assertNeighbourhoodOfTeam(db, body.neighbourhoodId, teamId);
  const id = body.id ?? uuidv7();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(places)
      .values({
        id,
        teamId,
        neighbourhoodId: body.neighbourhoodId ?? null,
        name: body.name,
        kind: body.kind,
        zone: body.zone ?? null,
        latitude: body.location?.latitude ?? null,
        longitude: body.location?.longitude ?? null,
      })
      .returning();
    await recordAudit(tx, request, { action: 'create', entityType: 'place', entityId: id, teamId });
    return presentPlace(row as PlaceRow);
  });
}

export async function updatePlace(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updatePlaceBodySchema>,
) {
  const actor = actorOf(request);
  const [current] = await db.select().from(places).where(eq(places.id, id));
  if (!current || !canWrite(actor, current.teamId)) throw notFound(placeLabel);
  await assertNeighbourhoodOfTeam(db, body.neighbourhoodId, current.teamId);
  const { baseVersion, location, ...rest } = body;
  const fields = {
    ...rest,
    ...(location === undefined ? {} : { latitude: location?.latitude ?? null, longitude: location?.longitude ?? null }),
  };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(places)
      .set({ ...fields, version: sql`${places.version} + 1`, updatedAt: new Date() })
      .where(and(eq(places.id, id), eq(places.version, baseVersion)))
      .returning();
    if (!row) {
      const [now] = await tx.select().from(places).where(eq(places.id, id));
      throw new VersionConflict(now ? presentPlace(now) : null);
    }
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'place',
      entityId: id,
      teamId: row.teamId,
      details: { fields: Object.keys(fields) },
    });
    return presentPlace(row);
  });
}
