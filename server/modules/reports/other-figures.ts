import { type SQL, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../../core/localized.ts';
import type { ReportGrouping } from '../../../core/reports/catalogue.ts';
import type { Database } from '../../db/client.ts';
import { endOf, inList, noNeighbourhood, type Period, rowsOf, startOf } from './report-sql.ts';

/**
 * The small tables a report reads directly (referrals, first contacts, collective activities,
 * projects, coverage_counts, time entries): a year of them is a few thousand rows at most.
 * Every answer is keyed column → row value → count; the engine adds the `all` column.
 */
export type Grid = Map<string, Map<string, number>>;
export type Filter = { teamIds: string[]; neighbourhoodId: string | null; grouping: ReportGrouping };

function gridOf(rows: { col: string; value: string; n: number | string }[]): Grid {
  const grid: Grid = new Map();
  for (const row of rows) {
    const column = grid.get(row.col) ?? new Map<string, number>();
    grid.set(row.col, column);
    column.set(row.value, (column.get(row.value) ?? 0) + Number(row.n));
  }
  return grid;
}

/** The column of a record that has a team (alias t), maybe a neighbourhood and a mission. */
function columnOf(filter: Filter, fields: { neighbourhood?: SQL; mission?: SQL }): SQL {
  if (filter.grouping === 'team') return sql`'team:' || t.team_id::text`;
  if (filter.grouping === 'neighbourhood' && fields.neighbourhood)
    return sql`'hood:' || coalesce(${fields.neighbourhood}, ${noNeighbourhood}::uuid)::text`;
  if (filter.grouping === 'mission' && fields.mission) return sql`'mission:' || coalesce(${fields.mission}, '')`;
  return sql`'all'`;
}

const inHood = (filter: Filter, column: SQL) =>
  filter.neighbourhoodId ? sql`and ${column} = ${filter.neighbourhoodId}::uuid` : sql``;

export async function firstContacts(db: Database, filter: Filter, period: Period): Promise<Grid> {
  return gridOf(
    await rowsOf(
      db,
      sql`select ${columnOf(filter, {})} as col, coalesce(t.first_contact_how, '') as value, count(*)::int as n
        from people t
        where t.team_id in (${inList(filter.teamIds)}) and t.merged_into_id is null
          and t.first_contact_on between ${period.from}::date and ${period.to}::date
        group by 1, 2`,
    ),
  );
}

export async function referralOutcomes(db: Database, filter: Filter, period: Period): Promise<Grid> {
  return gridOf(
    await rowsOf(
      db,
      sql`select ${columnOf(filter, {})} as col, t.status as value, count(*)::int as n
        from referrals t
        where t.team_id in (${inList(filter.teamIds)})
          and t.referred_at >= ${startOf(period.from)} and t.referred_at < ${endOf(period.to)}
        group by 1, 2`,
    ),
  );
}

/** Sessions held and attendance (people present by name plus people counted without one), by column. */
export async function activitySessions(db: Database, filter: Filter, period: Period): Promise<Grid> {
  const column = columnOf(filter, { neighbourhood: sql`a.neighbourhood_id`, mission: sql`a.mission` });
  return gridOf(
    await rowsOf(
      db,
      sql`with s as (
          select ${column} as col,
                 (select count(*) from activity_attendance p where p.session_id = t.id)
                 + coalesce((select sum(j.value::int) from jsonb_each_text(t.head_counts) j), 0) as attendances
          from activity_sessions t join collective_activities a on a.id = t.activity_id
          where t.team_id in (${inList(filter.teamIds)}) and t.on_date between ${period.from}::date and ${period.to}::date
            ${inHood(filter, sql`a.neighbourhood_id`)}
        )
        select col, 'sessions' as value, count(*)::int as n from s group by 1
        union all select col, 'attendances', sum(attendances)::int from s group by 1`,
    ),
  );
}

/** Projects under way (active) that had started by the end of the period, by stage. */
export async function projectStages(db: Database, filter: Filter, period: Period): Promise<Grid> {
  return gridOf(
    await rowsOf(
      db,
      sql`select ${columnOf(filter, { neighbourhood: sql`t.neighbourhood_id` })} as col, t.stage as value, count(*)::int as n
        from community_projects t
        where t.team_id in (${inList(filter.teamIds)}) and t.status = 'active' and t.started_on <= ${period.to}::date
          ${inHood(filter, sql`t.neighbourhood_id`)}
        group by 1, 2`,
    ),
  );
}

export type PlaceCoverage = { placeId: string; name: string | null; sessions: number; encounters: number };

/** Rounds held and contacts made per place (coverage_counts, decision 0018); the nil place is "no place". */
export async function coverageByPlace(db: Database, filter: Filter, period: Period): Promise<PlaceCoverage[]> {
  const rows = await rowsOf<{ place_id: string; name: string | null; sessions: number; encounters: number }>(
    db,
    sql`select c.place_id, p.name, sum(c.sessions)::int as sessions, sum(c.encounters)::int as encounters
      from coverage_counts c left join places p on p.id = c.place_id
      where c.team_id in (${inList(filter.teamIds)}) and c.day between ${period.from}::date and ${period.to}::date
        ${inHood(filter, sql`coalesce(p.neighbourhood_id, ${noNeighbourhood}::uuid)`)}
      group by 1, 2 having sum(c.sessions) <> 0 or sum(c.encounters) <> 0 order by p.name nulls last`,
  );
  return rows.map((row) => ({
    placeId: row.place_id,
    name: row.name,
    sessions: row.sessions,
    encounters: row.encounters,
  }));
}

/** Minutes by mission (or host partner). */
export async function timeByMission(db: Database, filter: Filter, period: Period): Promise<Grid> {
  return gridOf(
    await rowsOf(
      db,
      sql`select ${columnOf(filter, {})} as col, t.category as value, sum(t.minutes)::int as n
        from time_entries t
        where t.team_id in (${inList(filter.teamIds)}) and t.on_date between ${period.from}::date and ${period.to}::date
        group by 1, 2`,
    ),
  );
}

/** Minutes by "fait sens quand" criterion met; the column may be the entry's mission. */
export async function timeByCriterion(db: Database, filter: Filter, period: Period): Promise<Grid> {
  return gridOf(
    await rowsOf(
      db,
      sql`select ${columnOf(filter, { mission: sql`t.category` })} as col, c.code as value, sum(t.minutes)::int as n
        from time_entries t, unnest(t.criteria) c(code)
        where t.team_id in (${inList(filter.teamIds)}) and t.on_date between ${period.from}::date and ${period.to}::date
        group by 1, 2`,
    ),
  );
}

/** The teams' words for their criteria (a code a team renamed keeps its first label). */
export async function criterionLabels(db: Database, teamIds: string[]): Promise<Map<string, LocalizedText>> {
  const rows = await rowsOf<{ code: string; label_fr: string; label_en: string }>(
    db,
    sql`select distinct on (code) code, label_fr, label_en from mission_criteria
      where team_id in (${inList(teamIds)}) order by code, position`,
  );
  return new Map(rows.map((row) => [row.code, { fr: row.label_fr, en: row.label_en }]));
}

/** Labels of taxonomy terms (needs, actions, rights). */
export async function termLabels(db: Database, kind: string): Promise<Map<string, LocalizedText>> {
  const rows = await rowsOf<{ code: string; label_fr: string; label_en: string }>(
    db,
    sql`select code, label_fr, label_en from taxonomy_terms where kind = ${kind}`,
  );
  return new Map(rows.map((row) => [row.code, { fr: row.label_fr, en: row.label_en }]));
}
