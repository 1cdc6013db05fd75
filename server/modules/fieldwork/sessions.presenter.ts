import type { Observation, Session } from '../../../core/contracts/fieldwork.ts';
import { type SessionKind, sessionStatus } from '../../../core/fieldwork.ts';
import type { sessionObservations } from '../../db/schema/index.ts';
import type { SessionExtras, SessionRow } from './sessions.repo.ts';

export function presentSession(row: SessionRow, extras: SessionExtras): Session {
  const startedAt = row.startedAt?.toISOString() ?? null;
  const endedAt = row.endedAt?.toISOString() ?? null;
  return {
    id: row.id,
    teamId: row.teamId,
    kind: row.kind as SessionKind,
    onDate: row.onDate,
    startedAt,
    endedAt,
    status: sessionStatus(startedAt, endedAt),
    placeId: row.placeId,
    zone: row.zone,
    memberIds: extras.memberIds.get(row.id) ?? [],
    tallies: (extras.tallies.get(row.id) ?? []).sort((a, b) => a.kind.localeCompare(b.kind)),
    encounterCount: extras.encounterCounts.get(row.id) ?? 0,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentObservation(row: typeof sessionObservations.$inferSelect): Observation {
  return {
    id: row.id,
    sessionId: row.sessionId,
    body: row.body,
    themes: row.themes,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}
