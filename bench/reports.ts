import type { ShownReport } from '../core/reports/shape.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import type { MillionData } from './million.ts';
import { signInAs } from './serve.ts';

/**
 * Issue #8's figure: the full annual report of a whole organisation (every figure of the built-in
 * `raqAnnual` and `ciusssActivity` templates) on 1 000 000 encounters, through the app over HTTP
 * (signed in as an organizer, who sees every team), and the same figures computed by hand-written
 * SQL on the raw tables (one GROUPING SETS pass, the needs unnested, distinct people), compared
 * figure by figure: a figure the app hides as small must be under the threshold.
 */
type Timing = { p50: number; p95: number; max: number; runs: number };
export type ReportFigures = {
  app: Timing;
  raw: Timing;
  figures: number;
  compared: number;
  same: boolean;
  mismatch?: string;
};

const runs = 20;
/** The hand-written SQL takes seconds a run on this scale: a few runs tell its time. */
const rawRuns = 3;

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, runs: sorted.length };
}

type Run = { template: string; query: string; from: string; to: string; byTeam: boolean; zone: string };

/** Every encounter figure of one template's period, by hand: key `table|row|column` → count. */
async function rawFigures(database: DatabaseHandle, run: Run): Promise<Map<string, number>> {
  const where = `occurred_at >= timestamp '${run.from}' at time zone '${run.zone}'
    and occurred_at < ('${run.to}'::date + 1)::timestamp at time zone '${run.zone}'`;
  const team = run.byTeam ? `'team:' || team_id::text` : `'all'`;
  const figures = new Map<string, number>();
  const add = (key: string, n: number) => figures.set(key, (figures.get(key) ?? 0) + Number(n));
  const columns = run.byTeam ? (column: string) => [column, 'all'] : () => ['all'];
  const single = await database.query<{ col: string; dim: string; value: string | null; n: number }>(
    `select ${team} as col, case grouping(identification, channel, initiator, age_band, gender, month)
              when 31 then 'identification' when 47 then 'channel' when 55 then 'initiator'
              when 59 then 'ageBand' when 61 then 'gender' when 62 then 'month' else 'total' end as dim,
            coalesce(identification, channel, initiator, age_band, gender, month, '') as value, count(*)::int as n
     from (select team_id, identification, coalesce(channel, '') as channel, coalesce(initiator, '') as initiator,
                  coalesce(age_band, '') as age_band, coalesce(gender, '') as gender,
                  to_char(occurred_at at time zone '${run.zone}', 'YYYY-MM-01') as month
           from encounters where ${where}) e
     group by grouping sets ((team_id, identification), (team_id, channel), (team_id, initiator), (team_id, age_band),
                             (team_id, gender), (team_id, month), (team_id))`,
  );
  const tableOf: Record<string, string> = {
    identification: 'encounters.byIdentification',
    channel: 'encounters.byChannel',
    initiator: 'encounters.byInitiator',
    ageBand: 'encounters.byAgeBand',
    gender: 'encounters.byGender',
    month: 'encounters.byMonth',
  };
  for (const row of single)
    for (const column of columns(row.col)) {
      if (row.dim === 'total') for (const table of Object.values(tableOf)) add(`${table}|total|${column}`, row.n);
      else add(`${tableOf[row.dim]}|${row.value ?? ''}|${column}`, row.n);
    }
  const needs = await database.query<{ col: string; need: string; n: number }>(
    `select ${team} as col, n.need, count(*)::int as n
     from encounters e, lateral (select distinct unnest(e.needs)) n(need) where ${where} group by 1, 2`,
  );
  for (const row of needs) for (const column of columns(row.col)) add(`needs|${row.need}|${column}`, row.n);
  const actions = await database.query<{ col: string; action: string; n: number }>(
    `select ${team} as col, a.action, count(*)::int as n
     from encounters e, lateral (select distinct unnest(e.actions)) a(action) where ${where} group by 1, 2`,
  );
  for (const row of actions) for (const column of columns(row.col)) add(`actions|${row.action}|${column}`, row.n);
  const people = await database.query<{ col: string; level: string; n: number }>(
    `with p as (select team_id, person_id,
                  case when bool_or(identification = 'identified') then 'identified' else 'pseudonymous' end as level
                from encounters where ${where} and person_id is not null group by 1, 2)
     select ${team} as col, level, count(*)::int as n from p group by 1, 2
     union all select 'all', level, count(distinct person_id)::int from p where ${run.byTeam ? 'true' : 'false'} group by 2`,
  );
  for (const row of people) {
    add(`people.distinctByIdentification|${row.level}|${row.col}`, row.n);
    add(`people.distinctByIdentification|total|${row.col}`, row.n);
  }
  return figures;
}

/** Compares the app's shown cells with the raw figures for every table the raw SQL covers. */
function compare(report: ShownReport, raw: Map<string, number>, threshold: number) {
  let compared = 0;
  for (const table of report.tables)
    for (const row of table.rows)
      for (const [index, cell] of row.cells.entries()) {
        const key = `${table.id}|${row.key}|${table.columns[index]?.key}`;
        if (![...raw.keys()].some((k) => k.startsWith(`${table.id}|`))) continue;
        const expected = raw.get(key) ?? 0;
        compared++;
        if (
          cell.value === null
            ? 'hidden' in cell && cell.hidden === 'primary' && expected >= threshold
            : cell.value !== expected
        )
          return { compared, mismatch: `${key}: app ${cell.value}, raw ${expected}` };
      }
  return { compared, mismatch: undefined };
}

export async function measureReports(
  database: DatabaseHandle,
  base: string,
  data: MillionData,
  log: (line: string) => void,
): Promise<ReportFigures> {
  // An organizer counts the whole organisation.
  await database.query(`insert into users (id, email, name, role, password_hash)
    select gen_random_uuid(), 'organizer@million.bench', 'Organisatrice', 'organizer', password_hash
    from users where email = '${data.workerEmails[0]}' on conflict do nothing`);
  const { session } = await signInAs(base, 'organizer@million.bench');
  const year = Number(data.firstDay.slice(0, 4));
  const plan: Run[] = [
    {
      template: 'raqAnnual',
      query: `periodType=calendarYear&year=${year}`,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      byTeam: false,
      zone: data.timeZone,
    },
    {
      template: 'ciusssActivity',
      query: `periodType=fiscalYear&year=${year}`,
      from: `${year}-04-01`,
      to: `${year + 1}-03-31`,
      byTeam: true,
      zone: data.timeZone,
    },
  ];
  log(`  annual report (raqAnnual ${year} + ciusssActivity ${year}-${year + 1}), whole organisation…`);
  const appSamples: number[] = [];
  const answers: ShownReport[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    answers.length = 0;
    for (const item of plan) {
      const response = await fetch(`${base}/api/reports/run?templateId=${item.template}&${item.query}`, {
        headers: { cookie: session },
      });
      if (response.status !== 200) throw new Error(`report answered ${response.status}: ${await response.text()}`);
      answers.push((await response.json()) as ShownReport);
    }
    if (run > 0) appSamples.push(performance.now() - start); // the first run warms the caches
  }
  const rawSamples: number[] = [];
  let raws: Map<string, number>[] = [];
  for (let run = 0; run <= rawRuns; run++) {
    const start = performance.now();
    raws = [];
    for (const item of plan) raws.push(await rawFigures(database, item));
    if (run > 0) rawSamples.push(performance.now() - start);
  }
  let compared = 0;
  let mismatch: string | undefined;
  for (const [index, answer] of answers.entries()) {
    const result = compare(answer, raws[index] ?? new Map(), answer.threshold);
    compared += result.compared;
    mismatch ??= result.mismatch;
  }
  const figures = answers.reduce(
    (sum, answer) => sum + answer.tables.reduce((n, t) => n + t.rows.length * t.columns.length, 0),
    0,
  );
  return {
    app: timing(appSamples),
    raw: timing(rawSamples),
    figures,
    compared,
    same: !mismatch && compared > 0,
    ...(mismatch ? { mismatch } : {}),
  };
}
