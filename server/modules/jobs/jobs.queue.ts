import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import { runnerOf } from '../../ops/catalog.ts';

export type ClaimedJob = { id: string; kind: string; runAfter: string; attempts: number };

/** A claimed job is this worker's for this long; past it, another server may take it again. */
export const jobLeaseMs = 6 * 60 * 60_000;

/** Plans a job unless one of that kind is already pending (one pending job per kind). */
export async function enqueueJob(db: Database, kind: string, runAfter: Date): Promise<boolean> {
  const rows = await runnerOf(db)<{ id: string }>(
    sql`insert into jobs (id, kind, run_after) values (${uuidv7()}, ${kind}, ${runAfter.toISOString()}::timestamptz)
      on conflict (kind) where finished_at is null do nothing returning id`,
  );
  return rows.length > 0;
}

/**
 * Takes the oldest due job of the given kinds, if any. The row is locked `FOR UPDATE SKIP LOCKED`
 * while it is stamped, so two workers asking at once never get the same job, and the stamp
 * (`locked_at`) keeps it theirs after the statement, until the lease runs out.
 */
export async function claimDueJob(
  db: Database,
  workerId: string,
  kinds: string[],
  now = new Date(),
): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  const leaseOver = new Date(now.getTime() - jobLeaseMs).toISOString();
  const [job] = await runnerOf(db)<{ id: string; kind: string; run_after: string | Date; attempts: number }>(
    sql`update jobs set locked_at = ${now.toISOString()}::timestamptz, locked_by = ${workerId}, attempts = attempts + 1
      where id = (select id from jobs
        where finished_at is null and run_after <= ${now.toISOString()}::timestamptz
          and kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
          and (locked_at is null or locked_at < ${leaseOver}::timestamptz)
        order by run_after limit 1 for update skip locked)
      returning id, kind, run_after, attempts`,
  );
  if (!job) return null;
  return { id: job.id, kind: job.kind, runAfter: new Date(job.run_after).toISOString(), attempts: job.attempts };
}

/** The job is done: it stays a little as a trace, and the next one of its kind may be planned. */
export async function finishJob(db: Database, id: string, now = new Date()): Promise<void> {
  await db.execute(
    sql`update jobs set finished_at = ${now.toISOString()}::timestamptz, locked_at = null, last_error = null where id = ${id}`,
  );
  // Finished jobs older than 90 days are of no more use than the purge log that outlives them.
  await db.execute(
    sql`delete from jobs where finished_at < ${new Date(now.getTime() - 90 * 86_400_000).toISOString()}::timestamptz`,
  );
}

/** The job failed: released with its error, to be tried again at `retryAt` (or given up, finished with its error). */
export async function failJob(db: Database, id: string, error: string, retryAt: Date | null): Promise<void> {
  if (retryAt) {
    await db.execute(
      sql`update jobs set locked_at = null, locked_by = null, last_error = ${error.slice(0, 2000)},
        run_after = ${retryAt.toISOString()}::timestamptz where id = ${id}`,
    );
  } else {
    await db.execute(
      sql`update jobs set locked_at = null, last_error = ${error.slice(0, 2000)}, finished_at = now() where id = ${id}`,
    );
  }
}

/** When the next pending job of a kind will run, if one is planned. */
export async function nextRunOf(db: Database, kind: string): Promise<string | null> {
  const [row] = await runnerOf(db)<{ run_after: string | Date }>(
    sql`select run_after from jobs where kind = ${kind} and finished_at is null order by run_after limit 1`,
  );
  return row ? new Date(row.run_after).toISOString() : null;
}
