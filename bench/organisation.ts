import { seedTaxonomies } from '../server/modules/taxonomies/taxonomies.service.ts';
import { type CoverageFigures, measureCoverage } from './coverage.ts';
import type { Opened } from './engine.ts';
import { fillMillionEncounters, million } from './million.ts';
import { measureReports, type ReportFigures } from './reports.ts';
import { serveApp, signInAs } from './serve.ts';

/**
 * The figures that need a whole organisation's history (1 000 000 encounters), on a database of
 * their own: it is filled once per engine, then every such figure is measured on it.
 */
export async function measureOnMillion(
  another: () => Promise<Opened>,
  log: (line: string) => void,
): Promise<{ coverage: CoverageFigures; reports: ReportFigures; millionLoadSeconds: number }> {
  const side = await another();
  try {
    await side.database.migrate();
    await seedTaxonomies(side.database.db);
    log(
      `  an organisation of ${million.encounters.toLocaleString('en')} encounters (set-based SQL, through the triggers)…`,
    );
    const started = performance.now();
    const data = await fillMillionEncounters(side.database, log);
    const millionLoadSeconds = (performance.now() - started) / 1000;
    const { app, base } = await serveApp(side.database);
    try {
      const { session } = await signInAs(base, data.workerEmails[0] as string);
      const call = (path: string) => fetch(`${base}${path}`, { headers: { cookie: session } });
      const coverage = await measureCoverage(side.database, call, data, log);
      const reports = await measureReports(side.database, base, data, log);
      return { coverage, reports, millionLoadSeconds };
    } finally {
      await app.close();
    }
  } finally {
    await side.cleanup();
  }
}
