import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErasureResult, erasureBodySchema } from '../../../core/contracts/rights.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { writablePerson } from '../people/people.service.ts';

/** Stands in for the erased person's id in the sync trail, so a replayed batch changes nothing. */
const erasedEntity = '00000000-0000-0000-0000-000000000000';

type Rows<T> = { rows: T[] };
const idList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

async function affected(tx: Tx, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await tx.execute(
    sql`with changed as (${query} returning 1) select count(*)::int as n from changed`,
  )) as unknown as Rows<{
    n: number;
  }>;
  return result.rows[0]?.n ?? 0;
}

const sameNickname = (typed: string, nickname: string) =>
  typed.trim().toLocaleLowerCase('fr') === nickname.trim().toLocaleLowerCase('fr');

/**
 * Erases a person on request, in one transaction, so that only anonymous counts remain
 * (decision 0030): their encounters become anonymous (free text that could name
 * them cleared, needs/actions/age band/day/place kept), confidential notes are deleted, referrals
 * are detached (their outcome still counts), accompaniments without a referral go, attended
 * sessions keep the person as an anonymous head count of their age band, project and role rows
 * go, consent register lines stay without the person, the sync trail forgets them, and the
 * records merged into them are erased too. The audit log keeps the uuid, the reason and who asked.
 */
export async function erasePerson(
  db: Database,
  request: FastifyRequest,
  personId: string,
  body: z.output<typeof erasureBodySchema>,
): Promise<ErasureResult> {
  const person = await writablePerson(db, request, personId);
  if (!sameNickname(body.confirmNickname, person.nickname))
    throw invalidField(
      'confirmNickname',
      text(
        'Le surnom tapé ne correspond pas à cette personne : rien n’a été effacé.',
        'The nickname typed does not match this person: nothing was erased.',
      ),
    );
  return db.transaction(async (tx) => {
    const tombstones = (await tx.execute(
      sql`select id from people where merged_into_id = ${personId}`,
    )) as unknown as Rows<{ id: string }>;
    const ids = idList([personId, ...tombstones.rows.map((r) => r.id)]);
    const encounterIds = sql`select id from encounters where person_id in (${ids})`;

    const notesDeleted = await affected(tx, sql`delete from encounter_notes where encounter_id in (${encounterIds})`);
    await tx.execute(sql`update referral_events set note = null
      where referral_id in (select id from referrals where person_id in (${ids}) or encounter_id in (${encounterIds}))`);
    const referralsDetached = await affected(
      tx,
      sql`update referrals set person_id = null, version = version + 1, updated_at = now() where person_id in (${ids})`,
    );
    const encountersAnonymised = await affected(
      tx,
      sql`update encounters set person_id = null, identification = 'anonymous', follow_up_what = null,
        follow_up_on = case when follow_up_done_at is null then null else follow_up_on end,
        non_recours = (select coalesce(jsonb_agg(item - 'detail'), '[]'::jsonb) from jsonb_array_elements(non_recours) item),
        has_note = false, version = version + 1, updated_at = now()
      where person_id in (${ids})`,
    );
    const bridgingSupportsDeleted = await affected(
      tx,
      sql`delete from bridging_supports where person_id in (${ids}) and referral_id is null`,
    );
    await tx.execute(sql`update bridging_contacts set note = null
      where bridging_support_id in (select id from bridging_supports where person_id in (${ids}))`);
    await tx.execute(sql`update bridging_supports set person_id = null, purpose = null, version = version + 1,
      updated_at = now() where person_id in (${ids})`);
    // The session's total stays: the named attendee becomes one more in their age band.
    const attendanceCounted = await affected(
      tx,
      sql`update activity_sessions s set head_counts = s.head_counts
          || jsonb_build_object(p.age_band, coalesce((s.head_counts ->> p.age_band)::int, 0) + 1),
        version = s.version + 1, updated_at = now()
      from activity_attendance a join people p on p.id = a.person_id
      where a.session_id = s.id and a.person_id in (${ids}) and p.age_band is not null`,
    );
    await tx.execute(sql`delete from activity_attendance where person_id in (${ids})`);
    const projectRowsRemoved = await affected(tx, sql`delete from project_citizens where person_id in (${ids})`);
    const rolesRemoved = await affected(tx, sql`delete from person_roles where person_id in (${ids})`);
    const consentLinesKept = await affected(
      tx,
      sql`update consent_events set person_id = null where person_id in (${ids})`,
    );
    const patterns = sql.join(
      [personId, ...tombstones.rows.map((r) => r.id)].map((id) => sql`${`%${id}%`}`),
      sql`, `,
    );
    const syncResultsScrubbed = await affected(
      tx,
      sql`update sync_operations set entity_id = ${erasedEntity}::uuid, result = '{"erased": true}'::jsonb
      where entity_id in (${ids}) or result::text like any (array[${patterns}])`,
    );
    await tx.execute(sql`delete from privacy_incident_people where person_id in (${ids})`);
    const mergedRecordsErased = await affected(tx, sql`delete from people where merged_into_id = ${personId}`);
    await tx.execute(sql`delete from people where id = ${personId}`);
    const result: ErasureResult = {
      erased: true,
      encountersAnonymised,
      notesDeleted,
      referralsDetached,
      bridgingSupportsDeleted,
      attendanceCounted,
      projectRowsRemoved,
      rolesRemoved,
      syncResultsScrubbed,
      mergedRecordsErased,
      consentLinesKept,
    };
    const { erased: _, ...counts } = result;
    await recordAudit(tx, request, {
      action: 'erase',
      entityType: 'person',
      entityId: personId,
      teamId: person.teamId,
      details: { reason: body.reason, requestedBy: body.requestedBy, mergedRecords: tombstones.rows.length, ...counts },
    });
    return result;
  });
}
