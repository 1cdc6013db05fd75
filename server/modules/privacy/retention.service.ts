import { desc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  defaultPurgeHour,
  type PurgeRun,
  type RetentionKind,
  type RetentionSettings,
  retentionKinds,
  retentionRuleBounds,
  type SaveRetentionRules,
} from '../../../core/contracts/retention.ts';
import type { Database, Tx } from '../../db/client.ts';
import { purgeRuns, retentionRules, settings, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { nextRunOf } from '../jobs/jobs.queue.ts';

/** The settings row holding the nightly purge's local hour. */
export const purgeHourKey = 'retentionPurgeHour';
export const purgeJobKind = 'retention.purge';

/** Each rule's amount: the admin's choice when saved, else the default. */
export async function readRuleAmounts(db: Database | Tx): Promise<Record<RetentionKind, number>> {
  const rows = await db.select().from(retentionRules);
  const saved = new Map(rows.map((row) => [row.kind, row.amount]));
  return Object.fromEntries(
    retentionKinds.map((kind) => [kind, saved.get(kind) ?? retentionRuleBounds[kind].defaultAmount]),
  ) as Record<RetentionKind, number>;
}

export async function readPurgeHour(db: Database | Tx): Promise<number> {
  const [row] = await db.select().from(settings).where(eq(settings.key, purgeHourKey));
  const hour = row?.value;
  return typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : defaultPurgeHour;
}

export async function readRetentionSettings(db: Database, timeZone: string): Promise<RetentionSettings> {
  const rows = await db.select().from(retentionRules);
  const saved = new Map(rows.map((row) => [row.kind, row]));
  return {
    rules: retentionKinds.map((kind) => {
      const bounds = retentionRuleBounds[kind];
      const row = saved.get(kind);
      return {
        kind,
        ...bounds,
        amount: row?.amount ?? bounds.defaultAmount,
        updatedAt: row?.updatedAt.toISOString() ?? null,
      };
    }),
    purgeHour: await readPurgeHour(db),
    timeZone,
    nextPurgeAt: await nextRunOf(db, purgeJobKind),
  };
}

/**
 * Saves the rules an admin changed, and the purge hour. A new hour moves the planned nightly job:
 * the pending one is dropped here and the scheduler plans the next at the new hour.
 */
export async function saveRetentionSettings(
  db: Database,
  request: FastifyRequest,
  body: SaveRetentionRules,
  timeZone: string,
) {
  const actorId = request.actor?.id ?? null;
  await db.transaction(async (tx) => {
    for (const [kind, amount] of Object.entries(body.rules ?? {})) {
      if (amount === undefined) continue;
      await tx
        .insert(retentionRules)
        .values({ kind, amount, updatedBy: actorId })
        .onConflictDoUpdate({
          target: retentionRules.kind,
          set: { amount, updatedBy: actorId, updatedAt: sql`now()` },
        });
    }
    if (body.purgeHour !== undefined) {
      await tx
        .insert(settings)
        .values({ key: purgeHourKey, value: body.purgeHour, updatedBy: actorId })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: body.purgeHour, updatedAt: sql`now()`, updatedBy: actorId },
        });
      await tx.execute(
        sql`delete from jobs where kind = ${purgeJobKind} and finished_at is null and locked_at is null`,
      );
    }
    await recordAudit(tx, request, { action: 'update', entityType: 'retention_rules', details: body });
  });
  return readRetentionSettings(db, timeZone);
}

export function presentRun(row: typeof purgeRuns.$inferSelect, actorName: string | null): PurgeRun {
  return {
    id: row.id,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    trigger: row.trigger as PurgeRun['trigger'],
    actorName,
    dryRun: row.dryRun,
    results: row.results as PurgeRun['results'],
    durationMs: row.durationMs,
    error: row.error,
  };
}

export async function listPurgeRuns(db: Database, limit: number): Promise<PurgeRun[]> {
  const rows = await db
    .select({ run: purgeRuns, actorName: users.name })
    .from(purgeRuns)
    .leftJoin(users, eq(users.id, purgeRuns.actorId))
    .orderBy(desc(purgeRuns.startedAt), desc(purgeRuns.id))
    .limit(limit);
  return rows.map(({ run, actorName }) => presentRun(run, actorName));
}

export async function purgeRunById(db: Database, id: string): Promise<PurgeRun> {
  const [row] = await db
    .select({ run: purgeRuns, actorName: users.name })
    .from(purgeRuns)
    .leftJoin(users, eq(users.id, purgeRuns.actorId))
    .where(eq(purgeRuns.id, id));
  return presentRun(row!.run, row!.actorName);
}
