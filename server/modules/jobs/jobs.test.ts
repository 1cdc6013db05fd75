import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildUser } from '../../test-support/factories.ts';
import { retentionPurgeJob } from '../privacy/retention.schedule.ts';
import { claimDueJob, enqueueJob, jobLeaseMs } from './jobs.queue.ts';
import { type JobHandler, nextLocalHour, runDueJobs } from './jobs.schedule.ts';
import { pgliteVacuumJob, vacuumJobKind } from './maintenance.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.execute(sql`delete from jobs`);
});

const db = () => t.database.db;
const jobRows = () =>
  t.database.query<{
    kind: string;
    run_after: Date;
    finished_at: Date | null;
    last_error: string | null;
    attempts: number;
  }>('select kind, run_after, finished_at, last_error, attempts from jobs order by created_at');

describe('the job table', () => {
  it('gives a due job to one worker only when two ask at once (FOR UPDATE SKIP LOCKED)', async () => {
    const now = new Date('2026-11-25T08:00:00Z');
    await enqueueJob(db(), 'test.once', new Date('2026-11-25T07:00:00Z'));
    const claims = await Promise.all([
      claimDueJob(db(), 'server-a', ['test.once'], now),
      claimDueJob(db(), 'server-b', ['test.once'], now),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // Still leased a minute later; taken again only once the lease is over (its server died).
    expect(await claimDueJob(db(), 'server-b', ['test.once'], new Date(now.getTime() + 60_000))).toBeNull();
    const retaken = await claimDueJob(db(), 'server-b', ['test.once'], new Date(now.getTime() + jobLeaseMs + 1));
    expect(retaken?.attempts).toBe(2);
  });

  it('keeps one pending job per kind and leaves a job alone before its time', async () => {
    expect(await enqueueJob(db(), 'test.kind', new Date('2026-11-26T03:00:00Z'))).toBe(true);
    expect(await enqueueJob(db(), 'test.kind', new Date('2026-11-27T03:00:00Z'))).toBe(false);
    expect(await claimDueJob(db(), 'a', ['test.kind'], new Date('2026-11-26T02:59:00Z'))).toBeNull();
    expect(await claimDueJob(db(), 'a', ['test.kind'], new Date('2026-11-26T03:00:00Z'))).not.toBeNull();
  });

  it('records a failure and tries again later, then finishes the job once it works', async () => {
    let calls = 0;
    const flaky: JobHandler = {
      kind: 'test.flaky',
      ensurePlanned: async () => {},
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('base indisponible');
      },
    };
    const now = new Date('2026-11-25T08:00:00Z');
    await enqueueJob(db(), 'test.flaky', now);
    await runDueJobs(db(), 'w', [flaky], now);
    expect((await jobRows())[0]).toMatchObject({ finished_at: null, last_error: 'base indisponible', attempts: 1 });
    await runDueJobs(db(), 'w', [flaky], new Date(now.getTime() + 60 * 60_000));
    expect((await jobRows())[0]).toMatchObject({ last_error: null, attempts: 2 });
    expect((await jobRows())[0]?.finished_at).not.toBeNull();
  });
});

describe('the nightly purge', () => {
  it('finds the next 03:00 local time, across the daylight saving change', () => {
    const toronto = 'America/Toronto';
    expect(nextLocalHour(new Date('2026-11-25T12:00:00Z'), 3, toronto).toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(nextLocalHour(new Date('2026-11-26T07:59:00Z'), 3, toronto).toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(nextLocalHour(new Date('2026-07-01T12:00:00Z'), 3, toronto).toISOString()).toBe('2026-07-02T07:00:00.000Z');
    expect(nextLocalHour(new Date('2026-03-28T12:00:00Z'), 3, 'Europe/Brussels').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('is planned once the deployment has an account, runs at its hour, logs the run and plans the next night', async () => {
    const handler = retentionPurgeJob('America/Toronto');
    const evening = new Date('2026-11-25T23:00:00Z');
    await handler.ensurePlanned(db(), evening);
    if ((await t.database.query('select 1 from users')).length === 0) {
      expect(await jobRows()).toEqual([]);
      await buildUser(db());
    }
    await runDueJobs(db(), 'w', [handler], evening);
    expect((await jobRows()).map((j) => [j.kind, new Date(j.run_after).toISOString(), j.finished_at])).toEqual([
      ['retention.purge', '2026-11-26T08:00:00.000Z', null],
    ]);
    const runsBefore = (await t.database.query('select id from purge_runs')).length;
    await runDueJobs(db(), 'w', [handler], new Date('2026-11-26T08:00:30Z'));
    const runs = await t.database.query<{ trigger: string; dry_run: boolean }>(
      'select trigger, dry_run from purge_runs order by started_at desc',
    );
    expect(runs.length).toBe(runsBefore + 1);
    expect(runs[0]).toMatchObject({ trigger: 'scheduler', dry_run: false });
    await runDueJobs(db(), 'w', [handler], new Date('2026-11-26T08:05:00Z'));
    const pending = (await jobRows()).filter((j) => j.finished_at === null);
    expect(pending.map((j) => new Date(j.run_after).toISOString())).toEqual(['2026-11-27T08:00:00.000Z']);
  });

  it('plans the embedded database’s vacuum an hour after the purge, and the vacuum runs outside a transaction', async () => {
    const handler = pgliteVacuumJob('America/Toronto');
    const evening = new Date('2026-11-25T23:00:00Z');
    await runDueJobs(db(), 'w', [handler], evening);
    // The purge runs at 3 a.m. in Toronto by default (08:00 UTC): the vacuum at 4 a.m.
    expect((await jobRows()).map((j) => [j.kind, new Date(j.run_after).toISOString()])).toEqual([
      [vacuumJobKind, '2026-11-26T09:00:00.000Z'],
    ]);
    await runDueJobs(db(), 'w', [handler], new Date('2026-11-26T09:00:30Z'));
    const [done] = await jobRows();
    expect(done).toMatchObject({ kind: vacuumJobKind, last_error: null });
    expect(done?.finished_at).not.toBeNull();
    const [vacuumed] = await t.database.query<{ at: Date | null }>(
      `select last_vacuum as at from pg_stat_user_tables where relname = 'report_encounter_counts'`,
    );
    expect(vacuumed?.at).not.toBeNull();
  });
});
