import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../core/uuid.ts';
import { writeToDatabase } from '../../scripts/generate/write.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { Agent, signedInAgent } from '../test-support/agent.ts';
import { createTestApp, type TestApp } from '../test-support/app.ts';
import { openTestDatabase } from '../test-support/database.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../test-support/factories.ts';
import { BackupError, readBackup, restoreBackup, writeBackup } from './backup.ts';
import { readTables, runnerOf } from './catalog.ts';

/** Every row of every table, as PostgreSQL renders it to JSON, in a stable order. */
async function snapshot(database: DatabaseHandle): Promise<Record<string, unknown[]>> {
  const run = runnerOf(database.db);
  const result: Record<string, unknown[]> = {};
  for (const table of await readTables(run)) {
    const [row] = await run<{ rows: unknown[] }>(
      sql.raw(
        `select coalesce(json_agg(x order by x::text), '[]'::json) as rows from (select to_jsonb(t) as x from "${table.name}" t) s`,
      ),
    );
    result[table.name] = row?.rows ?? [];
  }
  return result;
}

describe('backup and restore', () => {
  let source: TestApp;
  let target: DatabaseHandle;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    source = await createTestApp();
    target = await openTestDatabase();
    dir = mkdtempSync(path.join(tmpdir(), 'relais-backup-test-'));
    file = path.join(dir, 'relais.backup.json.gz');

    const { db } = source.database;
    const sherbrooke = await buildTeam(db, { name: 'Ascot / Jardins-Fleuris', code: 'ascot-jardins' });
    const brussels = await buildTeam(db, { name: 'RAQ Cureghem', code: 'raq-cureghem' });
    await buildNeighbourhood(db, sherbrooke.id, { name: 'Ascot', code: 'ascot' });
    await buildNeighbourhood(db, sherbrooke.id, { name: 'Jardins-Fleuris', code: 'jardins-fleuris' });
    await buildNeighbourhood(db, brussels.id, { name: 'Cureghem', code: 'cureghem' });
    const admin = await buildUser(db, { role: 'admin', email: 'admin@example.org', name: 'Anne Admin' });
    await buildUser(db, { role: 'worker', teamIds: [sherbrooke.id], email: 'iq@example.org', name: 'Élise Côté' });
    await buildUser(db, { role: 'coordinator', teamIds: [sherbrooke.id, brussels.id], email: 'coord@example.org' });
    await buildUser(db, { role: 'organizer', teamIds: [brussels.id], name: 'Noé « Dupont » \\ "test"' });

    const agent = await signedInAgent(source.app, admin.email);
    const saved = await agent.patch('/api/settings', { deploymentName: 'Relais Estrie', vocabulary: 'brussels' });
    expect(saved.statusCode).toBe(200);
    expect((await agent.get('/api/users?limit=50')).statusCode).toBe(200);
    await signedInAgent(source.app, 'iq@example.org');
    // A failed sign-in leaves a throttle row and an audit entry.
    expect((await new Agent(source.app).signIn('iq@example.org', 'wrong-password')).statusCode).toBe(401);
    // Field work of every kind (places, rounds, tallies, people, roles, encounters, notes), and one
    // operation synced from a phone, so every table of the schema has rows to compare (the
    // generator's directory and referrals, with search words computed at the end).
    await writeToDatabase(source.database, { scale: 1, seed: 'backup' });
    const worker = await signedInAgent(source.app, 'iq@example.org');
    const synced = await worker.post('/api/sync', {
      items: [
        { id: uuidv7(), kind: 'session.start', entityId: uuidv7(), payload: { kind: 'walk' } },
        { id: uuidv7(), kind: 'encounter.create', entityId: uuidv7(), payload: { needs: ['food'] } },
      ],
    });
    expect(synced.json().counts.applied).toBe(2);
  });

  afterAll(async () => {
    await source?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back every row of every table in an empty database', async () => {
    // A retention purge took some anonymous contacts away and left their counts (decision 0027):
    // the restore must give back those counts, which the remaining rows can no longer rebuild.
    await source.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local relais.retention_purge = 'on'`);
      await tx.execute(sql`delete from encounters where id in (
        select id from encounters where identification = 'anonymous' and place_id is not null order by id limit 5)`);
    });
    const written = await writeBackup(source.database, file);
    const [users] = await source.database.query<{ n: number }>('select count(*)::int as n from users');
    expect(written.find((t) => t.table === 'users')?.rows).toBe(users?.n);
    const backup = await readBackup(file);
    expect(backup.format).toBe('relais-backup');
    expect(backup.migrations.length).toBeGreaterThan(0);
    expect(Object.keys(backup.tables)).not.toContain('__drizzle_migrations');
    // Parents come before the tables that point at them.
    const order = Object.keys(backup.tables);
    expect(order.indexOf('teams')).toBeLessThan(order.indexOf('neighbourhoods'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('team_memberships'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));

    await restoreBackup(target, backup);
    const before = await snapshot(source.database);
    const after = await snapshot(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      expect(before[name]!.length, `rows of ${name}`).toBeGreaterThan(0);
      expect(after[name], `table ${name}`).toEqual(before[name]);
    }
  });

  it('continues the audit log numbering after the restored entries', async () => {
    const run = runnerOf(target.db);
    const [{ max } = { max: 0 }] = await run<{ max: number }>(sql`select max(id)::int as max from audit_log`);
    const [inserted] = await run<{ id: number }>(
      sql`insert into audit_log (action, entity_type) values ('read', 'test') returning id::int as id`,
    );
    expect(inserted?.id).toBe(max + 1);
  });

  it('refuses a database that already has rows, and changes nothing', async () => {
    const before = await snapshot(source.database);
    const backup = await readBackup(file);
    await expect(restoreBackup(source.database, backup)).rejects.toThrow(/not empty/);
    expect(await snapshot(source.database)).toEqual(before);
  });

  it('refuses a file that is not a Relais backup, with a clear message', async () => {
    const plain = path.join(dir, 'plain.json');
    writeFileSync(plain, '{"format":"relais-backup"}');
    await expect(readBackup(plain)).rejects.toThrow(/not gzip-compressed/);

    const foreign = path.join(dir, 'foreign.json.gz');
    writeFileSync(foreign, gzipSync('{"format":"other","version":1}'));
    await expect(readBackup(foreign)).rejects.toThrow(/format is not "relais-backup"/);

    const future = path.join(dir, 'future.json.gz');
    writeFileSync(future, gzipSync('{"format":"relais-backup","version":9}'));
    await expect(readBackup(future)).rejects.toThrow(/version 9/);

    const truncated = path.join(dir, 'truncated.json.gz');
    writeFileSync(truncated, gzipSync('{"format":"relais-backup","version":1,"tables":{'));
    await expect(readBackup(truncated)).rejects.toThrow(/damaged/);

    await expect(readBackup(path.join(dir, 'missing.gz'))).rejects.toBeInstanceOf(BackupError);
  });

  it('refuses a backup whose tables or columns this database lacks, inside a transaction', async () => {
    const empty = await openTestDatabase();
    try {
      const backup = await readBackup(file);
      const withExtraColumn = {
        ...backup,
        tables: { ...backup.tables, teams: [{ ...backup.tables.teams![0], colour: 'blue' }] },
      };
      await expect(restoreBackup(empty, withExtraColumn)).rejects.toThrow(
        /teams has columns this database lacks: colour/,
      );
      const withExtraTable = { ...backup, tables: { ...backup.tables, future_table: [] } };
      await expect(restoreBackup(empty, withExtraTable)).rejects.toThrow(/lacks: future_table/);
      const newer = { ...backup, migrations: [...backup.migrations, { tag: '9999_future', hash: 'f', createdAt: 1 }] };
      await expect(restoreBackup(empty, newer)).rejects.toThrow(/newer Relais.*9999_future/);
      for (const rows of Object.values(await snapshot(empty))) expect(rows).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
