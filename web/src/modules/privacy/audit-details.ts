import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../core/contracts/audit.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../ui/format.ts';

type TeamNames = Map<string, string>;

// Shown elsewhere on the entry: the person by their nickname, the grant by the action's name.
const hiddenKeys = new Set(['personId', 'grantId', 'holderId']);

/** Audit details as a person reads them: known keys in words, team ids as team names. */
export function describeDetails(details: AuditEntry['details'], t: TFunction, teamNames: TeamNames): string {
  if (!details) return '';
  return Object.entries(details)
    .filter(([key]) => !hiddenKeys.has(key))
    .map(
      ([key, value]) =>
        `${t(`audit.detailKeys.${key}`, { defaultValue: key })} : ${describeValue(key, value, t, teamNames)}`,
    )
    .join(' · ');
}

function describeValue(key: string, value: unknown, t: TFunction, teamNames: TeamNames): string {
  if (key === 'role' && typeof value === 'string') return t(`roles.${value}`, { defaultValue: value });
  if (key === 'teamIds' && Array.isArray(value)) {
    return value.length ? value.map((id) => teamNames.get(String(id)) ?? String(id)).join(', ') : '—';
  }
  if (key === 'fields' && Array.isArray(value)) {
    return value.map((field) => t(`audit.detailKeys.${field}`, { defaultValue: String(field) })).join(', ');
  }
  if (key === 'expiresAt' && typeof value === 'string') return formatDateTime(value, currentLanguage());
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
