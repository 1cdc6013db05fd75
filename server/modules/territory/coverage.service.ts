import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Coverage, coverageQuerySchema } from '../../../core/contracts/territory.ts';
import type { Database } from '../../db/client.ts';
import { actorOf } from '../../http/request-context.ts';
import { teamFilter } from '../fieldwork/fieldwork.policy.ts';

const nilPlace = '00000000-0000-0000-0000-000000000000';
const dayMs = 86_400_000;

type Row = {
  id: string | null;
  name: string | null;
  kind: string | null;
  latitude: number | null;
  longitude: number | null;
  sessions: number | string | null;
  encounters: number | string | null;
  last_visit: string | Date | null;
};

/**
 * The team's outreach coverage (decision 0018): sessions and encounters per place — or per
 * neighbourhood — over a period, and the last day anyone went there, read from `coverage_counts`
 * (kept by triggers), so a year of a busy team is a few thousand rows, not a million encounters.
 * Places nobody visited are listed too: they are the point.
 */
export async function coverage(
  db: Database,
  request: FastifyRequest,
  query: z.infer<typeof coverageQuerySchema>,
): Promise<Coverage> {
  const teams = teamFilter(actorOf(request), request, query.teamId);
  const teamCondition = (column: string) =>
    teams ? sql`${sql.raw(column)} = any(${`{${teams.join(',')}}`}::uuid[])` : sql`true`;
  const counts = sql`
    select place_id,
      sum(sessions) filter (where day >= ${query.from}::date) as sessions,
      sum(encounters) filter (where day >= ${query.from}::date) as encounters,
      max(day) filter (where sessions > 0 or encounters > 0) as last_visit
    from coverage_counts
    where ${teamCondition('team_id')} and day <= ${query.to}::date
    group by place_id`;
  const statement =
    query.by === 'place'
      ? sql`
        with counts as (${counts})
        select p.id, p.name, p.kind, p.latitude, p.longitude, c.sessions, c.encounters, c.last_visit
        from places p left join counts c on c.place_id = p.id
        where ${teamCondition('p.team_id')} and (p.active or c.place_id is not null)
        union all
        select null, null, null, null, null, c.sessions, c.encounters, c.last_visit
        from counts c where c.place_id = ${nilPlace}::uuid`
      : sql`
        with counts as (${counts}),
        by_hood as (
          select p.neighbourhood_id as id, sum(c.sessions) as sessions, sum(c.encounters) as encounters,
                 max(c.last_visit) as last_visit
          from counts c join places p on p.id = c.place_id
          group by p.neighbourhood_id
        )
        select n.id, n.name, null as kind, null as latitude, null as longitude, b.sessions, b.encounters, b.last_visit
        from neighbourhoods n left join by_hood b on b.id = n.id
        where ${teamCondition('n.team_id')}
        union all
        select null, null, null, null, null, b.sessions, b.encounters, b.last_visit from by_hood b where b.id is null
        union all
        select null, null, null, null, null, c.sessions, c.encounters, c.last_visit
        from counts c where c.place_id = ${nilPlace}::uuid`;
  const result = (await db.execute(statement)) as unknown as { rows: Row[] };
  const end = Date.parse(`${query.to}T00:00:00Z`);
  const zones = result.rows
    .map((row) => {
      const lastVisit = row.last_visit
        ? (row.last_visit instanceof Date ? row.last_visit.toISOString() : String(row.last_visit)).slice(0, 10)
        : null;
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        location:
          row.latitude === null || row.longitude === null
            ? null
            : { latitude: Number(row.latitude), longitude: Number(row.longitude) },
        sessions: Number(row.sessions ?? 0),
        encounters: Number(row.encounters ?? 0),
        lastVisit,
        daysSinceLastVisit: lastVisit ? Math.round((end - Date.parse(`${lastVisit}T00:00:00Z`)) / dayMs) : null,
      };
    })
    .filter((zone) => zone.id !== null || zone.sessions + zone.encounters > 0)
    // Longest without a visit first: where to go next.
    .sort(
      (a, b) =>
        (b.daysSinceLastVisit ?? Number.MAX_SAFE_INTEGER) - (a.daysSinceLastVisit ?? Number.MAX_SAFE_INTEGER) ||
        (a.name ?? '').localeCompare(b.name ?? ''),
    );
  return {
    from: query.from,
    to: query.to,
    by: query.by,
    zones,
    total: {
      sessions: zones.reduce((sum, z) => sum + z.sessions, 0),
      encounters: zones.reduce((sum, z) => sum + z.encounters, 0),
    },
  };
}
