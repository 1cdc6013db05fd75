import { and, count, eq, inArray } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';
import {
  encounters,
  outreachSessionMembers,
  outreachSessions,
  sessionObservations,
  sessionTallies,
  teamMemberships,
} from '../../db/schema/index.ts';

export type SessionRow = typeof outreachSessions.$inferSelect;
export type SessionExtras = {
  memberIds: Map<string, string[]>;
  tallies: Map<string, { kind: string; count: number }[]>;
  encounterCounts: Map<string, number>;
};

/** Members, tallies and encounter counts of many sessions in three queries. */
export async function sessionExtras(db: Database | Tx, ids: string[]): Promise<SessionExtras> {
  const extras: SessionExtras = { memberIds: new Map(), tallies: new Map(), encounterCounts: new Map() };
  if (ids.length === 0) return extras;
  const [members, tallies, counts] = await Promise.all([
    db.select().from(outreachSessionMembers).where(inArray(outreachSessionMembers.sessionId, ids)),
    db.select().from(sessionTallies).where(inArray(sessionTallies.sessionId, ids)),
    db
      .select({ sessionId: encounters.sessionId, total: count() })
      .from(encounters)
      .where(inArray(encounters.sessionId, ids))
      .groupBy(encounters.sessionId),
  ]);
  for (const m of members) extras.memberIds.set(m.sessionId, [...(extras.memberIds.get(m.sessionId) ?? []), m.userId]);
  for (const t of tallies)
    extras.tallies.set(t.sessionId, [...(extras.tallies.get(t.sessionId) ?? []), { kind: t.kind, count: t.count }]);
  for (const c of counts) if (c.sessionId) extras.encounterCounts.set(c.sessionId, c.total);
  return extras;
}

export async function findSession(db: Database | Tx, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(outreachSessions).where(eq(outreachSessions.id, id));
  return row;
}

export async function observationsOf(db: Database | Tx, sessionId: string) {
  return db
    .select()
    .from(sessionObservations)
    .where(eq(sessionObservations.sessionId, sessionId))
    .orderBy(sessionObservations.recordedAt);
}

/** Which of these users are members of the team. */
export async function membersOfTeam(db: Database | Tx, teamId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), inArray(teamMemberships.userId, userIds)));
  return new Set(rows.map((r) => r.userId));
}

export async function replaceSessionMembers(tx: Database | Tx, sessionId: string, userIds: string[]) {
  await tx.delete(outreachSessionMembers).where(eq(outreachSessionMembers.sessionId, sessionId));
  if (userIds.length) await tx.insert(outreachSessionMembers).values(userIds.map((userId) => ({ sessionId, userId })));
}
