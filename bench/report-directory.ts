import type { EngineFigures } from './engine.ts';

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const ms = (t: { p50: number; p95: number; max: number }) => `${number(t.p50)} / ${number(t.p95)} / ${number(t.max)}`;

/** Issue #5's figures: directory search (app and raw SQL) with the hits that show it is right, HSDS export. */
export function directoryReport(figures: EngineFigures[]): string[] {
  const out = ['', '== Directory (ms: p50 / p95 / max over the runs) ==', ''];
  for (const f of figures) {
    const d = f.directory;
    out.push(`${f.engine}:`);
    out.push(
      `  search over ${d.services.toLocaleString('en-US')} services      ${ms(d.search)}   (${d.search.runs} searches)`,
    );
    out.push(`    same search, raw SQL                  ${ms(d.searchRaw)}`);
  }
  const lite = figures.find((f) => f.engine === 'PGlite');
  const postgres = figures.find((f) => f.engine === 'PostgreSQL');
  if (lite && postgres)
    out.push(
      `PGlite / PostgreSQL  directory search (p95) ${ratio(lite.directory.search.p95, postgres.directory.search.p95)}`,
    );
  for (const f of figures)
    out.push(
      `${f.engine}: HSDS JSON export of ${f.hsds.services.toLocaleString('en-US')} services  ${ms(f.hsds.exportMs)}   (${(f.hsds.bytes / 1024 / 1024).toFixed(1)} MB)`,
    );
  if (lite) {
    out.push('', 'First hits on PGlite:');
    for (const [query, names] of Object.entries(lite.directory.hits)) out.push(`  "${query}": ${names.join(' · ')}`);
  }
  return out;
}

export function directoryTargets(figures: EngineFigures[]): string[] {
  const lite = figures.find((f) => f.engine === 'PGlite');
  if (!lite) return [];
  const rows: [string, boolean, string][] = [
    [
      'directory search over 20 000 services, p95 under 30 ms on PGlite',
      lite.directory.search.p95 < 30,
      figures.map((f) => `${f.engine} ${number(f.directory.search.p95)} ms`).join(', '),
    ],
    [
      'HSDS export of at least 5 000 services with nested objects under 5 s',
      figures.every((f) => f.hsds.services >= 5000 && f.hsds.exportMs.max < 5000),
      figures.map((f) => `${f.engine} ${number(f.hsds.exportMs.max)} ms (max)`).join(', '),
    ],
  ];
  return [
    '',
    '== Targets (issue #5) ==',
    '',
    ...rows.map(([label, met, figure]) => `  [${met ? 'met' : 'NOT MET'}] ${label.padEnd(64)} ${figure}`),
  ];
}
