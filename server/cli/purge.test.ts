import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { buildEncounter, buildTeam } from '../test-support/factories.ts';
import { runCli } from './run.ts';

describe('relais purge', () => {
  let test: TestApp;
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), database: test.database });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const encounterCount = async () =>
    (await test.database.query<{ n: number }>('select count(*)::int as n from encounters'))[0]?.n;

  beforeAll(async () => {
    test = await createTestApp();
    const team = await buildTeam(test.database.db);
    for (const occurredAt of ['2020-01-05T10:00:00Z', '2021-06-01T10:00:00Z', '2026-11-01T10:00:00Z'])
      await buildEncounter(test.database.db, team.id, { occurredAt: new Date(occurredAt) });
  });
  afterAll(() => test?.close());

  it('--dry-run prints the table of what would go, changes nothing, and is logged', async () => {
    const result = await run('purge', '--dry-run', '--now', '2026-11-25T03:00:00Z');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/Dry run, nothing changed/);
    expect(result.out).toMatch(/Anonymous encounters \/ Rencontres anonymes\s+2\s+2023-11-25\s+2020-01-05/);
    expect(await encounterCount()).toBe(3);
    const [logged] = await test.database.query<{ trigger: string; dry_run: boolean }>(
      'select trigger, dry_run from purge_runs order by started_at desc limit 1',
    );
    expect(logged).toEqual({ trigger: 'cli', dry_run: true });
  });

  it('applies the rules and prints the counts', async () => {
    const result = await run('purge', '--now', '2026-11-25T03:00:00Z');
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/Purge applied/);
    expect(result.out).toMatch(/Anonymous encounters \/ Rencontres anonymes\s+2\b/);
    expect(await encounterCount()).toBe(1);
  });

  it('refuses a --now that is not a date, with one line', async () => {
    const result = await run('purge', '--now', 'demain');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/--now "demain" is not a date and time/);
    expect((await run('purge', '--dry', '--now', 'x')).err).toMatch(/Unknown option --dry/);
  });
});
