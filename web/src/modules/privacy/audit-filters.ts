import type { AuditFilters } from '../../api/queries.ts';
import type { AuditSearch } from './routes.ts';

export const auditPageSize = 50;
export const auditEntityTypes = [
  'person',
  'encounter',
  'encounter_note',
  'referral',
  'access_grant',
  'person_role',
  'person_consent',
  'user',
  'team',
  'neighbourhood',
  'settings',
] as const;

/** Dates picked in the form are local days; the API wants instants: the day's first and last moment. */
function dayStart(day: string | undefined): string | undefined {
  return day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
}
function dayEnd(day: string | undefined): string | undefined {
  return day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
}

export function filtersFromSearch(search: AuditSearch): AuditFilters {
  return {
    action: search.action,
    entityType: search.entityType,
    actorId: search.actorId,
    personId: search.personId,
    teamId: search.teamId,
    breakGlass: search.breakGlass ? 'true' : undefined,
    from: dayStart(search.from),
    to: dayEnd(search.to),
    limit: auditPageSize,
    offset: ((search.page ?? 1) - 1) * auditPageSize,
  };
}
