import { queryOptions } from '@tanstack/react-query';
import type { Mission, TimeCategory } from '../../../../core/collective.ts';
import type { TeamLog, TeamLogDay } from '../../../../core/contracts/team-log.ts';
import type {
  MissionCriteria,
  PeriodKind,
  TimeAgreement,
  TimeEntry,
  TimeSplit,
} from '../../../../core/contracts/time.ts';
import { api } from '../../api/client.ts';

/** Reads and writes of the team's time and daily log (issue 7). */
export const timeKey = ['time'] as const;
export const teamLogKey = ['team-log'] as const;

export const splitQuery = (teamId: string, period: PeriodKind, date: string) =>
  queryOptions({
    queryKey: [...timeKey, 'split', teamId, period, date],
    queryFn: () => api.get<TimeSplit>('/time-split', { teamId, period, date }),
  });

export const entriesQuery = (teamId: string, from: string, to: string) =>
  queryOptions({
    queryKey: [...timeKey, 'entries', teamId, from, to],
    queryFn: () => api.get<{ items: TimeEntry[] }>('/time-entries', { teamId, from, to }),
  });

export const criteriaQuery = (teamId: string) =>
  queryOptions({
    queryKey: [...timeKey, 'criteria', teamId],
    queryFn: () => api.get<MissionCriteria>('/mission-criteria', { teamId }),
    staleTime: 5 * 60_000,
  });

export const agreementsQuery = (teamId: string) =>
  queryOptions({
    queryKey: [...timeKey, 'agreements', teamId],
    queryFn: () => api.get<{ items: TimeAgreement[] }>('/time-agreements', { teamId }),
  });

export const teamLogQuery = (teamId: string) =>
  queryOptions({
    queryKey: [...teamLogKey, teamId],
    queryFn: () => api.get<TeamLog>('/team-log', { teamId, days: 14 }),
  });

export type TimeEntryDraft = {
  id: string;
  teamId: string;
  onDate: string;
  minutes: number;
  category: TimeCategory;
  criteria: string[];
  noneApply: boolean;
  note: string | null;
  activityId: string | null;
};

export const createTimeEntry = (draft: TimeEntryDraft) => api.post<TimeEntry>('/time-entries', draft);
export const removeTimeEntry = (id: string) => api.delete<{ ok: true }>(`/time-entries/${id}`);

export const createAgreement = (body: {
  teamId: string;
  workerId: string | null;
  effectiveFrom: string;
  hostPartnerPercent: number;
  note: string | null;
}) => api.post<TimeAgreement>('/time-agreements', body);

export const saveCriteria = (body: {
  teamId: string;
  mission: Mission;
  criteria: { code?: string; label: string; active: boolean }[];
}) => api.put<MissionCriteria>('/mission-criteria', body);

export const saveLogDay = (
  onDate: string,
  body: { teamId: string; baseVersion?: number; highlights: string; difficulties: string; toPassOn: string },
) => api.put<TeamLogDay>(`/team-log/days/${onDate}`, body);

/** The day on this phone's calendar (not UTC): what "today" means to the worker holding it. */
export function localDay(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function shiftDay(iso: string, days: number): string {
  const at = new Date(`${iso}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The same day a period later or earlier: a week is seven days, a month the calendar month. */
export function shiftPeriod(iso: string, period: PeriodKind, by: number): string {
  if (period === 'week') return shiftDay(iso, 7 * by);
  const at = new Date(`${iso}T12:00:00Z`);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + by, 1, 12)).toISOString().slice(0, 10);
}

/** "45 min", "2 h", "3 h 30". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}

export const categoryColours: Record<TimeCategory, string> = {
  networking: 'blue.7',
  orientation: 'relais.7',
  collectiveInformation: 'grape.7',
  communityAction: 'orange.8',
  hostPartner: 'gray.6',
};
