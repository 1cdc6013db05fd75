import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import { actors, people, referralEvents, referrals, services, users } from '../../db/schema/index.ts';

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect & { recordedByName: string | null };

/** A referral with what lists show beside it: the service, the person's nickname, the last event. */
export type ReferralListRow = {
  referral: ReferralRow;
  personNickname: string | null;
  serviceName: string;
  organisationName: string;
  availability: string;
  lastFollowedAt: Date | string;
};

/**
 * When the referral was last followed: its latest event of any kind (a status, a check-back, a
 * note), or its last status change when it has no event (rows made outside the API).
 * Written with its alias: the outer table is "referrals".
 */
export const lastFollowedAt = sql<Date | string>`coalesce((select max(ev.occurred_at) from referral_events ev
  where ev.referral_id = "referrals"."id"), "referrals"."status_changed_at")`;

export const openStatusSql = sql`"referrals"."status" in ('proposed', 'sent', 'accepted')`;

const days = (list: readonly number[]) => sql.raw(list.map((d) => Math.trunc(Number(d))).join(', '));

/**
 * The latest check-back day reached by `now` (core/referrals.ts dueCheckBack, in SQL): due when
 * nothing was recorded since. Null when no day is reached.
 */
function checkBackDueAt(checkBackDays: readonly number[], now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  return sql`(select max("referrals"."referred_at" + d * interval '1 day') from unnest(array[${days(checkBackDays)}]::int[]) d
    where "referrals"."referred_at" + d * interval '1 day' <= ${at})`;
}

export function checkBackDueSql(checkBackDays: readonly number[], now: Date): SQL {
  return sql`(${openStatusSql} and ${checkBackDueAt(checkBackDays, now)} > ${lastFollowedAt})`;
}

const listColumns = {
  referral: referrals,
  personNickname: people.nickname,
  serviceName: services.name,
  organisationName: actors.name,
  availability: services.availability,
  lastFollowedAt,
};

function listQuery(db: Database | Tx) {
  return db
    .select(listColumns)
    .from(referrals)
    .innerJoin(services, eq(services.id, referrals.serviceId))
    .innerJoin(actors, eq(actors.id, services.actorId))
    .leftJoin(people, eq(people.id, referrals.personId));
}

export async function findReferral(db: Database | Tx, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  return row;
}

export async function loadListRow(db: Database | Tx, id: string): Promise<ReferralListRow | undefined> {
  const [row] = await listQuery(db).where(eq(referrals.id, id));
  return row;
}

/**
 * One page of referrals: the page's ids first, from the referrals table alone (its sort never
 * waits on joins or on the last-event subquery of rows it drops), then those rows in full.
 */
export async function listRows(
  db: Database | Tx,
  where: SQL | undefined,
  order: SQL[],
  limit: number,
  offset: number,
): Promise<{ rows: ReferralListRow[]; total: number }> {
  const [page, totals] = await Promise.all([
    db
      .select({ id: referrals.id })
      .from(referrals)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset),
    db.select({ total: sql<number>`count(*)::int` }).from(referrals).where(where),
  ]);
  const ids = page.map((p) => p.id);
  const rows = ids.length ? await listQuery(db).where(inArray(referrals.id, ids)) : [];
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.referral.id) ?? 0) - (position.get(b.referral.id) ?? 0));
  return { rows, total: Number(totals[0]?.total ?? 0) };
}

export async function listRowsWhere(db: Database | Tx, where: SQL, order: SQL[], limit: number) {
  return listQuery(db)
    .where(where)
    .orderBy(...order)
    .limit(limit);
}

export async function eventsOf(db: Database | Tx, referralId: string): Promise<ReferralEventRow[]> {
  const rows = await db
    .select({ event: referralEvents, recordedByName: users.name })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.recordedBy))
    .where(eq(referralEvents.referralId, referralId))
    .orderBy(asc(referralEvents.occurredAt), asc(referralEvents.createdAt), asc(referralEvents.id));
  return rows.map((r) => ({ ...r.event, recordedByName: r.recordedByName }));
}

export const newestFirst = [desc(referrals.referredAt), desc(referrals.id)];
