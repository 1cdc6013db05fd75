import { type SQL, sql } from 'drizzle-orm';
import { anonymisedNickname, type RetentionKind } from '../../../core/contracts/retention.ts';
import type { Tx } from '../../db/client.ts';

/**
 * What each retention rule touches, as SQL over the whole organisation. `candidates` selects the
 * records concerned at a cut-off (`id`, and `at`: the date the rule measures); the dry run counts
 * it, and `applyBatch` changes at most `limit` of the same records in one statement, locking them
 * with `FOR UPDATE SKIP LOCKED` so two purges running at once share the work instead of colliding.
 * A record is concerned when its date is strictly before the cut-off: one exactly at it stays.
 *
 * What is still needed never goes (decision "retention and purge"): an encounter whose follow-up
 * is not done, an anonymous contact with an open referral, a person with an open referral, an
 * open bridging support or an active project.
 */
export type RetentionRuleSql = {
  kind: RetentionKind;
  candidates(cutoff: Date): SQL;
  applyBatch(tx: Tx, cutoff: Date, limit: number, now: Date): Promise<number>;
};

const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;
const day = (at: Date) => sql`${at.toISOString().slice(0, 10)}::date`;
const openFollowUp = (e: string) => sql.raw(`(${e}.follow_up_on is not null and ${e}.follow_up_done_at is null)`);
const openReferral = sql.raw(`r.status in ('proposed', 'sent', 'accepted')`);

async function changed(tx: Tx, statement: SQL): Promise<number> {
  const result = (await tx.execute(statement)) as unknown as { rows: unknown[] };
  return result.rows.length;
}

/** Free text of closed referrals (the notes of their events), some time after the referral closed. */
const closedReferralText: RetentionRuleSql = {
  kind: 'closedReferralText',
  candidates: (cutoff) => sql`select r.id, r.closed_at as at from referrals r
    where r.closed_at < ${ts(cutoff)} and not ${openReferral}
      and exists (select 1 from referral_events ev where ev.referral_id = r.id and ev.note is not null)`,
  applyBatch: (tx, cutoff, limit) =>
    changed(
      tx,
      sql`with batch as (${closedReferralText.candidates(cutoff)} limit ${limit} for update of r skip locked),
        cleared as (update referral_events ev set note = null from batch
          where ev.referral_id = batch.id and ev.note is not null returning ev.referral_id)
      select distinct referral_id from cleared`,
    ),
};

/** Confidential notes, some years after the encounter; the encounter stays, without its note. */
const confidentialNotes: RetentionRuleSql = {
  kind: 'confidentialNotes',
  candidates: (cutoff) => sql`select e.id, e.occurred_at as at from encounters e
    where e.has_note and e.occurred_at < ${ts(cutoff)} and not ${openFollowUp('e')}`,
  applyBatch: (tx, cutoff, limit, now) =>
    changed(
      tx,
      sql`with batch as (${confidentialNotes.candidates(cutoff)} limit ${limit} for update of e skip locked),
        erased as (delete from encounter_notes n using batch where n.encounter_id = batch.id)
      update encounters e set has_note = false, version = e.version + 1, updated_at = ${ts(now)}
      from batch where e.id = batch.id returning e.id`,
    ),
};

/** Anonymous encounters: the rows go, their counts stay in the rollups (see runInPurgeMode). */
const anonymousEncounters: RetentionRuleSql = {
  kind: 'anonymousEncounters',
  candidates: (cutoff) => sql`select e.id, e.occurred_at as at from encounters e
    where e.identification = 'anonymous' and e.occurred_at < ${ts(cutoff)} and not ${openFollowUp('e')}
      and not exists (select 1 from referrals r where r.encounter_id = e.id and ${openReferral})`,
  applyBatch: (tx, cutoff, limit) =>
    changed(
      tx,
      sql`with batch as (${anonymousEncounters.candidates(cutoff)} limit ${limit} for update of e skip locked)
      delete from encounters e using batch where e.id = batch.id returning e.id`,
    ),
};

/**
 * A person's last contact: the latest of their record's creation, an encounter, a referral or one
 * of its events, a bridging contact, an activity session attended, a project participation.
 */
const lastContact = sql.raw(`greatest(p.created_at,
  (select max(e.occurred_at) from encounters e where e.person_id = p.id),
  (select max(greatest(r.referred_at, r.status_changed_at)) from referrals r where r.person_id = p.id),
  (select max(ev.occurred_at) from referral_events ev join referrals r on r.id = ev.referral_id where r.person_id = p.id),
  (select max(c.occurred_at) from bridging_contacts c join bridging_supports b on b.id = c.bridging_support_id
    where b.person_id = p.id),
  (select max(s.on_date)::timestamptz from activity_attendance a join activity_sessions s on s.id = a.session_id
    where a.person_id = p.id),
  (select max(greatest(pc.since, pc.until))::timestamptz from project_citizens pc where pc.person_id = p.id))`);

const alreadyAnonymised = sql`(p.nickname = ${anonymisedNickname} and p.first_name is null and p.last_name is null
  and p.phone is null and p.email is null and p.consent_given_at is null)`;

/** Not anonymised yet, no contact since the cut-off, nothing still open. */
const inactiveWhere = (cutoff: Date) => sql`p.created_at < ${ts(cutoff)} and not ${alreadyAnonymised}
      and not exists (select 1 from encounters e where e.person_id = p.id
        and (e.occurred_at >= ${ts(cutoff)} or ${openFollowUp('e')}))
      and not exists (select 1 from referrals r where r.person_id = p.id
        and (${openReferral} or r.referred_at >= ${ts(cutoff)} or r.status_changed_at >= ${ts(cutoff)}
          or exists (select 1 from referral_events ev where ev.referral_id = r.id and ev.occurred_at >= ${ts(cutoff)})))
      and not exists (select 1 from bridging_supports b where b.person_id = p.id
        and (b.ended_on is null or b.ended_on >= ${day(cutoff)}
          or exists (select 1 from bridging_contacts c where c.bridging_support_id = b.id and c.occurred_at >= ${ts(cutoff)})))
      and not exists (select 1 from activity_attendance a join activity_sessions s on s.id = a.session_id
        where a.person_id = p.id and s.on_date >= ${day(cutoff)})
      and not exists (select 1 from project_citizens pc join community_projects cp on cp.id = pc.project_id
        where pc.person_id = p.id
          and (pc.since >= ${day(cutoff)} or pc.until >= ${day(cutoff)} or (pc.until is null and cp.status = 'active')))`;

/** People with no contact since the cut-off and nothing open: their identity is cleared, their counts stay. */
const inactivePeople: RetentionRuleSql = {
  kind: 'inactivePeople',
  candidates: (cutoff) => sql`select p.id, ${lastContact} as at from people p where ${inactiveWhere(cutoff)}`,
  applyBatch: (tx, cutoff, limit, now) =>
    changed(
      tx,
      sql`with batch as (select p.id from people p where ${inactiveWhere(cutoff)} limit ${limit} for update of p skip locked),
        cleared as (update people p set nickname = ${anonymisedNickname}, first_name = null, last_name = null,
            phone = null, email = null,
            consent_withdrawn_at = case when p.consent_given_at is not null then ${ts(now)} else p.consent_withdrawn_at end,
            consent_given_at = null, consent_scope = null, consent_recorded_by = null,
            version = p.version + 1, updated_at = ${ts(now)}
          from batch where p.id = batch.id returning p.id),
        texts as (update encounters e set follow_up_what = null,
            non_recours = (select coalesce(jsonb_agg(item - 'detail'), '[]'::jsonb) from jsonb_array_elements(e.non_recours) item),
            has_note = false, version = e.version + 1, updated_at = ${ts(now)}
          from cleared where e.person_id = cleared.id
            and (e.follow_up_what is not null or e.has_note or jsonb_path_exists(e.non_recours, '$[*].detail'))
          returning e.id),
        notes as (delete from encounter_notes n using texts where n.encounter_id = texts.id),
        roles as (update person_roles pr set note = null from cleared where pr.person_id = cleared.id and pr.note is not null),
        events as (update referral_events ev set note = null from referrals r, cleared
          where r.person_id = cleared.id and ev.referral_id = r.id and ev.note is not null),
        supports as (update bridging_supports b set purpose = null from cleared where b.person_id = cleared.id and b.purpose is not null),
        contacts as (update bridging_contacts c set note = null from bridging_supports b, cleared
          where b.person_id = cleared.id and c.bridging_support_id = b.id and c.note is not null)
      select id from cleared`,
    ),
};

/** Offline operations already applied: their stored answers hold copies of encounters. */
const syncPayloads: RetentionRuleSql = {
  kind: 'syncPayloads',
  candidates: (cutoff) => sql`select o.id::text as id, o.applied_at as at from sync_operations o
    where o.applied_at < ${ts(cutoff)}`,
  applyBatch: (tx, cutoff, limit) =>
    changed(
      tx,
      sql`with batch as (select o.id from sync_operations o where o.applied_at < ${ts(cutoff)}
          limit ${limit} for update of o skip locked)
      delete from sync_operations o using batch where o.id = batch.id returning o.id`,
    ),
};

/** Sessions expired for a while, and sign-in failure counters no longer locking anyone. */
const expiredSessions: RetentionRuleSql = {
  kind: 'expiredSessions',
  candidates: (
    cutoff,
  ) => sql`select s.token_hash as id, s.expires_at as at from sessions s where s.expires_at < ${ts(cutoff)}
    union all
    select t.key, t.first_failure_at from sign_in_throttle t
      where t.first_failure_at < ${ts(cutoff)} and (t.locked_until is null or t.locked_until < ${ts(cutoff)})`,
  async applyBatch(tx, cutoff, limit) {
    const sessions = await changed(
      tx,
      sql`with batch as (select token_hash from sessions where expires_at < ${ts(cutoff)}
          limit ${limit} for update skip locked)
      delete from sessions s using batch where s.token_hash = batch.token_hash returning s.token_hash`,
    );
    const throttles = await changed(
      tx,
      sql`with batch as (select key from sign_in_throttle where first_failure_at < ${ts(cutoff)}
          and (locked_until is null or locked_until < ${ts(cutoff)}) limit ${limit} for update skip locked)
      delete from sign_in_throttle t using batch where t.key = batch.key returning t.key`,
    );
    return sessions + throttles;
  },
};

/**
 * In the order they run. Rules that erase part of a record run before the ones that delete or
 * anonymise it, so the count a dry run announces for each rule is what the real run does.
 */
export const retentionRuleSql: RetentionRuleSql[] = [
  closedReferralText,
  confidentialNotes,
  anonymousEncounters,
  inactivePeople,
  syncPayloads,
  expiredSessions,
];
