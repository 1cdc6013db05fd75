import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/** The markers of the rollups' neighbourhood column (decision 00XX-report-rollups). */
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

export const startOf = (day: string) => sql`${`${day}T00:00:00Z`}::timestamptz`;
/** The instant after the last day: periods include both their days. */
export const endOf = (day: string) => sql`(${`${day}T00:00:00Z`}::timestamptz + interval '1 day')`;

/**
 * The raw encounters of a period with their neighbourhood and UTC month, in the scope: what the
 * rollups count, read where the rollups cannot help (the partial months of a custom period).
 */
export function rawEncounters(scope: CountScope, period: Period, exceptMonths: string[] = []): SQL {
  const hood = scope.neighbourhoodId
    ? sql`and coalesce(p.neighbourhood_id, ${noNeighbourhood}::uuid) = ${scope.neighbourhoodId}::uuid`
    : sql``;
  const months = exceptMonths.length
    ? sql`and date_trunc('month', e.occurred_at at time zone 'UTC')::date not in (${inList(exceptMonths, 'date')})`
    : sql``;
  return sql`
    select e.id, e.team_id, coalesce(p.neighbourhood_id, ${noNeighbourhood}::uuid) as neighbourhood_id, e.person_id,
           e.identification, e.channel, e.initiator, e.age_band, e.gender, e.needs, e.actions, e.non_recours,
           date_trunc('month', e.occurred_at at time zone 'UTC')::date as month
    from encounters e
    left join outreach_sessions s on e.place_id is null and s.id = e.session_id
    left join places p on p.id = coalesce(e.place_id, s.place_id)
    where e.team_id in (${inList(scope.teamIds)})
      and e.occurred_at >= ${startOf(period.from)} and e.occurred_at < ${endOf(period.to)} ${hood} ${months}`;
}

/** The column a row of a rollup or of raw encounters falls in. */
export function splitColumn(split: CountScope['split']): SQL {
  if (split === 'team') return sql`'team:' || team_id::text`;
  if (split === 'neighbourhood') return sql`'hood:' || neighbourhood_id::text`;
  return sql`'all'`;
}
