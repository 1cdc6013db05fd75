import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { PurgeRuleResult, RetentionKind } from '../../../core/contracts/retention.ts';
import { type purgeTriggers, retentionRuleBounds } from '../../../core/contracts/retention.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { purgeRuns } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { runnerOf } from '../../ops/catalog.ts';
import { retentionRuleSql } from './retention.rules.ts';
import { readRuleAmounts } from './retention.service.ts';

/** Rows changed per transaction: small enough to keep locks short on a region's database. */
export const purgeBatchSize = 5000;

export type PurgeOptions = {
  dryRun: boolean;
  trigger: (typeof purgeTriggers)[number];
  /** The admin who asked (null: the scheduler or the command line). */
  request?: FastifyRequest | null;
  now?: Date;
  batchSize?: number;
};

/** The cut-off of a rule: records dated strictly before it are concerned. */
export function cutoffOf(kind: RetentionKind, amount: number, now: Date): Date {
  const cutoff = new Date(now);
  const { unit } = retentionRuleBounds[kind];
  if (unit === 'days') cutoff.setTime(now.getTime() - amount * 86_400_000);
  if (unit === 'months') cutoff.setUTCMonth(cutoff.getUTCMonth() - amount);
  if (unit === 'years') cutoff.setUTCFullYear(cutoff.getUTCFullYear() - amount);
  return cutoff;
}

const isoOrNull = (value: unknown) =>
  value === null || value === undefined ? null : new Date(String(value)).toISOString();

/**
 * Within a purge batch the rollup triggers (coverage_counts, report rollups) keep their counts on
 * DELETE: the rows go, what they counted stays. `set local` ends with the transaction.
 */
async function inPurgeMode<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('relais.retention_purge', 'on', true)`);
    return work(tx);
  });
}

async function survey(db: Database, kind: RetentionKind, cutoff: Date) {
  const rule = retentionRuleSql.find((r) => r.kind === kind)!;
  const [row] = await runnerOf(db)<{ count: number; oldest: unknown }>(
    sql`select count(*)::int as count, min(at) as oldest from (${rule.candidates(cutoff)}) concerned`,
  );
  return { count: row?.count ?? 0, oldest: isoOrNull(row?.oldest) };
}

/**
 * Applies (or, dry, only measures) every retention rule, and logs the run: a `purge_runs` row
 * written first (so a run that dies leaves a trace) and completed at the end, and an audit entry.
 * A dry run changes nothing but the log. A failing rule stops the run; its error is in the log.
 */
export async function runPurge(db: Database, options: PurgeOptions) {
  const now = options.now ?? new Date();
  const limit = options.batchSize ?? purgeBatchSize;
  const started = Date.now();
  const id = uuidv7();
  const actorId = options.request?.actor?.id ?? null;
  await db.insert(purgeRuns).values({ id, startedAt: now, trigger: options.trigger, actorId, dryRun: options.dryRun });
  const amounts = await readRuleAmounts(db);
  const results: PurgeRuleResult[] = [];
  let error: string | null = null;
  try {
    for (const rule of retentionRuleSql) {
      const cutoff = cutoffOf(rule.kind, amounts[rule.kind], now);
      const found = await survey(db, rule.kind, cutoff);
      let count = found.count;
      if (!options.dryRun && found.count > 0) {
        count = 0;
        for (;;) {
          const done = await inPurgeMode(db, (tx) => rule.applyBatch(tx, cutoff, limit, now));
          count += done;
          if (done === 0) break;
        }
      }
      results.push({ kind: rule.kind, cutoff: cutoff.toISOString(), count, oldest: found.oldest });
    }
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
  }
  const durationMs = Date.now() - started;
  await db.transaction(async (tx) => {
    await tx
      .update(purgeRuns)
      .set({ finishedAt: new Date(now.getTime() + durationMs), results, durationMs, error })
      .where(eq(purgeRuns.id, id));
    await recordAudit(tx, options.request ?? null, {
      action: options.dryRun ? 'read' : 'delete',
      entityType: 'retention_purge',
      entityId: id,
      details: {
        dryRun: options.dryRun,
        trigger: options.trigger,
        counts: Object.fromEntries(results.map((r) => [r.kind, r.count])),
        ...(error ? { error } : {}),
      },
    });
  });
  return { id, results, durationMs, error };
}
