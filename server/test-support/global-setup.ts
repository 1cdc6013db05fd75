import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/client.ts';
import { findPostgresBin, type PostgresCluster, startPostgresCluster } from './postgres-cluster.ts';
import { templateDatabase } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplateUrl: string | null;
  }
}

/**
 * Runs once per test project. Migrating a database takes seconds, so it is done once into a
 * template; every test file then starts from a copy of it (see database.ts).
 */
export default async function setup(project: TestProject) {
  const backend = project.config.env?.RELAIS_TEST_DB ?? 'pglite';
  if (backend === 'postgres') return setupPostgres(project);
  return setupPglite(project);
}

async function setupPglite(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-pglite-template-'));
  const database = await openDatabase({ kind: 'pglite-memory' });
  await database.migrate();
  if (!database.pglite) throw new Error('expected an embedded database');
  const dump = await database.pglite.dumpDataDir('gzip');
  const file = path.join(dir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplatePath', file);
  project.provide('postgresTemplateUrl', null);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const bin = findPostgresBin();
  project.provide('pgliteTemplatePath', '');
  if (!bin) {
    project.provide('postgresTemplateUrl', null);
    return;
  }
  const cluster: PostgresCluster = await startPostgresCluster(bin);
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query(`create database ${templateDatabase}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: cluster.url(templateDatabase), poolSize: 1 });
  await database.migrate();
  await database.close();
  project.provide('postgresTemplateUrl', cluster.url(templateDatabase));
  return () => cluster.stop();
}
