import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { readBackup, restoreBackup } from '../../server/ops/backup.ts';
import { readTables, runnerOf } from '../../server/ops/catalog.ts';
import { signedInAgent } from '../../server/test-support/agent.ts';
import { createTestApp, type TestApp } from '../../server/test-support/app.ts';
import { openTestDatabase } from '../../server/test-support/database.ts';
import { generatedPassword } from './accounts.ts';
import { generateChunks } from './index.ts';
import type { TableRows } from './types.ts';
import { writeToDatabase, writeToFile } from './write.ts';

async function collect(scale: number, seed: string): Promise<TableRows> {
  const all: TableRows = {};
  for await (const chunk of generateChunks({ scale, seed }, 3)) {
    for (const [table, rows] of Object.entries(chunk)) all[table] = [...(all[table] ?? []), ...rows];
  }
  return all;
}

async function snapshot(database: DatabaseHandle) {
  const run = runnerOf(database.db);
  const result: Record<string, unknown> = {};
  for (const table of await readTables(run)) {
    const [row] = await run<{ rows: unknown[] }>(
      sql.raw(`select coalesce(json_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]') as rows from "${table.name}" t`),
    );
    result[table.name] = row?.rows;
  }
  return result;
}

describe('synthetic data generator', () => {
  let test: TestApp;
  let dir: string;
  beforeAll(async () => {
    test = await createTestApp();
    dir = mkdtempSync(path.join(tmpdir(), 'relais-generate-'));
  });
  afterAll(async () => {
    await test?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same data for the same seed, and other data for another seed', async () => {
    const first = await collect(7, 'alpha');
    expect(await collect(7, 'alpha')).toEqual(first);
    const other = await collect(7, 'beta');
    expect(other.users!.map((u) => u.name)).not.toEqual(first.users!.map((u) => u.name));
  });

  it('makes teams of 2–4 neighbourhoods and 5–15 accounts of mixed roles, with unique codes and emails', async () => {
    const data = await collect(20, 'shape');
    expect(data.teams).toHaveLength(20);
    for (const team of data.teams!) {
      const places = data.neighbourhoods!.filter((n) => n.team_id === team.id).length;
      expect(places).toBeGreaterThanOrEqual(2);
      expect(places).toBeLessThanOrEqual(4);
      const members = data.team_memberships!.filter((m) => m.team_id === team.id).length;
      expect(members).toBeGreaterThanOrEqual(5);
      expect(members).toBeLessThanOrEqual(15);
    }
    expect(new Set(data.users!.map((u) => u.role))).toEqual(new Set(['worker', 'organizer', 'coordinator', 'admin']));
    expect(new Set(data.users!.map((u) => u.email)).size).toBe(data.users!.length);
    expect(new Set(data.neighbourhoods!.map((n) => n.code)).size).toBe(data.neighbourhoods!.length);
    expect(data.audit_log!.length).toBeGreaterThan(data.users!.length);
  });

  it('makes field work like the field: mostly anonymous contacts, some known people, a few volunteers', async () => {
    const data = await collect(4, 'terrain');
    const encounters = data.encounters ?? [];
    const people = data.people ?? [];
    expect(encounters.length).toBeGreaterThan(500);
    const anonymous = encounters.filter((e) => e.identification === 'anonymous').length / encounters.length;
    expect(anonymous).toBeGreaterThan(0.55);
    expect(anonymous).toBeLessThan(0.8);
    // Identity only under consent, and an identified contact is always with a consenting person.
    expect(people.filter((p) => p.first_name && !p.consent_given_at)).toEqual([]);
    const consenting = new Set(people.filter((p) => p.consent_given_at).map((p) => p.id));
    for (const e of encounters.filter((x) => x.identification === 'identified'))
      expect(consenting.has(e.person_id)).toBe(true);
    const volunteers = new Set((data.person_roles ?? []).filter((r) => r.role === 'volunteer').map((r) => r.person_id));
    expect(volunteers.size).toBeGreaterThan(0);
    expect(volunteers.size / people.length).toBeLessThan(0.2);
    expect((data.session_tallies ?? []).every((t) => (t.count as number) > 0)).toBe(true);
  });

  it('makes a directory of a few hundred services and referrals that mostly take, with their reasons', async () => {
    const data = await collect(4, 'repertoire');
    const services = data.services ?? [];
    expect(services.length).toBeGreaterThan(150);
    expect((data.actors ?? []).filter((a) => a.kind === 'keyPerson' && !a.team_id)).toEqual([]);
    // Key persons have contact details only with a recorded consent.
    expect((data.actors ?? []).filter((a) => a.kind === 'keyPerson' && a.phone && !a.consent_given_at)).toEqual([]);
    const saturated = services.filter((s) => s.availability !== 'open').length / services.length;
    expect(saturated).toBeGreaterThan(0.02);
    expect(saturated).toBeLessThan(0.25);
    const referrals = data.referrals ?? [];
    expect(referrals.length).toBeGreaterThan(50);
    const share = (status: string) => referrals.filter((r) => r.status === status).length / referrals.length;
    expect(share('connected')).toBeGreaterThan(0.3);
    expect(share('failed')).toBeGreaterThan(0.05);
    expect(referrals.filter((r) => ['failed', 'refused'].includes(r.status as string) !== !!r.failure_reason)).toEqual(
      [],
    );
    // Every referral's history ends on its current status.
    const events = data.referral_events ?? [];
    for (const referral of referrals.slice(0, 40)) {
      const last = events
        .filter((e) => e.referral_id === referral.id && e.kind === 'status')
        .sort((a, b) => String(a.occurred_at).localeCompare(String(b.occurred_at)))
        .at(-1);
      expect(last?.status).toBe(referral.status);
    }
    // A referral goes to a service that meets one of its needs.
    const needsOf = new Map(services.map((s) => [s.id, s.needs as string[]]));
    for (const referral of referrals)
      expect((referral.needs as string[]).some((n) => needsOf.get(referral.service_id)?.includes(n))).toBe(true);
  });

  // A whole data set or a real start: seconds when idle, much more on a loaded 2-core runner.
  it('fills a database that the app then serves, and its file output restores to the same rows', async () => {
    const options = { scale: 12, seed: 'app' };
    const done = await writeToDatabase(test.database, options);
    expect(done.teams).toBe(12);
    const direct = await snapshot(test.database);
    await expect(writeToDatabase(test.database, options)).rejects.toThrow(/already holds the data of seed "app"/);

    const run = runnerOf(test.database.db);
    const [admin] = await run<{ email: string }>(
      sql`select email from users where role = 'admin' and active order by email limit 1`,
    );
    const agent = await signedInAgent(test.app, admin!.email, generatedPassword);
    const teams = await agent.get('/api/teams');
    expect(teams.json().items).toHaveLength(12);

    const file = path.join(dir, 'generated.json.gz');
    await writeToFile(file, options);
    const other = await openTestDatabase();
    try {
      await restoreBackup(other, await readBackup(file));
      const fromFile = await snapshot(other);
      for (const table of ['teams', 'neighbourhoods', 'users', 'team_memberships']) {
        expect(fromFile[table], table).toEqual(direct[table]);
      }
      const [counted] = await runnerOf(other.db)<{ n: number }>(sql`select count(*)::int as n from audit_log`);
      const generated = (await collect(12, 'app')).audit_log!.length;
      expect(counted?.n).toBe(generated);
    } finally {
      await other.close();
    }
  }, 180_000);
});
