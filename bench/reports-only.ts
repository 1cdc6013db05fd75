import { seedTaxonomies } from '../server/modules/taxonomies/taxonomies.service.ts';
import { openPglite, openPostgres } from './engine.ts';
import { fillMillionEncounters } from './million.ts';
import { measureReports } from './reports.ts';
import { serveApp } from './serve.ts';

/**
 * Only issue #8's report figure, without the rest of `npm run bench` (the machine is shared):
 * `node bench/reports-only.ts [pglite|postgres]`.
 */
const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const opened = engine === 'postgres' ? await openPostgres() : await openPglite();
if (typeof opened === 'string') throw new Error(opened);
const log = (line: string) => console.log(line);
try {
  await opened.database.migrate();
  await seedTaxonomies(opened.database.db);
  const started = performance.now();
  const data = await fillMillionEncounters(opened.database, log);
  log(`  fill: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const { app, base } = await serveApp(opened.database);
  try {
    console.log(JSON.stringify(await measureReports(opened.database, base, data, log), null, 2));
  } finally {
    await app.close();
  }
} finally {
  await opened.cleanup();
}
process.exit(0);
