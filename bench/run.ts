import { availableParallelism } from 'node:os';
import {
  type BenchPlan,
  type EngineFigures,
  type EngineName,
  measureEngine,
  openPglite,
  openPostgres,
} from './engine.ts';
import { measureNetwork } from './network.ts';
import { report, targets } from './report.ts';
import { directoryReport, directoryTargets } from './report-directory.ts';
import { reportsReport, reportsTargets } from './report-reports.ts';
import { territoryReport, territoryTargets } from './report-territory.ts';

/**
 * `npm run bench`: the figures of issues #3 to #6 measured in one run, on one generated data set, on
 * PGlite and on a throwaway PostgreSQL 15. Ratios matter more than absolute figures, which depend
 * on the machine. RELAIS_BENCH_SCALE and RELAIS_BENCH_SECONDS change the size and duration.
 */
const seconds = Number(process.env.RELAIS_BENCH_SECONDS ?? 4);
const plan: BenchPlan = {
  scale: Number(process.env.RELAIS_BENCH_SCALE ?? 50),
  seed: 'bench',
  seconds: { signIn: seconds, read: seconds, raw: Math.max(1, seconds - 1) },
};

const log = (line: string) => console.log(line);
const started = Date.now();
log('Relais benchmark / banc d’essai');
log(
  `Node ${process.version}, ${availableParallelism()} CPU(s); scale ${plan.scale} teams; ${seconds} s per HTTP measurement (autocannon, loopback)`,
);

const figures: EngineFigures[] = [];
const skipped: Partial<Record<EngineName, string>> = {};

log('\n== PGlite (embedded, on disk) ==');
figures.push(await measureEngine('PGlite', await openPglite(), plan, log));

log('\n== PostgreSQL (throwaway cluster, fsync off) ==');
const postgres = await openPostgres();
if (typeof postgres === 'string') {
  skipped.PostgreSQL = postgres;
  log(`  skipped: ${postgres}`);
} else figures.push(await measureEngine('PostgreSQL', postgres, plan, log));

log('\n== Network metrics (no database) ==');
const network = await measureNetwork(log);

for (const line of report(figures, skipped)) log(line);
for (const line of directoryReport(figures)) log(line);
for (const line of territoryReport(figures, network)) log(line);
for (const line of reportsReport(figures)) log(line);
for (const line of targets(figures)) log(line);
for (const line of directoryTargets(figures)) log(line);
for (const line of territoryTargets(figures, network)) log(line);
for (const line of reportsTargets(figures)) log(line);
log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);
