import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { CheckBackItem } from '../../../core/contracts/referrals.ts';
import type { Database } from '../../db/client.ts';
import { referrals } from '../../db/schema/index.ts';
import type { Actor } from '../../http/request-context.ts';
import { presentListItem } from './referrals.presenter.ts';
import { checkBackDueSql, listRowsWhere } from './referrals.repo.ts';
import { readReferralSettings } from './referrals.settings.ts';

/**
 * The check-backs on a worker's day: open referrals they made (or that nobody owns any more in
 * their teams, their maker's account gone) that reached day 7, 30… (settings) with nothing
 * recorded since. Oldest due first. A teammate's referral stays on its maker's day; the team sees
 * all of them in the referral list (`checkBackDue=true`).
 */
export async function checkBacksDue(db: Database, actor: Actor, now: Date): Promise<CheckBackItem[]> {
  if (actor.teamIds.length === 0) return [];
  const { checkBackDays } = await readReferralSettings(db);
  const rows = await listRowsWhere(
    db,
    and(
      inArray(referrals.teamId, actor.teamIds),
      or(eq(referrals.createdBy, actor.id), isNull(referrals.createdBy)),
      checkBackDueSql(checkBackDays, now),
    ) as never,
    [asc(referrals.referredAt), asc(referrals.id)],
    200,
  );
  return rows
    .map((row) => presentListItem(row, checkBackDays, now))
    .flatMap((referral) =>
      referral.checkBackDue ? [{ day: referral.checkBackDue.day, dueAt: referral.checkBackDue.dueAt, referral }] : [],
    )
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
