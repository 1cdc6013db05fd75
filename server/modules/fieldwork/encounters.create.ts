import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { createEncounterBodySchema, Encounter } from '../../../core/contracts/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { encounterNotes, encounters } from '../../db/schema/index.ts';
import type { AuditEvent } from '../../http/audit.ts';
import { AppError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { tagNewWork } from '../crisis/tag-on-create.ts';
import { activeCodes } from '../taxonomies/taxonomies.service.ts';
import { recordAudits } from './audit-bulk.ts';
import { insertJsonRows } from './bulk-insert.ts';
import { presentEncounter } from './encounters.presenter.ts';
import { type EncounterRow, existingEncounterIds, loadReferences } from './encounters.repo.ts';
import { checkEncounter } from './encounters.validation.ts';
import { invalidFields } from './fieldwork.errors.ts';
import { canWrite, writeTeam } from './fieldwork.policy.ts';

export type NewEncounter = { id: string; body: z.output<typeof createEncounterBodySchema> };
export type CreateOutcome = { ok: true; encounter: Encounter } | { ok: false; error: AppError };

const alreadyExists = () =>
  new AppError(
    409,
    'already_exists',
    text('Un contact porte déjà cet identifiant.', 'A contact with this id already exists.'),
    [{ path: 'id', message: text('Déjà utilisé.', 'Already in use.') }],
  );

/**
 * Creates many encounters with a fixed number of queries: everything is checked first (references
 * and codes loaded once), then the valid ones are inserted in multi-row statements with their notes
 * and audit entries. A sync batch of 500 costs a handful of round trips, not 500 × N. Used by the
 * REST route (one encounter) and by sync (a run of them). Each input gets its own outcome.
 */
export async function createEncounters(
  db: Database | Tx,
  request: FastifyRequest,
  inputs: NewEncounter[],
): Promise<CreateOutcome[]> {
  const actor = actorOf(request);
  const [refs, codes, existing] = await Promise.all([
    loadReferences(db, {
      sessionIds: inputs.map((i) => i.body.sessionId),
      placeIds: inputs.map((i) => i.body.placeId),
      personIds: inputs.map((i) => i.body.personId),
    }),
    activeCodes(db),
    existingEncounterIds(
      db,
      inputs.map((i) => i.id),
    ),
  ]);
  const seen = new Set<string>();
  const now = new Date();
  const outcomes: (CreateOutcome | { ok: 'pending'; row: typeof encounters.$inferInsert; note?: string })[] =
    inputs.map(({ id, body }) => {
      if (existing.has(id) || seen.has(id)) return { ok: false, error: alreadyExists() };
      seen.add(id);
      let teamId: string;
      try {
        const fromSession = body.sessionId ? refs.sessions.get(body.sessionId)?.teamId : undefined;
        teamId = writeTeam(
          actor,
          body.teamId ?? (fromSession && canWrite(actor, fromSession) ? fromSession : undefined),
        );
      } catch (error) {
        return { ok: false, error: error as AppError };
      }
      const checked = checkEncounter(actor, teamId, body, refs, codes);
      if (checked.errors.length) return { ok: false, error: invalidFields(checked.errors) };
      const note = body.note ?? undefined;
      return {
        ok: 'pending',
        note,
        row: {
          id,
          teamId,
          sessionId: body.sessionId ?? null,
          personId: checked.personId,
          occurredAt: body.occurredAt ? new Date(body.occurredAt) : now,
          placeId: body.placeId ?? null,
          zone: body.zone ?? null,
          initiator: body.initiator ?? null,
          channel: body.channel ?? null,
          identification: checked.identification,
          ageBand: body.ageBand ?? null,
          gender: body.gender ?? null,
          language: body.language ?? null,
          needs: body.needs,
          actions: body.actions,
          nonRecours: body.nonRecours,
          durationMinutes: body.durationMinutes ?? null,
          followUpOn: body.followUpOn ?? null,
          followUpWhat: body.followUpWhat ?? null,
          hasNote: !!note,
          createdBy: actor.id,
          createdAt: now,
          updatedAt: now,
        },
      };
    });
  const pending = outcomes.flatMap((o) => (o.ok === 'pending' ? [o] : []));
  await tagNewWork(
    db,
    pending.map((p) => p.row),
    (row) => (row.occurredAt as Date).toISOString().slice(0, 10),
  );
  let inserted: Map<string, EncounterRow>;
  try {
    inserted = await db.transaction((tx) => insertEncounters(tx, request, pending));
  } catch (error) {
    if (pending.length <= 1) throw error;
    // Something only the database saw (a race on an id, say): retry one by one so only that one fails.
    inserted = new Map();
    for (const item of pending) {
      try {
        const one = await db.transaction((tx) => insertEncounters(tx, request, [item]));
        for (const [id, row] of one) inserted.set(id, row);
      } catch (itemError) {
        (item as { failure?: unknown }).failure = itemError;
      }
    }
  }
  return outcomes.map((outcome) => {
    if (outcome.ok !== 'pending') return outcome;
    const row = inserted.get(outcome.row.id as string);
    if (row) return { ok: true, encounter: presentEncounter(row) };
    const failure = (outcome as { failure?: unknown }).failure;
    return { ok: false, error: failure instanceof AppError ? failure : alreadyExists() };
  });
}

/**
 * One audit entry per encounter that concerns a person (so a person's access history finds it),
 * and one entry per team for a run of anonymous contacts, listing their ids: they hold no personal
 * data, and 500 entries for a day of street contacts cost a third of the sync (decision 0011).
 */
function creationAudit(rows: (typeof encounters.$inferInsert)[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  const anonymousByTeam = new Map<string, string[]>();
  for (const row of rows) {
    if (row.personId)
      events.push({
        action: 'create',
        entityType: 'encounter',
        entityId: row.id,
        teamId: row.teamId,
        details: { personId: row.personId },
      });
    else anonymousByTeam.set(row.teamId, [...(anonymousByTeam.get(row.teamId) ?? []), row.id as string]);
  }
  for (const [teamId, ids] of anonymousByTeam)
    events.push(
      ids.length === 1
        ? { action: 'create', entityType: 'encounter', entityId: ids[0], teamId }
        : { action: 'create', entityType: 'encounter', teamId, details: { anonymous: ids.length, ids } },
    );
  return events;
}

async function insertEncounters(
  tx: Tx,
  request: FastifyRequest,
  items: { row: typeof encounters.$inferInsert; note?: string }[],
): Promise<Map<string, EncounterRow>> {
  await insertJsonRows(
    tx,
    encounters,
    items.map((i) => i.row),
  );
  const notes = items.flatMap((i) =>
    i.note ? [{ encounterId: i.row.id as string, body: i.note, writtenBy: i.row.createdBy ?? null }] : [],
  );
  await insertJsonRows(tx, encounterNotes, notes);
  await recordAudits(tx, request, creationAudit(items.map((i) => i.row)));
  // The rows are what was inserted: every column is set above, so no RETURNING round trip.
  return new Map(
    items.map((i) => [i.row.id as string, { ...i.row, version: 1, followUpDoneAt: null } as EncounterRow]),
  );
}
