import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeToDatabase } from '../scripts/generate/write.ts';
import { type DatabaseHandle, openDatabase } from '../server/db/client.ts';
import { seedTaxonomies } from '../server/modules/taxonomies/taxonomies.service.ts';
import { findPostgresBin, startPostgresCluster } from '../server/test-support/postgres-cluster.ts';
import type { CoverageFigures } from './coverage.ts';
import { type DirectoryFigures, measureDirectorySearch } from './directory.ts';
import { type Caller, type FieldworkFigures, measureFieldwork } from './fieldwork.ts';
import { measureHsdsExport } from './hsds.ts';
import { type LoadResult, load, repeat } from './load.ts';
import { measureOnMillion } from './organisation.ts';
import { teamsListSql, usersPageSql } from './raw-queries.ts';
import type { ReportFigures } from './reports.ts';
import { serveApp, signInAs } from './serve.ts';

export type EngineName = 'PGlite' | 'PostgreSQL';

export type EngineFigures = {
  engine: EngineName;
  rows: number;
  signIn: LoadResult;
  users: LoadResult;
  usersRaw: LoadResult;
  teams: LoadResult;
  teamsRaw: LoadResult;
  fieldwork: FieldworkFigures;
  directory: DirectoryFigures;
  hsds: Awaited<ReturnType<typeof measureHsdsExport>>;
  coverage: CoverageFigures;
  reports: ReportFigures;
  millionLoadSeconds: number;
};

export type BenchPlan = { scale: number; seed: string; seconds: { signIn: number; read: number; raw: number } };

export type Opened = {
  database: DatabaseHandle;
  cleanup: () => Promise<void> | void;
  /** A second, empty database on the same engine, for a figure that needs its own data set. */
  another: () => Promise<Opened>;
};

/** PGlite on disk in a temporary folder, as a real deployment runs it. */
export async function openPglite(): Promise<Opened> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-bench-pglite-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  return {
    database,
    cleanup: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
    another: openPglite,
  };
}

/** A throwaway PostgreSQL cluster, or null (with the reason) when its binaries are missing. */
export async function openPostgres(): Promise<Opened | string> {
  const bin = findPostgresBin();
  if (!bin) return 'PostgreSQL binaries (initdb, pg_ctl) not found: install postgresql to compare';
  const cluster = await startPostgresCluster(bin);
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query('create database relais_bench');
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: cluster.url('relais_bench') });
  let databases = 0;
  const another = async (): Promise<Opened> => {
    const name = `relais_bench_${++databases}`;
    const creator = new pg.Client({ connectionString: cluster.url('postgres') });
    await creator.connect();
    await creator.query(`create database ${name}`);
    await creator.end();
    const extra = await openDatabase({ kind: 'postgres', url: cluster.url(name) });
    return { database: extra, cleanup: () => extra.close(), another };
  };
  return {
    database,
    cleanup: async () => {
      await database.close();
      cluster.stop();
    },
    another,
  };
}

/** A field worker of one generated team, signed in: the caller of the fieldwork figures. */
async function signInWorker(database: DatabaseHandle, base: string): Promise<Caller> {
  const [worker] = await database.query<{ id: string; email: string; team_id: string }>(
    `select u.id, u.email, min(m.team_id::text) as team_id from users u join team_memberships m on m.user_id = u.id
     where u.role = 'worker' and u.active group by u.id, u.email having count(*) = 1 order by u.email limit 1`,
  );
  if (!worker) throw new Error('the generated data has no active worker');
  const { session, csrfToken } = await signInAs(base, worker.email);
  return { base, cookie: session, csrfToken, teamId: worker.team_id, userId: worker.id };
}

/** Runs every measurement on one engine, on the same generated data. */
export async function measureEngine(
  engine: EngineName,
  { database, cleanup, another }: Opened,
  plan: BenchPlan,
  log: (line: string) => void,
): Promise<EngineFigures> {
  try {
    await database.migrate();
    const generated = await writeToDatabase(database, { scale: plan.scale, seed: plan.seed });
    log(`  data: ${generated.teams} teams, ${generated.rows} rows (generator, seed "${plan.seed}")`);
    const [admin] = await database.query<{ email: string }>(
      `select email from users where role = 'admin' and active order by email limit 1`,
    );
    if (!admin) throw new Error('the generated data has no active admin');

    const { app, base } = await serveApp(database);
    try {
      const { signInRequest, session } = await signInAs(base, admin.email);

      log('  sign-in (argon2id verify per request)…');
      const signIn = await load({ ...signInRequest, connections: 4, seconds: plan.seconds.signIn });
      const read = (route: string) =>
        load({ url: `${base}${route}`, headers: { cookie: session }, connections: 10, seconds: plan.seconds.read });
      log('  GET /api/users?limit=50…');
      const users = await read('/api/users?limit=50');
      log('  GET /api/teams…');
      const teams = await read('/api/teams');
      log('  raw SQL…');
      const usersRaw = await repeat(() => database.query(usersPageSql), 10, plan.seconds.raw);
      const teamsRaw = await repeat(() => database.query(teamsListSql), 10, plan.seconds.raw);
      const fieldwork = await measureFieldwork(database, await signInWorker(database, base), log);
      // The export on a database of its own, so it times exactly its 5 000 services.
      const side = await another();
      let hsds: Awaited<ReturnType<typeof measureHsdsExport>>;
      try {
        await side.database.migrate();
        await seedTaxonomies(side.database.db);
        hsds = await measureHsdsExport(side.database, log);
      } finally {
        await side.cleanup();
      }
      const directory = await measureDirectorySearch(database, log);
      const organisation = await measureOnMillion(another, log);
      return {
        engine,
        rows: generated.rows,
        signIn,
        users,
        usersRaw,
        teams,
        teamsRaw,
        fieldwork,
        directory,
        hsds,
        ...organisation,
      };
    } finally {
      await app.close();
    }
  } finally {
    await cleanup();
  }
}
