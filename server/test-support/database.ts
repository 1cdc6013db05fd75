import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.ts';
import { templateDatabase } from './template.ts';

export type TestBackend = 'pglite' | 'postgres';
export const testBackend: TestBackend = process.env.RELAIS_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let databaseCounter = 0;

/**
 * A fresh, migrated database for one test file: a copy of the template the global setup migrated
 * once, so no test sees another's rows.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (testBackend === 'pglite') {
    const template = readFileSync(inject('pgliteTemplatePath'));
    return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([template]) });
  }
  const templateUrl = inject('postgresTemplateUrl');
  if (!templateUrl) throw new Error('RELAIS_TEST_DB=postgres but no PostgreSQL cluster was started');
  const name = `t_${process.pid}_${Date.now()}_${++databaseCounter}`;
  const adminUrl = templateUrl.replace(new RegExp(`/${templateDatabase}$`), '/postgres');
  await createFromTemplate(adminUrl, name);
  const url = templateUrl.replace(/\/[^/]+$/, `/${name}`);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      await dropDatabase(adminUrl, name);
    },
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Several test files clone at once; PostgreSQL refuses while another clone holds the template. */
async function createFromTemplate(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${name} template ${templateDatabase}`);
        return;
      } catch (error) {
        const busy = /being accessed by other users/.test((error as Error).message);
        if (!busy || attempt > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 + attempt * 10));
      }
    }
  });
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
}
