import type { Person, PersonSummary } from '../../../core/contracts/people.ts';
import type { AgeBand, Channel, ConsentScope, Household, PersonRoleKind } from '../../../core/fieldwork.ts';
import type { PersonRoleRow, PersonRow, SummaryRow } from './people.repo.ts';

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

/** Lists, search, my day, offline cache: a nickname and what helps recognise someone, no identity. */
export function presentSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    teamId: row.teamId,
    nickname: row.nickname,
    ageBand: row.ageBand as AgeBand | null,
    languages: row.languages,
    identified: !!row.consentGivenAt,
    lastEncounterAt: iso(row.lastEncounterAt),
    ...(row.score !== undefined ? { score: Math.round(Number(row.score) * 1000) / 1000 } : {}),
  };
}

export function presentPerson(
  row: PersonRow,
  roles: PersonRoleRow[],
  stats: { count: number; last: Date | string | null },
): Person {
  const consented = !!row.consentGivenAt;
  return {
    id: row.id,
    teamId: row.teamId,
    nickname: row.nickname,
    identity: consented
      ? { firstName: row.firstName, lastName: row.lastName, phone: row.phone, email: row.email }
      : null,
    consent: consented
      ? {
          givenAt: (row.consentGivenAt as Date).toISOString(),
          scope: row.consentScope as ConsentScope,
          recordedBy: row.consentRecordedBy,
        }
      : null,
    consentWithdrawnAt: iso(row.consentWithdrawnAt),
    ageBand: row.ageBand as AgeBand | null,
    gender: row.gender,
    languages: row.languages,
    household: row.household as Household | null,
    firstContactOn: row.firstContactOn,
    firstContactHow: row.firstContactHow as Channel | null,
    roles: roles.map((r) => ({
      id: r.id,
      role: r.role as PersonRoleKind,
      startedOn: r.startedOn,
      endedOn: r.endedOn,
      note: r.note,
      version: r.version,
    })),
    mergedIntoId: row.mergedIntoId,
    lastEncounterAt: iso(stats.last),
    encounterCount: stats.count,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
