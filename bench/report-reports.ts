import type { EngineFigures } from './engine.ts';

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const ms = (t: { p50: number; p95: number; max: number }) => `${number(t.p50)} / ${number(t.p95)} / ${number(t.max)}`;

/** Issue #8's figure: the full annual report of a whole organisation on 1 000 000 encounters. */
export function reportsReport(figures: EngineFigures[]): string[] {
  const out = ['', '== Reports (ms: p50 / p95 / max over the runs) ==', ''];
  for (const f of figures) {
    const r = f.reports;
    out.push(
      `${f.engine}: annual report, whole organisation (raqAnnual + ciusssActivity)  ${ms(r.app)}   (${r.app.runs} runs, ${r.figures} figures)`,
    );
    out.push(`    the same encounter and people figures by hand-written SQL           ${ms(r.raw)}`);
    out.push(
      `    app / hand-written SQL (p50) ${ratio(r.app.p50, r.raw.p50)}; ${r.compared} figures compared, same: ${r.same}${r.mismatch ? ` (${r.mismatch})` : ''}`,
    );
  }
  const lite = figures.find((f) => f.engine === 'PGlite');
  const postgres = figures.find((f) => f.engine === 'PostgreSQL');
  if (lite && postgres)
    out.push(`PGlite / PostgreSQL  annual report (p50) ${ratio(lite.reports.app.p50, postgres.reports.app.p50)}`);
  return out;
}

export function reportsTargets(figures: EngineFigures[]): string[] {
  const lite = figures.find((f) => f.engine === 'PGlite');
  if (!lite) return [];
  const met = lite.reports.app.p95 < 500 && lite.reports.same;
  return [
    '',
    '== Targets (issue #8) ==',
    '',
    `  [${met ? 'met' : 'NOT MET'}] ${'annual report on 1 000 000 encounters under 500 ms on PGlite, same figures'.padEnd(64)} ${number(lite.reports.app.p95)} ms (p95)`,
  ];
}
