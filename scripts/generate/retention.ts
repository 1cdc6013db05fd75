import { retentionKinds } from '../../core/contracts/retention.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule } from './types.ts';

const day = 86_400_000;

/**
 * Retention (issue 8, point 5), organisation-wide so made with the first team only: the admin's
 * choice of keeping confidential notes 7 years instead of 5, the last week of nightly purges in
 * the purge log (small counts: a week's worth of records crossing their cut-off), and the job
 * that ran last night.
 */
export const retention: GeneratorModule = {
  name: 'retention rules and purge log',
  generate({ faker, rows, add, teamIndex }) {
    if (teamIndex !== 0) return;
    const admin = (rows.users ?? []).find((u) => u.role === 'admin');
    const end = faker.defaultRefDate();
    add('retention_rules', {
      kind: 'confidentialNotes',
      amount: 7,
      updated_by: admin?.id ?? null,
      updated_at: new Date(end.getTime() - 60 * day).toISOString(),
    });
    for (let back = 7; back >= 1; back--) {
      const startedAt = new Date(Math.floor((end.getTime() - back * day) / day) * day + 8 * 3_600_000);
      const durationMs = faker.number.int({ min: 40, max: 900 });
      add('purge_runs', {
        id: uuidv7From(faker, startedAt),
        started_at: startedAt.toISOString(),
        finished_at: new Date(startedAt.getTime() + durationMs).toISOString(),
        trigger: 'scheduler',
        actor_id: null,
        dry_run: false,
        results: retentionKinds.map((kind) => ({
          kind,
          cutoff: startedAt.toISOString(),
          count: faker.number.int({ min: 0, max: kind === 'anonymousEncounters' ? 12 : 3 }),
          oldest: null,
        })),
        duration_ms: durationMs,
        error: null,
      });
      if (back === 1) {
        add('jobs', {
          id: uuidv7From(faker, startedAt),
          kind: 'retention.purge',
          run_after: startedAt.toISOString(),
          locked_at: null,
          locked_by: null,
          attempts: 1,
          last_error: null,
          finished_at: new Date(startedAt.getTime() + durationMs).toISOString(),
          created_at: new Date(startedAt.getTime() - day).toISOString(),
        });
      }
    }
  },
};
