import { and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { lastDayOf } from '../../../core/crisis.ts';
import type { Database, Tx } from '../../db/client.ts';
import { crisisMobilisationParticipants, crisisMobilisations } from '../../db/schema/index.ts';

/** What tagging needs of a mobilisation: its team, its window and whom it concerns. */
export type RunningWindow = { id: string; teamId: string; startsOn: string; lastDay: string; userId: string };

/**
 * The validated (or since ended) mobilisations a user takes part in that overlap [from, to], in
 * one query: the latest started first, so when two overlap the newer response wins.
 */
export async function mobilisationWindows(
  db: Database | Tx,
  query: { userIds: string[]; teamIds: string[]; from: string; to: string },
): Promise<RunningWindow[]> {
  if (query.userIds.length === 0 || query.teamIds.length === 0) return [];
  const rows = await db
    .select({
      id: crisisMobilisations.id,
      teamId: crisisMobilisations.teamId,
      startsOn: crisisMobilisations.startsOn,
      endsOn: crisisMobilisations.endsOn,
      endedOn: crisisMobilisations.endedOn,
      userId: crisisMobilisationParticipants.userId,
    })
    .from(crisisMobilisations)
    .innerJoin(
      crisisMobilisationParticipants,
      eq(crisisMobilisationParticipants.mobilisationId, crisisMobilisations.id),
    )
    .where(
      and(
        inArray(crisisMobilisationParticipants.userId, [...new Set(query.userIds)]),
        inArray(crisisMobilisations.teamId, [...new Set(query.teamIds)]),
        or(eq(crisisMobilisations.status, 'validated'), eq(crisisMobilisations.status, 'ended')),
        lte(crisisMobilisations.startsOn, query.to),
        gte(
          sql`least(${crisisMobilisations.endsOn}, coalesce(${crisisMobilisations.endedOn}, ${crisisMobilisations.endsOn}))`,
          query.from,
        ),
      ),
    )
    .orderBy(desc(crisisMobilisations.startsOn), desc(crisisMobilisations.id));
  return rows.map((row) => ({
    id: row.id,
    teamId: row.teamId,
    startsOn: row.startsOn,
    lastDay: lastDayOf(row),
    userId: row.userId,
  }));
}

/** Picks, among windows already loaded, the one that covers this team, user and day. */
export function windowFor(windows: RunningWindow[], teamId: string, userId: string, day: string): string | null {
  const found = windows.find(
    (w) => w.teamId === teamId && w.userId === userId && w.startsOn <= day && day <= w.lastDay,
  );
  return found?.id ?? null;
}

/**
 * The crisis mobilisation a user's work on `day` belongs to: validated, the user taking part, the
 * day within its window (up to its early closing, if any). null when there is none. Used to tag
 * encounters and activity sessions as they are created, and open to other kinds of logged work.
 */
export async function activeMobilisationFor(
  db: Database | Tx,
  query: { teamId: string; userId: string; day: string },
): Promise<string | null> {
  const windows = await mobilisationWindows(db, {
    userIds: [query.userId],
    teamIds: [query.teamId],
    from: query.day,
    to: query.day,
  });
  return windowFor(windows, query.teamId, query.userId, query.day);
}
