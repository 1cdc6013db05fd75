import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  attachEncounterBodySchema,
  createEncounterBodySchema,
  encounterListQuerySchema,
  followUpBodySchema,
  updateEncounterBodySchema,
} from '../../../core/contracts/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { encounterNotes, encounters } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { findPerson } from '../people/people.repo.ts';
import { activeCodes } from '../taxonomies/taxonomies.service.ts';
import { createEncounters } from './encounters.create.ts';
import { presentEncounter } from './encounters.presenter.ts';
import { type EncounterRow, findEncounter, loadReferences } from './encounters.repo.ts';
import { checkEncounter } from './encounters.validation.ts';
import { invalidFields, VersionConflict } from './fieldwork.errors.ts';
import { mayRead, scopedRecord, teamFilter } from './fieldwork.policy.ts';

const encounterLabel = text('Contact', 'Encounter');
const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000);

export async function createEncounter(
  db: Database,
  request: FastifyRequest,
  body: z.output<typeof createEncounterBodySchema>,
) {
  const [outcome] = await createEncounters(db, request, [{ id: body.id ?? uuidv7(), body }]);
  if (!outcome?.ok) throw outcome?.error;
  return outcome.encounter;
}

export async function listEncounters(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof encounterListQuerySchema>,
) {
  const actor = actorOf(request);
  // One person's encounters: readable by their team, or under a break-the-glass grant on them.
  const person = query.personId ? await findPerson(db, query.personId) : undefined;
  const teams = query.personId
    ? person &&
      (await mayRead(db, request, person.teamId, person.id)) &&
      (!query.teamId || query.teamId === person.teamId)
      ? [person.teamId]
      : []
    : teamFilter(actor, request, query.teamId);
  if (teams && teams.length === 0) return { items: [], total: 0 };
  const conditions: SQL[] = [];
  if (teams) conditions.push(inArray(encounters.teamId, teams));
  if (query.personId) conditions.push(eq(encounters.personId, query.personId));
  if (query.sessionId) conditions.push(eq(encounters.sessionId, query.sessionId));
  if (query.from) conditions.push(gte(encounters.occurredAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) conditions.push(lt(encounters.occurredAt, nextDay(query.to)));
  if (query.mine === 'true') conditions.push(eq(encounters.createdBy, actor.id));
  if (query.identification) conditions.push(eq(encounters.identification, query.identification));
  const where = and(...conditions);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(encounters)
      .where(where)
      .orderBy(desc(encounters.occurredAt), desc(encounters.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(encounters).where(where),
  ]);
  if (actor.role === 'admin' || query.personId)
    await recordAudit(db, request, {
      action: 'read',
      entityType: query.personId ? 'person' : 'encounter',
      entityId: query.personId ?? null,
      teamId: person?.teamId ?? null,
      details: { list: 'encounters', count: rows.length },
    });
  return { items: rows.map(presentEncounter), total: Number(totals[0]?.total ?? 0) };
}

// A break-the-glass grant on the encounter's person opens it and its note to read.
const { readable, writable } = scopedRecord(findEncounter, encounterLabel, (row) => row.personId);

export async function getEncounter(db: Database, request: FastifyRequest, id: string) {
  const row = await readable(db, request, id);
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'encounter',
    entityId: id,
    teamId: row.teamId,
    details: row.personId ? { personId: row.personId } : undefined,
  });
  return presentEncounter(row);
}

/** The confidential note: team only (admin with a reason), and every read is in the audit log. */
export async function readNote(db: Database, request: FastifyRequest, id: string) {
  const row = await readable(db, request, id);
  const [note] = await db.select().from(encounterNotes).where(eq(encounterNotes.encounterId, id));
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'encounter_note',
    entityId: id,
    teamId: row.teamId,
    details: row.personId ? { personId: row.personId } : undefined,
  });
  return {
    encounterId: id,
    body: note?.body ?? null,
    writtenBy: note?.writtenBy ?? null,
    updatedAt: note?.updatedAt.toISOString() ?? null,
  };
}

/** Writes changes if `baseVersion` is current; otherwise a conflict carrying the record as it is. */
async function changeEncounter(
  db: Database | Tx,
  request: FastifyRequest,
  current: EncounterRow,
  baseVersion: number | undefined,
  fields: Partial<typeof encounters.$inferInsert>,
  note: string | null | undefined,
  audit: Record<string, unknown>,
) {
  return db.transaction(async (tx) => {
    const versionCheck = baseVersion === undefined ? undefined : eq(encounters.version, baseVersion);
    const [row] = await tx
      .update(encounters)
      .set({
        ...fields,
        ...(note !== undefined ? { hasNote: !!note } : {}),
        version: sql`${encounters.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(encounters.id, current.id), versionCheck))
      .returning();
    if (!row) throw new VersionConflict(presentEncounter((await findEncounter(tx, current.id)) ?? current));
    if (note) {
      await tx
        .insert(encounterNotes)
        .values({ encounterId: row.id, body: note, writtenBy: actorOf(request).id })
        .onConflictDoUpdate({
          target: encounterNotes.encounterId,
          set: { body: note, writtenBy: actorOf(request).id, updatedAt: new Date() },
        });
    } else if (note === null) {
      await tx.delete(encounterNotes).where(eq(encounterNotes.encounterId, row.id));
    }
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'encounter',
      entityId: row.id,
      teamId: row.teamId,
      details: row.personId ? { ...audit, personId: row.personId } : audit,
    });
    return presentEncounter(row);
  });
}

export async function updateEncounter(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateEncounterBodySchema>,
) {
  const current = await writable(db, request, id);
  const { baseVersion, note, occurredAt, ...fields } = body;
  const merged = {
    sessionId: fields.sessionId !== undefined ? fields.sessionId : current.sessionId,
    placeId: fields.placeId !== undefined ? fields.placeId : current.placeId,
    personId: current.personId,
    identification: fields.identification ?? (current.identification as 'anonymous'),
    needs: fields.needs,
    actions: fields.actions,
    nonRecours: fields.nonRecours,
  };
  const [refs, codes] = await Promise.all([
    loadReferences(db, { sessionIds: [merged.sessionId], placeIds: [merged.placeId], personIds: [merged.personId] }),
    activeCodes(db),
  ]);
  const checked = checkEncounter(actorOf(request), current.teamId, merged, refs, codes);
  if (checked.errors.length) throw invalidFields(checked.errors);
  return changeEncounter(
    db,
    request,
    current,
    baseVersion,
    { ...fields, identification: checked.identification, ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}) },
    note,
    { fields: Object.keys(body).filter((k) => k !== 'baseVersion' && k !== 'note'), noteChanged: note !== undefined },
  );
}

/** A past anonymous contact turns out to be someone the team knows: it joins their timeline. */
export async function attachEncounter(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof attachEncounterBodySchema>,
) {
  const current = await writable(db, request, id);
  if (current.personId && current.personId !== body.personId)
    throw invalidField(
      'personId',
      text('Ce contact est déjà lié à une autre personne.', 'This encounter is already linked to someone else.'),
    );
  const refs = await loadReferences(db, { sessionIds: [], placeIds: [], personIds: [body.personId] });
  const checked = checkEncounter(actorOf(request), current.teamId, { personId: body.personId }, refs, new Map());
  if (checked.errors.length) throw invalidFields(checked.errors);
  return changeEncounter(
    db,
    request,
    current,
    body.baseVersion,
    { personId: checked.personId, identification: checked.identification },
    undefined,
    { attachedTo: checked.personId },
  );
}

export async function setFollowUp(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof followUpBodySchema>,
) {
  const current = await writable(db, request, id);
  if (!current.followUpOn)
    throw invalidField('done', text('Aucun suivi n’est prévu pour ce contact.', 'No follow-up is planned here.'));
  if (!!current.followUpDoneAt === body.done && body.baseVersion === undefined) return presentEncounter(current);
  return changeEncounter(
    db,
    request,
    current,
    body.baseVersion,
    { followUpDoneAt: body.done ? new Date() : null },
    undefined,
    { followUpDone: body.done },
  );
}
