import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * The durations an admin chose, one row per kind of record (organisation-wide). A kind with no
 * row keeps its default from core/contracts/retention.ts: the migration seeds nothing, so a new
 * database stays empty and a backup can be restored into it.
 */
export const retentionRules = pgTable(
  'retention_rules',
  {
    kind: text('kind').primaryKey(),
    amount: integer('amount').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('retention_rules_amount_positive', sql`${table.amount} > 0`)],
);

/** The purge log: every run, dry or real, by whom (null actor: the scheduler) and what it found or did. */
export const purgeRuns = pgTable(
  'purge_runs',
  {
    id: uuid('id').primaryKey(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    trigger: text('trigger').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    dryRun: boolean('dry_run').notNull(),
    results: jsonb('results')
      .$type<{ kind: string; cutoff: string; count: number; oldest: string | null }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    durationMs: integer('duration_ms'),
    error: text('error'),
  },
  (table) => [
    index('purge_runs_started_idx').on(table.startedAt),
    check('purge_runs_trigger_check', sql`${table.trigger} in ('scheduler', 'admin', 'cli')`),
  ],
);

/**
 * Scheduled work, shared by every app server: a worker claims a due job with
 * `FOR UPDATE SKIP LOCKED` and leases it (`locked_at`), so two servers never run it at once and a
 * job whose server died is taken again once the lease is over. One pending job per kind.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: text('locked_by'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('jobs_due_idx').on(table.runAfter).where(sql`${table.finishedAt} is null`),
    uniqueIndex('jobs_one_pending_per_kind').on(table.kind).where(sql`${table.finishedAt} is null`),
  ],
);
