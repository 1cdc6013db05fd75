import type { Coverage } from '../core/contracts/territory.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import type { MillionData } from './million.ts';

/**
 * Issue #6's coverage figure: one year of one team's rounds and encounters by place, in a database
 * of 1 000 000 encounters — through the app (GET /api/territory/coverage, signed in as the team's
 * worker, over HTTP) and as the hand-written SQL a developer would write against the raw tables.
 * Both must give the same figures for every place; the bench says so.
 */
type Timing = { p50: number; p95: number; max: number; runs: number };
export type CoverageFigures = { app: Timing; raw: Timing; places: number; encounters: number; same: boolean };

const runs = 30;

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, runs: sorted.length };
}

/** Sessions and encounters per place over the period; the last visit up to its end, ever (local days, $4). */
const handWritten = `
  with e as (
    select place_id, count(*) filter (where occurred_at >= $2::timestamp at time zone $4) as encounters,
           max((occurred_at at time zone $4)::date) as last_day
    from encounters where team_id = $1 and occurred_at < ($3::date + 1)::timestamp at time zone $4
    group by place_id
  ), s as (
    select place_id, count(*) filter (where on_date >= $2::date) as sessions, max(on_date) as last_day
    from outreach_sessions where team_id = $1 and on_date <= $3::date group by place_id
  )
  select p.id, coalesce(s.sessions, 0)::int as sessions, coalesce(e.encounters, 0)::int as encounters,
         greatest(e.last_day, s.last_day)::text as last_visit
  from places p left join e on e.place_id = p.id left join s on s.place_id = p.id
  where p.team_id = $1 and p.active`;

type RawRow = { id: string; sessions: number; encounters: number; last_visit: string | null };

export async function measureCoverage(
  database: DatabaseHandle,
  call: (path: string) => Promise<Response>,
  data: MillionData,
  log: (line: string) => void,
): Promise<CoverageFigures> {
  const teamId = data.teamIds[0] as string;
  const year = data.lastDay.slice(0, 4);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  log(`  coverage by place, ${from} → ${to}, one team of ${data.teamIds.length}…`);
  const appSamples: number[] = [];
  let answer: Coverage | null = null;
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    const response = await call(`/api/territory/coverage?from=${from}&to=${to}&by=place`);
    if (response.status !== 200) throw new Error(`coverage answered ${response.status}: ${await response.text()}`);
    answer = (await response.json()) as Coverage;
    if (run > 0) appSamples.push(performance.now() - start); // the first run warms the caches
  }
  const rawSamples: number[] = [];
  let rows: RawRow[] = [];
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    rows = await database.query<RawRow>(handWritten, [teamId, from, to, data.timeZone]);
    if (run > 0) rawSamples.push(performance.now() - start);
  }
  const byPlace = new Map((answer?.zones ?? []).filter((zone) => zone.id).map((zone) => [zone.id, zone]));
  const same =
    rows.length === byPlace.size &&
    rows.every((row) => {
      const zone = byPlace.get(row.id);
      return (
        zone?.sessions === Number(row.sessions) &&
        zone.encounters === Number(row.encounters) &&
        zone.lastVisit === row.last_visit
      );
    });
  return {
    app: timing(appSamples),
    raw: timing(rawSamples),
    places: rows.length,
    encounters: answer?.total.encounters ?? 0,
    same,
  };
}
