import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/client.ts';
import { readPurgeHour } from '../privacy/retention.service.ts';
import { enqueueJob } from './jobs.queue.ts';
import { type JobHandler, nextLocalHour, scheduleJobs } from './jobs.schedule.ts';

export const vacuumJobKind = 'maintenance.vacuum';

/**
 * PGlite runs PostgreSQL in one process, without the autovacuum daemon. The row versions that
 * updates and deletes leave behind stay in the tables, and the rollups are updated with every
 * encounter (decision 0032): left alone, a report reads more dead rows every week. A nightly
 * `VACUUM (ANALYZE)` does what autovacuum does on a server (and refreshes the planner's figures).
 * Not planned on PostgreSQL, whose autovacuum does it already.
 */
export function pgliteVacuumJob(timeZone: string): JobHandler {
  return {
    kind: vacuumJobKind,
    async ensurePlanned(db: Database, now: Date) {
      // An hour after the nightly purge, so that it also tidies what the purge deleted.
      const hour = ((await readPurgeHour(db)) + 1) % 24;
      await enqueueJob(db, vacuumJobKind, nextLocalHour(now, hour, timeZone));
    },
    async run(db: Database) {
      // Outside any transaction: VACUUM refuses to run in one.
      await db.execute(sql`vacuum (analyze)`);
    },
  };
}

/** Plans the database's upkeep for the engine in use (no routes). */
export async function maintenanceJobs(app: FastifyInstance): Promise<void> {
  const { database, config } = app.context;
  if (database.kind === 'pglite') scheduleJobs(app, database.db, [pgliteVacuumJob(config.timeZone)]);
}
