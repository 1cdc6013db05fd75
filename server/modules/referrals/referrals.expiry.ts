import { and, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { referralEvents, referrals } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { lastFollowedAt, openStatusSql } from './referrals.repo.ts';
import { readReferralSettings } from './referrals.settings.ts';

const DAY = 86_400_000;
/** How often a running server looks for referrals to expire. */
const expirySweepIntervalMs = 60 * 60_000;
const batchSize = 500;

/**
 * An open referral (proposed, sent, accepted) with no event for `expireAfterDays` becomes
 * `expired`: an event recorded by Relais itself (recorded_by null), dated `now`. A worker may still
 * record the real outcome afterwards (expired → connected or failed). Returns how many expired.
 */
export async function expireStaleReferrals(db: Database, now = new Date()): Promise<number> {
  const { expireAfterDays } = await readReferralSettings(db);
  const cutoff = new Date(now.getTime() - expireAfterDays * DAY);
  let total = 0;
  for (;;) {
    const stale = await db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(openStatusSql, sql`${lastFollowedAt} < ${cutoff.toISOString()}::timestamptz`))
      .limit(batchSize);
    if (stale.length === 0) break;
    const expired = await db.transaction(async (tx) => {
      const rows = await tx
        .update(referrals)
        .set({
          status: 'expired',
          failureReason: null,
          statusChangedAt: now,
          closedAt: now,
          version: sql`${referrals.version} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            inArray(
              referrals.id,
              stale.map((r) => r.id),
            ),
            openStatusSql,
            // A check-back recorded since the select keeps it open.
            sql`${lastFollowedAt} < ${cutoff.toISOString()}::timestamptz`,
          ),
        )
        .returning({ id: referrals.id, teamId: referrals.teamId });
      if (rows.length === 0) return 0;
      await tx.insert(referralEvents).values(
        rows.map((row) => ({
          id: uuidv7(),
          referralId: row.id,
          kind: 'status',
          status: 'expired',
          occurredAt: now,
          recordedBy: null,
        })),
      );
      await recordAudit(tx, null, {
        action: 'update',
        entityType: 'referral',
        details: { expired: rows.length, expireAfterDays },
      });
      return rows.length;
    });
    total += expired;
    if (stale.length < batchSize || expired === 0) break;
  }
  return total;
}

/**
 * Runs the sweep once the app is ready, then every hour while it runs. The timer is unref'd (it
 * never keeps the process alive) and stopped when the app closes; a failed sweep is logged and
 * tried again at the next tick.
 */
export function scheduleReferralExpiry(app: FastifyInstance, db: Database, intervalMs = expirySweepIntervalMs): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = expireStaleReferrals(db)
      .then((count) => {
        if (count) app.log.info({ count }, 'referrals expired');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'referral expiry sweep failed'));
    return running;
  };
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
