import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { mergedPersonFields } from '../../../core/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import {
  accessGrants,
  bridgingSupports,
  consentEvents,
  encounters,
  people,
  personRoles,
  projectCitizens,
  referrals,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import type { PersonRow } from './people.repo.ts';
import { presentOnePerson, writablePerson } from './people.service.ts';

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

/**
 * Every table that points at a person. A merge moves all of them to the survivor, so nothing is
 * lost. Activity attendance and incident links are moved apart (moveKeyedLinks): they have no id of
 * their own, and both records may be in the same session or incident.
 */
const personReferences = [
  { name: 'encounters', table: encounters, column: encounters.personId },
  { name: 'roles', table: personRoles, column: personRoles.personId },
  { name: 'referrals', table: referrals, column: referrals.personId },
  { name: 'bridgingSupports', table: bridgingSupports, column: bridgingSupports.personId },
  { name: 'projects', table: projectCitizens, column: projectCitizens.personId },
  { name: 'consents', table: consentEvents, column: consentEvents.personId },
  // A break-the-glass grant was for this human being: it follows them, and so does its trace.
  { name: 'accessGrants', table: accessGrants, column: accessGrants.personId },
] as const;

/**
 * Rows keyed by (something, person) with no id: the absorbed record's become the survivor's, and
 * where both were already there (the same session attended, the same incident), one is kept.
 */
async function moveKeyedLinks(
  tx: Tx,
  table: 'activity_attendance' | 'privacy_incident_people',
  key: string,
  survivorId: string,
  absorbedId: string,
) {
  const name = sql.identifier(table);
  const column = sql.identifier(key);
  await tx.execute(sql`delete from ${name} a where a.person_id = ${absorbedId}
    and exists (select 1 from ${name} b where b.${column} = a.${column} and b.person_id = ${survivorId})`);
  const moved = (await tx.execute(
    sql`update ${name} set person_id = ${survivorId} where person_id = ${absorbedId} returning 1`,
  )) as unknown as { rows: unknown[] };
  return moved.rows.length;
}

/**
 * Merges `absorbedId` into `survivorId`: every encounter and role moves, the survivor's blanks are
 * filled (core/fieldwork.ts mergedPersonFields), and the absorbed record stays as a tombstone
 * pointing at the survivor, so an offline phone that still knows the old id lands on the right
 * person. Logged on both records.
 */
export async function mergePeople(db: Database | Tx, request: FastifyRequest, survivorId: string, absorbedId: string) {
  if (survivorId === absorbedId)
    throw invalidField('absorbedId', text('Choisissez une autre personne.', 'Choose another person.'));
  const survivor = await writablePerson(db, request, survivorId);
  const absorbed = await writablePerson(db, request, absorbedId).catch(() => {
    throw invalidField('absorbedId', text('Introuvable dans cette équipe.', 'Not found in this team.'));
  });
  if (absorbed.teamId !== survivor.teamId)
    throw invalidField(
      'absorbedId',
      text('Les deux personnes doivent être de la même équipe.', 'Both people must be on the same team.'),
    );
  const asMergeable = (p: PersonRow) => ({ ...p, consentGivenAt: isoOrNull(p.consentGivenAt) });
  const fields = mergedPersonFields(asMergeable(survivor), asMergeable(absorbed));
  return db.transaction(async (tx) => {
    const moved: Record<string, number> = {};
    for (const { name, table, column } of personReferences) {
      const rows = await tx
        .update(table)
        .set({ personId: survivorId } as never)
        .where(eq(column, absorbedId))
        .returning({ id: sql<string>`id` });
      moved[name] = rows.length;
    }
    moved.attendance = await moveKeyedLinks(tx, 'activity_attendance', 'session_id', survivorId, absorbedId);
    moved.incidents = await moveKeyedLinks(tx, 'privacy_incident_people', 'incident_id', survivorId, absorbedId);
    if (!fields.consentGivenAt && !survivor.consentGivenAt) {
      // Without a consent on the survivor, no encounter of theirs may stay "identified".
      await tx
        .update(encounters)
        .set({ identification: 'pseudonymous' })
        .where(and(eq(encounters.personId, survivorId), eq(encounters.identification, 'identified')));
    }
    await tx.update(people).set({ mergedIntoId: survivorId }).where(eq(people.mergedIntoId, absorbedId));
    const [tombstone] = await tx
      .update(people)
      .set({
        mergedIntoId: survivorId,
        mergedAt: new Date(),
        version: sql`${people.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(people.id, absorbedId), eq(people.version, absorbed.version)))
      .returning();
    const { consentGivenAt, ...rest } = fields;
    const [row] = await tx
      .update(people)
      .set({
        ...rest,
        ...(consentGivenAt ? { consentGivenAt: new Date(consentGivenAt) } : {}),
        version: sql`${people.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(people.id, survivorId), eq(people.version, survivor.version)))
      .returning();
    if (!row || !tombstone) throw new VersionConflict(await presentOnePerson(tx, survivor));
    await recordAudit(tx, request, {
      action: 'merge',
      entityType: 'person',
      entityId: survivorId,
      teamId: row.teamId,
      details: { mergedFrom: absorbedId, moved },
    });
    await recordAudit(tx, request, {
      action: 'merge',
      entityType: 'person',
      entityId: absorbedId,
      teamId: row.teamId,
      details: { mergedInto: survivorId },
    });
    return presentOnePerson(tx, row);
  });
}
