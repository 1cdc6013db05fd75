import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/** The markers of the rollups' neighbourhood column (decision 0032). */
export const noNeighbourhood = '00000000-0000-0000-0000-000000000000';
export const allNeighbourhoods = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/** What a report counts: these teams, maybe one neighbourhood, split by a grouping. */
export type CountScope = {
  teamIds: string[];
  neighbourhoodId: string | null;
  /** How columns split: by team, by neighbourhood, or not at all (one `all` column). */
  split: 'none' | 'team' | 'neighbourhood';
};

export type Period = { from: string; to: string };

export const inList = (values: string[], cast = 'uuid') =>
  sql.join(
    values.map((value) => sql`${value}::${sql.raw(cast)}`),
    sql`, `,
  );

export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The counting time zone (migration `report_local_time`): the one the rollups count days and months in. */
export const countingZone = sql`(select relais_counting_zone())`;
/** Midnight at the start of a day, in the counting time zone. */
export const startOf = (day: string) => sql`(${day}::date::timestamp at time zone ${countingZone})`;
/** The instant after the last day: periods include both their days. */
export const endOf = (day: string) => sql`((${day}::date + 1)::timestamp at time zone ${countingZone})`;

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The days of a period that the whole months `months` (consecutive, inside it) do not cover: the
 * partial edges of a custom period; none for a period of whole months.
 */
export function edgeDays(period: Period, months: string[]): Period[] {
  if (!months.length) return [period];
  const [first] = months as [string];
  const last = months.at(-1) as string;
  // The first day after the last whole month (JS months count from 0: month m + 1 is index m).
  const afterLast = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 1))
    .toISOString()
    .slice(0, 10);
  const edges: Period[] = [];
  if (period.from < first) edges.push({ from: period.from, to: dayBefore(first) });
  if (period.to >= afterLast) edges.push({ from: afterLast, to: period.to });
  return edges;
}

/**
 * The raw encounters of some day ranges with their neighbourhood and local month, in the scope: what
 * the rollups count, read where the rollups cannot help (the partial months of a custom period).
 */
export function rawEncounters(scope: CountScope, ranges: Period[]): SQL {
  const hood = scope.neighbourhoodId
    ? sql`and coalesce(p.neighbourhood_id, ${noNeighbourhood}::uuid) = ${scope.neighbourhoodId}::uuid`
    : sql``;
  const within = ranges.length
    ? sql.join(
        ranges.map((range) => sql`(e.occurred_at >= ${startOf(range.from)} and e.occurred_at < ${endOf(range.to)})`),
        sql` or `,
      )
    : sql`false`;
  return sql`
    select e.id, e.team_id, coalesce(p.neighbourhood_id, ${noNeighbourhood}::uuid) as neighbourhood_id, e.person_id,
           e.identification, e.channel, e.initiator, e.age_band, e.gender, e.needs, e.actions, e.non_recours,
           date_trunc('month', e.occurred_at at time zone ${countingZone})::date as month
    from encounters e
    left join outreach_sessions s on e.place_id is null and s.id = e.session_id
    left join places p on p.id = coalesce(e.place_id, s.place_id)
    where e.team_id in (${inList(scope.teamIds)}) and (${within}) ${hood}`;
}

/** The column a row of a rollup or of raw encounters falls in. */
export function splitColumn(split: CountScope['split']): SQL {
  if (split === 'team') return sql`'team:' || team_id::text`;
  if (split === 'neighbourhood') return sql`'hood:' || neighbourhood_id::text`;
  return sql`'all'`;
}
