import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { NeedSignalSettings } from '../../../core/contracts/signals.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { type NeedSignalPoint, needSignals, teams } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { readSignalSettings } from './signals.settings.ts';

const DAY = 86_400_000;
/** How often a running server looks for needs that recur. */
const detectionIntervalMs = 60 * 60_000;
/** Points kept on a signal for its small chart: a year of weekly detections. */
const historyLength = 52;

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

type Tally = { neighbourhoodId: string; need: string; encounters: number; people: number; previous: number };

/**
 * Per neighbourhood and need, the team's encounters over the window and the one before. An
 * encounter belongs to the neighbourhood of its place, else of its round's place, else — when the
 * team serves a single neighbourhood — to that one. Anonymous contacts count as encounters;
 * `people` counts distinct known people.
 */
async function tally(db: Database | Tx, teamId: string, start: Date, end: Date, windowDays: number) {
  const previousStart = new Date(start.getTime() - windowDays * DAY);
  const result = (await db.execute(sql`
    with solo as (
      select (array_agg(id))[1] as id from neighbourhoods where team_id = ${teamId} having count(*) = 1
    ),
    named as (
      select coalesce(p.neighbourhood_id, sp.neighbourhood_id, (select id from solo)) as neighbourhood_id,
             e.person_id, e.occurred_at, need
      from encounters e
      cross join lateral unnest(e.needs) as need
      left join places p on p.id = e.place_id
      left join outreach_sessions s on s.id = e.session_id
      left join places sp on sp.id = s.place_id
      where e.team_id = ${teamId}
        and e.occurred_at >= ${previousStart.toISOString()}::timestamptz
        and e.occurred_at < ${end.toISOString()}::timestamptz
    )
    select n.neighbourhood_id as "neighbourhoodId", n.need,
           count(*) filter (where n.occurred_at >= ${start.toISOString()}::timestamptz)::int as encounters,
           count(distinct n.person_id) filter (where n.occurred_at >= ${start.toISOString()}::timestamptz)::int as people,
           count(*) filter (where n.occurred_at < ${start.toISOString()}::timestamptz)::int as previous
    from named n
    join neighbourhoods h on h.id = n.neighbourhood_id
    where n.neighbourhood_id is not null
    group by n.neighbourhood_id, n.need`)) as unknown as { rows: Tally[] };
  return result.rows.map((row) => ({
    ...row,
    encounters: Number(row.encounters),
    people: Number(row.people),
    previous: Number(row.previous),
  }));
}

/** Above the team's thresholds: enough encounters, enough people, and the rise when one is asked. */
export function recurs(row: Tally, settings: NeedSignalSettings): boolean {
  if (row.encounters < settings.minEncounters || row.people < settings.minPeople) return false;
  if (settings.minRisePercent === null) return true;
  return row.encounters * 100 >= row.previous * (100 + settings.minRisePercent);
}

function withPoint(history: NeedSignalPoint[], point: NeedSignalPoint): NeedSignalPoint[] {
  return [...history.filter((p) => p.on !== point.on), point].slice(-historyLength);
}

export type TeamDetection = { created: string[]; updated: string[] };

/**
 * One team's detection, in one transaction. A need above the thresholds updates the open signal
 * of its neighbourhood (new or acknowledged) or raises a new one — unless the team closed one
 * (taken up, dismissed) within the window: a new signal must rest on encounters since.
 */
export async function detectForTeam(
  db: Database,
  request: FastifyRequest | null,
  teamId: string,
  now = new Date(),
): Promise<TeamDetection> {
  const settings = await readSignalSettings(db, teamId);
  const end = new Date(now.getTime() + 1);
  const start = new Date(now.getTime() - settings.windowDays * DAY);
  const rows = (await tally(db, teamId, start, end, settings.windowDays)).filter((row) => recurs(row, settings));
  const outcome: TeamDetection = { created: [], updated: [] };
  if (!rows.length) return outcome;
  await db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(needSignals)
      .where(
        and(
          eq(needSignals.teamId, teamId),
          inArray(needSignals.neighbourhoodId, [...new Set(rows.map((r) => r.neighbourhoodId))]),
        ),
      );
    const key = (hood: string, need: string) => `${hood}:${need}`;
    const open = new Map(
      existing
        .filter((s) => s.status === 'new' || s.status === 'acknowledged')
        .map((s) => [key(s.neighbourhoodId, s.need), s]),
    );
    const recentlyClosed = new Set(
      existing
        .filter(
          (s) => s.statusChangedAt && s.statusChangedAt > start && (s.status === 'takenUp' || s.status === 'dismissed'),
        )
        .map((s) => key(s.neighbourhoodId, s.need)),
    );
    const on = isoDay(now);
    for (const row of rows) {
      const point = { on, encounters: row.encounters, people: row.people };
      const figures = {
        windowStart: isoDay(start),
        windowEnd: on,
        encounters: row.encounters,
        people: row.people,
        previousEncounters: row.previous,
        lastDetectedAt: now,
      };
      const current = open.get(key(row.neighbourhoodId, row.need));
      if (current) {
        await tx
          .update(needSignals)
          .set({ ...figures, history: withPoint(current.history, point), updatedAt: now })
          .where(eq(needSignals.id, current.id));
        outcome.updated.push(current.id);
      } else if (!recentlyClosed.has(key(row.neighbourhoodId, row.need))) {
        const id = uuidv7();
        // A concurrent detection may have raised it a moment ago: the open-signal index decides.
        const inserted = await tx
          .insert(needSignals)
          .values({
            id,
            teamId,
            neighbourhoodId: row.neighbourhoodId,
            need: row.need,
            ...figures,
            history: [point],
            firstDetectedAt: now,
          })
          .onConflictDoNothing()
          .returning({ id: needSignals.id });
        if (inserted.length) outcome.created.push(id);
      }
    }
    // A person's detection is always traced; the hourly one only when it raises something, so
    // refreshing figures every hour does not bury the log.
    if (outcome.created.length || (request && outcome.updated.length))
      await recordAudit(tx, request, {
        action: outcome.created.length ? 'create' : 'update',
        entityType: 'need_signal',
        teamId,
        details: { created: outcome.created.length, updated: outcome.updated.length, ...settings, saved: undefined },
      });
  });
  return outcome;
}

/** Every team's detection (the schedule); returns how many signals were raised. */
export async function detectAllTeams(db: Database, now = new Date()): Promise<number> {
  let created = 0;
  const active = await db
    .select({ id: teams.id })
    .from(teams)
    .where(
      sql`exists (select 1 from encounters e where e.team_id = ${teams.id} and e.occurred_at > ${new Date(now.getTime() - 365 * DAY).toISOString()}::timestamptz)`,
    );
  for (const team of active) created += (await detectForTeam(db, null, team.id, now)).created.length;
  return created;
}

/**
 * Detection once the app is ready, then every hour while it runs; unref'd, stopped on close, a
 * failure logged and tried again at the next tick (as referral expiry does).
 */
export function scheduleSignalDetection(app: FastifyInstance, db: Database, intervalMs = detectionIntervalMs): void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = detectAllTeams(db)
      .then((count) => {
        if (count) app.log.info({ count }, 'need signals raised');
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'need signal detection failed'));
    return running;
  };
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
