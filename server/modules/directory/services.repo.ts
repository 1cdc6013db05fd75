import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  actors,
  serviceContacts,
  serviceLocations,
  serviceNeighbourhoods,
  serviceSchedules,
  serviceStatuses,
  services,
  users,
} from '../../db/schema/index.ts';
import { openNowSql } from './directory.search.ts';

export type ServiceRow = typeof services.$inferSelect;
export type LocationInput = Omit<typeof serviceLocations.$inferInsert, 'serviceId' | 'id'> & { id?: string };
export type ScheduleInput = Omit<typeof serviceSchedules.$inferInsert, 'serviceId' | 'id'> & { id?: string };
export type ContactInput = Omit<typeof serviceContacts.$inferInsert, 'serviceId' | 'id'> & { id?: string };
export type ServiceLists = {
  locations?: LocationInput[];
  schedules?: ScheduleInput[];
  contacts?: ContactInput[];
  neighbourhoodIds?: string[];
};

export async function findService(db: Database | Tx, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row;
}

export async function serviceChildren(db: Database | Tx, row: ServiceRow, timeZone: string) {
  const [organisation, locations, schedules, contacts, neighbourhoods, open] = await Promise.all([
    db.select({ id: actors.id, name: actors.name, kind: actors.kind }).from(actors).where(eq(actors.id, row.actorId)),
    db
      .select()
      .from(serviceLocations)
      .where(eq(serviceLocations.serviceId, row.id))
      .orderBy(asc(serviceLocations.name), asc(serviceLocations.id)),
    db
      .select()
      .from(serviceSchedules)
      .where(eq(serviceSchedules.serviceId, row.id))
      .orderBy(sql`${serviceSchedules.weekday} nulls last`, asc(serviceSchedules.opensAt), asc(serviceSchedules.id)),
    db.select().from(serviceContacts).where(eq(serviceContacts.serviceId, row.id)).orderBy(asc(serviceContacts.id)),
    db
      .select({ id: serviceNeighbourhoods.neighbourhoodId })
      .from(serviceNeighbourhoods)
      .where(eq(serviceNeighbourhoods.serviceId, row.id)),
    db.execute(sql`select ${openNowSql(timeZone)} as open from services s where s.id = ${row.id}`),
  ]);
  const openRow = (open as unknown as { rows: { open: boolean }[] }).rows[0];
  return {
    organisation: organisation[0] as { id: string; name: string; kind: string },
    locations,
    schedules,
    contacts,
    neighbourhoodIds: neighbourhoods.map((n) => n.id).sort(),
    openNow: !!openRow?.open,
  };
}

/** Child ids a request names that already belong to another service: refused, never taken over. */
export async function foreignChildIds(db: Database | Tx, serviceId: string, lists: ServiceLists) {
  const owned = async (
    table: typeof serviceLocations | typeof serviceSchedules | typeof serviceContacts,
    ids: string[],
  ) =>
    ids.length
      ? new Set(
          (
            await db
              .select({ id: table.id })
              .from(table)
              .where(and(inArray(table.id, ids), ne(table.serviceId, serviceId)))
          ).map((r) => r.id),
        )
      : new Set<string>();
  const idsOf = (list?: { id?: string }[]) => (list ?? []).map((x) => x.id).filter((id): id is string => !!id);
  const [locations, schedules, contacts] = await Promise.all([
    owned(serviceLocations, idsOf(lists.locations)),
    owned(serviceSchedules, idsOf(lists.schedules)),
    owned(serviceContacts, idsOf(lists.contacts)),
  ]);
  return { locations, schedules, contacts };
}

export async function existingLocationIds(db: Database | Tx, serviceId: string): Promise<string[]> {
  return (
    await db.select({ id: serviceLocations.id }).from(serviceLocations).where(eq(serviceLocations.serviceId, serviceId))
  ).map((l) => l.id);
}

/**
 * A list given replaces the stored one. Locations are updated in place (their schedules stay with
 * them); schedules, contacts and neighbourhoods are rewritten.
 */
export async function replaceServiceLists(tx: Tx, serviceId: string, lists: ServiceLists): Promise<void> {
  if (lists.locations) {
    const rows = lists.locations.map((l) => ({ ...l, id: l.id ?? uuidv7(), serviceId }));
    const keep = rows.map((r) => r.id);
    await tx
      .delete(serviceLocations)
      .where(
        and(
          eq(serviceLocations.serviceId, serviceId),
          keep.length ? sql`${serviceLocations.id} <> all(${`{${keep.join(',')}}`}::uuid[])` : undefined,
        ),
      );
    for (const row of rows)
      await tx
        .insert(serviceLocations)
        .values(row)
        .onConflictDoUpdate({ target: serviceLocations.id, set: { ...row } });
  }
  if (lists.schedules) {
    await tx.delete(serviceSchedules).where(eq(serviceSchedules.serviceId, serviceId));
    if (lists.schedules.length)
      await tx.insert(serviceSchedules).values(lists.schedules.map((s) => ({ ...s, id: s.id ?? uuidv7(), serviceId })));
  }
  if (lists.contacts) {
    await tx.delete(serviceContacts).where(eq(serviceContacts.serviceId, serviceId));
    if (lists.contacts.length)
      await tx.insert(serviceContacts).values(lists.contacts.map((c) => ({ ...c, id: c.id ?? uuidv7(), serviceId })));
  }
  if (lists.neighbourhoodIds) {
    await tx.delete(serviceNeighbourhoods).where(eq(serviceNeighbourhoods.serviceId, serviceId));
    const ids = [...new Set(lists.neighbourhoodIds)];
    if (ids.length)
      await tx.insert(serviceNeighbourhoods).values(ids.map((neighbourhoodId) => ({ serviceId, neighbourhoodId })));
  }
}

export async function statusHistory(db: Database | Tx, serviceId: string) {
  return db
    .select({
      id: serviceStatuses.id,
      status: serviceStatuses.status,
      expectedWaitDays: serviceStatuses.expectedWaitDays,
      note: serviceStatuses.note,
      effectiveAt: serviceStatuses.effectiveAt,
      recordedById: serviceStatuses.recordedBy,
      recordedByName: users.name,
    })
    .from(serviceStatuses)
    .leftJoin(users, eq(users.id, serviceStatuses.recordedBy))
    .where(eq(serviceStatuses.serviceId, serviceId))
    .orderBy(desc(serviceStatuses.effectiveAt), desc(serviceStatuses.createdAt), desc(serviceStatuses.id));
}
