import type { EngineFigures } from './engine.ts';
import type { NetworkFigures } from './network.ts';

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const ms = (t: { p50: number; p95: number; max: number }) => `${number(t.p50)} / ${number(t.p95)} / ${number(t.max)}`;

/** Issue #6's figures: coverage on 1 000 000 encounters (app and hand-written SQL), network metrics. */
export function territoryReport(figures: EngineFigures[], network: NetworkFigures): string[] {
  const out = ['', '== Territory and network (ms: p50 / p95 / max over the runs) ==', ''];
  for (const f of figures) {
    const c = f.coverage;
    out.push(
      `${f.engine}: an organisation of 1,000,000 encounters loaded in ${f.millionLoadSeconds.toFixed(0)} s (set-based SQL through the triggers)`,
    );
    out.push(
      `  coverage of one team's year by place (GET /api/territory/coverage)  ${ms(c.app)}   (${c.app.runs} runs, ${c.places} places, ${c.encounters.toLocaleString('en-US')} encounters)`,
    );
    out.push(`    the same from the raw tables, hand-written SQL                  ${ms(c.raw)}`);
    out.push(
      `    app / hand-written SQL (p50) ${ratio(c.app.p50, c.raw.p50)}; same figures for every place: ${c.same ? 'yes' : 'NO'}`,
    );
  }
  const lite = figures.find((f) => f.engine === 'PGlite');
  const postgres = figures.find((f) => f.engine === 'PostgreSQL');
  if (lite && postgres)
    out.push(`PGlite / PostgreSQL  coverage (p50) ${ratio(lite.coverage.app.p50, postgres.coverage.app.p50)}`);
  out.push(
    `Network metrics, ${network.actors.toLocaleString('en-US')} actors and ${network.ties.toLocaleString('en-US')} ties: ` +
      `${network.poolMs.map((value) => number(value)).join(' / ')} ms over ${network.poolMs.length} runs with ${network.threads} threads; ` +
      `one thread's searches alone ${number(network.singleThreadMs)} ms`,
  );
  return out;
}

export function territoryTargets(figures: EngineFigures[], network: NetworkFigures): string[] {
  const lite = figures.find((f) => f.engine === 'PGlite');
  const postgres = figures.find((f) => f.engine === 'PostgreSQL');
  const networkMedian = network.poolMs[1] ?? network.poolMs[0] ?? 0;
  const rows: [string, boolean, string][] = [
    [
      `network metrics on ${network.actors} actors and ${network.ties} ties under 1.5 s`,
      networkMedian < 1500,
      `${number(networkMedian)} ms (median of ${network.poolMs.length}, ${network.threads} threads)`,
    ],
  ];
  if (lite)
    rows.push([
      'coverage of a year on 1 000 000 encounters under 500 ms on PGlite',
      lite.coverage.app.p95 < 500 && lite.coverage.same,
      `${number(lite.coverage.app.p95)} ms (p95)${postgres ? `; on PostgreSQL app / hand-written SQL ${ratio(postgres.coverage.app.p50, postgres.coverage.raw.p50)}` : ''}`,
    ]);
  return [
    '',
    '== Targets (issue #6) ==',
    '',
    ...rows.map(([label, met, figure]) => `  [${met ? 'met' : 'NOT MET'}] ${label.padEnd(64)} ${figure}`),
  ];
}
