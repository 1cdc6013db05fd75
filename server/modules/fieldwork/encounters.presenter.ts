import type { Encounter } from '../../../core/contracts/fieldwork.ts';
import type { AgeBand, Channel, IdentificationLevel, Initiator } from '../../../core/fieldwork.ts';
import type { EncounterRow } from './encounters.repo.ts';

/** What leaves the server about an encounter: never the confidential note, only whether there is one. */
export function presentEncounter(row: EncounterRow): Encounter {
  return {
    id: row.id,
    teamId: row.teamId,
    sessionId: row.sessionId,
    personId: row.personId,
    occurredAt: row.occurredAt.toISOString(),
    placeId: row.placeId,
    zone: row.zone,
    initiator: row.initiator as Initiator | null,
    channel: row.channel as Channel | null,
    identification: row.identification as IdentificationLevel,
    ageBand: row.ageBand as AgeBand | null,
    gender: row.gender,
    language: row.language,
    needs: row.needs,
    actions: row.actions,
    nonRecours: row.nonRecours,
    durationMinutes: row.durationMinutes,
    followUpOn: row.followUpOn,
    followUpWhat: row.followUpWhat,
    followUpDoneAt: row.followUpDoneAt?.toISOString() ?? null,
    hasNote: row.hasNote,
    createdBy: row.createdBy,
    crisisMobilisationId: row.crisisMobilisationId ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
