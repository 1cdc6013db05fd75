import { type SQL, sql } from 'drizzle-orm';
import { wholeMonths } from '../../../core/reports/periods.ts';
import type { Database } from '../../db/client.ts';
import {
  allNeighbourhoods,
  type CountScope,
  edgeDays,
  inList,
  type Period,
  rawEncounters,
  rowsOf,
  splitColumn,
} from './report-sql.ts';

/**
 * Encounter counts of a period: whole months from report_encounter_counts, the days of partial
 * months (custom periods only) from the raw encounters; exact either way. `counts` is keyed
 * column → dimension → value; `byMonth` column → month → encounters.
 */
export type EncounterCounts = {
  counts: Map<string, Map<string, Map<string, number>>>;
  byMonth: Map<string, Map<string, number>>;
};

const dimensionsOf = (rows: { col: string; dimension: string; value: string; month: string; n: number }[]) => {
  const result: EncounterCounts = { counts: new Map(), byMonth: new Map() };
  for (const row of rows) {
    const column = result.counts.get(row.col) ?? new Map<string, Map<string, number>>();
    result.counts.set(row.col, column);
    const dimension = column.get(row.dimension) ?? new Map<string, number>();
    column.set(row.dimension, dimension);
    dimension.set(row.value, (dimension.get(row.value) ?? 0) + row.n);
    if (row.dimension === 'total') {
      const months = result.byMonth.get(row.col) ?? new Map<string, number>();
      result.byMonth.set(row.col, months);
      months.set(row.month, (months.get(row.month) ?? 0) + row.n);
    }
  }
  return result;
};

export async function encounterCounts(db: Database, scope: CountScope, period: Period): Promise<EncounterCounts> {
  if (!scope.teamIds.length) return { counts: new Map(), byMonth: new Map() };
  const months = wholeMonths(period.from, period.to);
  const column = splitColumn(scope.split);
  const hood = scope.neighbourhoodId ? sql`and neighbourhood_id = ${scope.neighbourhoodId}::uuid` : sql``;
  const fromRollup = months.length
    ? await rowsOf<{ col: string; dimension: string; value: string; month: string; n: number }>(
        db,
        sql`select ${column} as col, dimension, value,
              case when dimension = 'total' then month::text else '' end as month, sum(encounters)::int as n
            from report_encounter_counts
            where team_id in (${inList(scope.teamIds)}) and month in (${inList(months, 'date')}) ${hood}
            group by 1, 2, 3, 4`,
      )
    : [];
  const edgeRanges = edgeDays(period, months);
  const edges = !edgeRanges.length
    ? []
    : await rowsOf<{ col: string; dimension: string; value: string; month: string; n: number }>(
        db,
        sql`with e as (${rawEncounters(scope, edgeRanges)}),
      f as (
        select ${column} as col, month, 'total' as dimension, '' as value from e
        union all select ${column} , month, 'identification', identification from e
        union all select ${column} , month, 'channel', coalesce(channel, '') from e
        union all select ${column} , month, 'initiator', coalesce(initiator, '') from e
        union all select ${column} , month, 'ageBand', coalesce(age_band, '') from e
        union all select ${column} , month, 'gender', coalesce(gender, '') from e
        union all select ${column} , month, 'need', u.v from e, lateral (select distinct unnest(e.needs)) u(v)
        union all select ${column} , month, 'action', u.v from e, lateral (select distinct unnest(e.actions)) u(v)
        union all select ${column} , month, 'right', u.v from e,
          lateral (select distinct r->>'right' from jsonb_array_elements(e.non_recours) r where r->>'right' is not null) u(v)
      )
      select col, dimension, value, case when dimension = 'total' then month::text else '' end as month, count(*)::int as n
      from f group by 1, 2, 3, 4`,
      );
  return dimensionsOf([...fromRollup, ...edges]);
}

/**
 * Distinct people of a period, each at the highest identification level reached in it, by column,
 * and month by month. A period of whole months of one kind reads report_people_counts; a custom
 * period counts distinct people on the raw encounters (exact; an index range scan).
 */
export type PeopleCounts = {
  /** column → level → people; the `all` column is always there (people are not additive). */
  levels: Map<string, Map<string, number>>;
  /** column → month → people. */
  byMonth: Map<string, Map<string, number>>;
};

type PeopleRow = { col: string; month: string; level: string; n: number };

function peopleOf(rows: PeopleRow[], into: Map<string, Map<string, number>>, key: (row: PeopleRow) => string) {
  for (const row of rows) {
    const column = into.get(row.col) ?? new Map<string, number>();
    into.set(row.col, column);
    column.set(key(row), (column.get(key(row)) ?? 0) + row.n);
  }
}

/**
 * From report_people_counts: people are counted once per period in a team and neighbourhood (or
 * "all" of them), and a person belongs to one team (fieldwork refuses another team's person), so
 * the counts add up over teams, and over neighbourhoods only through the "all" rows.
 */
function fromRollup(scope: CountScope, kind: string, starts: string[], split: CountScope['split']): SQL {
  const hood =
    split === 'neighbourhood'
      ? scope.neighbourhoodId
        ? sql`neighbourhood_id = ${scope.neighbourhoodId}::uuid`
        : sql`neighbourhood_id <> ${allNeighbourhoods}::uuid`
      : sql`neighbourhood_id = ${scope.neighbourhoodId ?? allNeighbourhoods}::uuid`;
  return sql`select ${splitColumn(split)} as col, period_start::text as month, level, sum(people)::int as n
      from report_people_counts
      where period_kind = ${kind} and period_start in (${inList(starts, 'date')})
        and team_id in (${inList(scope.teamIds)}) and ${hood}
      group by 1, 2, 3`;
}

function fromRaw(scope: CountScope, period: Period, split: CountScope['split'], byMonth: boolean): SQL {
  const month = byMonth ? sql`month::text` : sql`''`;
  return sql`with e as (${rawEncounters(scope, [period])})
    select col, month, level, count(*)::int as n from (
      select ${splitColumn(split)} as col, ${month} as month, person_id,
             case when bool_or(identification = 'identified') then 'identified' else 'pseudonymous' end as level
      from e where person_id is not null group by 1, 2, 3) p group by 1, 2, 3`;
}

export async function peopleCounts(
  db: Database,
  scope: CountScope,
  period: Period & { type: string },
  withMonths: boolean,
): Promise<PeopleCounts> {
  const result: PeopleCounts = { levels: new Map(), byMonth: new Map() };
  if (!scope.teamIds.length) return result;
  const splits: CountScope['split'][] = scope.split === 'none' ? ['none'] : ['none', scope.split];
  const whole = period.type !== 'custom';
  for (const split of splits) {
    const levels = whole ? fromRollup(scope, period.type, [period.from], split) : fromRaw(scope, period, split, false);
    peopleOf(await rowsOf<PeopleRow>(db, levels), result.levels, (row) => row.level);
    if (!withMonths) continue;
    const months = whole
      ? fromRollup(scope, 'month', wholeMonths(period.from, period.to), split)
      : fromRaw(scope, period, split, true);
    peopleOf(await rowsOf<PeopleRow>(db, months), result.byMonth, (row) => row.month);
  }
  return result;
}
