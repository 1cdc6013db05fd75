import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { runnerOf } from '../../ops/catalog.ts';
import { enqueueJob } from '../jobs/jobs.queue.ts';
import { type JobHandler, nextLocalHour } from '../jobs/jobs.schedule.ts';
import { runPurge } from './retention.purge.ts';
import { purgeJobKind, readPurgeHour } from './retention.service.ts';

/**
 * The nightly purge as a job: planned at the purge hour, local time, once the deployment has an
 * account (a new, empty database stays empty, so a backup can still be restored into it). A run
 * that fails is tried again later by the job worker; its error is in the purge log too.
 */
export function retentionPurgeJob(timeZone: string): JobHandler {
  return {
    kind: purgeJobKind,
    async ensurePlanned(db: Database, now: Date) {
      const [inUse] = await runnerOf(db)<{ yes: boolean }>(sql`select exists (select 1 from users) as yes`);
      if (!inUse?.yes) return;
      await enqueueJob(db, purgeJobKind, nextLocalHour(now, await readPurgeHour(db), timeZone));
    },
    async run(db: Database) {
      const run = await runPurge(db, { dryRun: false, trigger: 'scheduler' });
      if (run.error) throw new Error(run.error);
    },
  };
}
