import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  Network,
  NetworkEdge,
  networkCompareQuerySchema,
  networkQuerySchema,
} from '../../../core/contracts/network.ts';
import type { DerivedTieKind } from '../../../core/network.ts';
import type { Database } from '../../db/client.ts';
import { actorNeighbourhoods, actors, neighbourhoods, ties } from '../../db/schema/index.ts';
import { actorOf } from '../../http/request-context.ts';
import { teamFilter } from '../fieldwork/fieldwork.policy.ts';
import type { NetworkPool } from './network.pool.ts';

type Scope = {
  teams: string[] | undefined;
  at: string;
  kinds: Set<string> | null;
  neighbourhoodId?: string;
  window: number;
};

const dayMs = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Ties entered by hand that stood on `at`: started by then (or undated) and not yet ended. */
async function handTies(db: Database, scope: Scope): Promise<NetworkEdge[]> {
  const rows = await db
    .select()
    .from(ties)
    .where(
      and(
        scope.teams ? inArray(ties.teamId, scope.teams) : undefined,
        or(isNull(ties.startedOn), lte(ties.startedOn, scope.at)),
        or(isNull(ties.endedOn), gt(ties.endedOn, scope.at)),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    source: row.actorAId,
    target: row.actorBId,
    kind: row.kind as NetworkEdge['kind'],
    strength: row.strength,
    derived: false,
    count: null,
  }));
}

/**
 * Ties the team's activity shows (decision 0017): actors met together at an interaction (a
 * concertation table, a shared event) within the window; referral flows — from the host partner
 * of the worker who referred to the organisation whose service received the person; members of
 * the same committee on that date; partners of the same collective activity held within the window.
 */
async function derivedTies(db: Database, scope: Scope): Promise<NetworkEdge[]> {
  const from = new Date(Date.parse(scope.at) - scope.window * dayMs).toISOString().slice(0, 10);
  const teams = scope.teams ? sql`and i.team_id = any(${`{${scope.teams.join(',')}}`}::uuid[])` : sql``;
  const shared = (await db.execute(sql`
    select a.actor_id as source, b.actor_id as target, count(*)::int as n
    from actor_interactions i
    join actor_interaction_actors a on a.interaction_id = i.id
    join actor_interaction_actors b on b.interaction_id = i.id and a.actor_id < b.actor_id
    where i.occurred_on > ${from} and i.occurred_on <= ${scope.at} ${teams}
    group by a.actor_id, b.actor_id`)) as unknown as { rows: { source: string; target: string; n: number }[] };
  const referralTeams = scope.teams ? sql`and r.team_id = any(${`{${scope.teams.join(',')}}`}::uuid[])` : sql``;
  const flows = (await db.execute(sql`
    select h.actor_id as source, s.actor_id as target, count(*)::int as n
    from referrals r
    join services s on s.id = r.service_id
    join actor_hosted_workers h on h.user_id = r.created_by
    where h.actor_id <> s.actor_id
      and r.referred_at > ${from}::date and r.referred_at < (${scope.at}::date + 1) ${referralTeams}
    group by h.actor_id, s.actor_id`)) as unknown as { rows: { source: string; target: string; n: number }[] };
  const committeeTeams = scope.teams ? sql`and c.team_id = any(${`{${scope.teams.join(',')}}`}::uuid[])` : sql``;
  const committeesShared = (await db.execute(sql`
    select a.actor_id as source, b.actor_id as target, count(*)::int as n
    from committees c
    join committee_members a on a.committee_id = c.id
    join committee_members b on b.committee_id = c.id and a.actor_id < b.actor_id
    where (a.since is null or a.since <= ${scope.at}::date) and (a.until is null or a.until > ${scope.at}::date)
      and (b.since is null or b.since <= ${scope.at}::date) and (b.until is null or b.until > ${scope.at}::date)
      ${committeeTeams}
    group by a.actor_id, b.actor_id`)) as unknown as { rows: { source: string; target: string; n: number }[] };
  const activityTeams = scope.teams ? sql`and v.team_id = any(${`{${scope.teams.join(',')}}`}::uuid[])` : sql``;
  const activitiesShared = (await db.execute(sql`
    select a.actor_id as source, b.actor_id as target, count(*)::int as n
    from collective_activities v
    join activity_partners a on a.activity_id = v.id
    join activity_partners b on b.activity_id = v.id and a.actor_id < b.actor_id
    where exists (select 1 from activity_sessions s where s.activity_id = v.id
                  and s.on_date > ${from}::date and s.on_date <= ${scope.at}::date) ${activityTeams}
    group by a.actor_id, b.actor_id`)) as unknown as { rows: { source: string; target: string; n: number }[] };
  const strength = (n: number) => (n >= 10 ? 3 : n >= 3 ? 2 : 1);
  const derivedEdges = (kind: DerivedTieKind, rows: { source: string; target: string; n: number }[]) =>
    rows.map((row) => ({
      id: `${kind}:${pairKey(row.source, row.target)}`,
      source: row.source,
      target: row.target,
      kind,
      strength: strength(Number(row.n)),
      derived: true,
      count: Number(row.n),
    }));
  return [
    ...derivedEdges('sharedInteraction', shared.rows),
    ...derivedEdges('referralFlow', flows.rows),
    ...derivedEdges('sharedCommittee', committeesShared.rows),
    ...derivedEdges('sharedActivity', activitiesShared.rows),
  ];
}

/**
 * The actors of the team's territory, tied or not (an isolated actor is news too): organisations
 * serving its neighbourhoods, its key persons, and whoever a tie names.
 */
async function territoryActors(db: Database, scope: Scope, named: string[]) {
  const hoods = scope.neighbourhoodId
    ? [scope.neighbourhoodId]
    : scope.teams
      ? (
          await db
            .select({ id: neighbourhoods.id })
            .from(neighbourhoods)
            .where(inArray(neighbourhoods.teamId, scope.teams))
        ).map((h) => h.id)
      : undefined;
  const serving = hoods
    ? hoods.length
      ? sql`${actors.id} in (select actor_id from actor_neighbourhoods where neighbourhood_id = any(${`{${hoods.join(',')}}`}::uuid[]))`
      : sql`false`
    : sql`true`;
  const ownKeyPersons = scope.teams
    ? scope.teams.length
      ? inArray(actors.teamId, scope.teams)
      : sql`false`
    : sql`${actors.teamId} is not null`;
  const rows = await db
    .select({ id: actors.id, name: actors.name, kind: actors.kind, category: actors.category, teamId: actors.teamId })
    .from(actors)
    .where(
      and(
        eq(actors.active, true),
        or(
          and(isNull(actors.teamId), serving),
          and(ownKeyPersons, scope.neighbourhoodId ? serving : undefined),
          named.length && !scope.neighbourhoodId ? inArray(actors.id, named) : undefined,
        ),
      ),
    );
  if (!scope.neighbourhoodId) return rows;
  const inHood = new Set(
    (
      await db
        .select({ id: actorNeighbourhoods.actorId })
        .from(actorNeighbourhoods)
        .where(eq(actorNeighbourhoods.neighbourhoodId, scope.neighbourhoodId))
    ).map((r) => r.id),
  );
  return rows.filter((r) => inHood.has(r.id));
}

async function networkAt(db: Database, pool: NetworkPool, scope: Scope): Promise<Network> {
  const started = performance.now();
  const edgesAll = [...(await handTies(db, scope)), ...(await derivedTies(db, scope))].filter(
    (edge) => !scope.kinds || scope.kinds.has(edge.kind),
  );
  const named = [...new Set(edgesAll.flatMap((e) => [e.source, e.target]))];
  const people = await territoryActors(db, scope, named);
  const index = new Map(people.map((p, i) => [p.id, i]));
  const edges = edgesAll.filter((e) => index.has(e.source) && index.has(e.target));
  const metrics = await pool.metrics(
    people.length,
    edges.map((e) => index.get(e.source)!),
    edges.map((e) => index.get(e.target)!),
  );
  // Bridging: a cut vertex, or an actor whose ties reach two communities besides its own.
  const reached = people.map(() => new Set<number>());
  for (const edge of edges) {
    const a = index.get(edge.source)!;
    const b = index.get(edge.target)!;
    reached[a]!.add(metrics.community[b]!);
    reached[b]!.add(metrics.community[a]!);
  }
  return {
    at: scope.at,
    nodes: people.map((person, i) => {
      reached[i]!.delete(metrics.community[i]!);
      return {
        id: person.id,
        name: person.name,
        kind: person.kind as 'organisation' | 'keyPerson',
        category: person.category,
        degree: metrics.degree[i]!,
        betweenness: metrics.betweenness[i]!,
        closeness: metrics.closeness[i]!,
        community: metrics.community[i]!,
        isolated: metrics.degree[i] === 0,
        bridging: metrics.cutVertex[i] === 1 || reached[i]!.size >= 2,
      };
    }),
    edges,
    communities: metrics.communityCount,
    modularity: metrics.modularity,
    computedInMs: Math.round(performance.now() - started),
  };
}

function scopeOf(
  request: FastifyRequest,
  query: { teamId?: string; kinds?: string; neighbourhoodId?: string; window: number },
  at: string,
): Scope {
  return {
    teams: teamFilter(actorOf(request), request, query.teamId),
    at,
    kinds: query.kinds ? new Set(query.kinds.split(',')) : null,
    neighbourhoodId: query.neighbourhoodId,
    window: query.window,
  };
}

export function network(
  db: Database,
  pool: NetworkPool,
  request: FastifyRequest,
  query: z.infer<typeof networkQuerySchema>,
) {
  return networkAt(db, pool, scopeOf(request, query, query.at ?? today()));
}

/** The network at two dates side by side, and the ties that appeared or went between them. */
export async function compareNetworks(
  db: Database,
  pool: NetworkPool,
  request: FastifyRequest,
  query: z.infer<typeof networkCompareQuerySchema>,
) {
  const from = await networkAt(db, pool, scopeOf(request, query, query.from));
  const to = await networkAt(db, pool, scopeOf(request, query, query.to));
  const key = (edge: NetworkEdge) => (edge.derived ? edge.id : `${edge.kind}:${pairKey(edge.source, edge.target)}`);
  const before = new Set(from.edges.map(key));
  const after = new Set(to.edges.map(key));
  return {
    from,
    to,
    newTies: to.edges.filter((edge) => !before.has(key(edge))),
    lostTies: from.edges.filter((edge) => !after.has(key(edge))),
  };
}
