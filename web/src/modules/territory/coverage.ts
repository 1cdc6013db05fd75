import type { Coverage } from '../../../../core/contracts/territory.ts';
import { localDay } from '../fieldwork/data.ts';

export const periods = ['last30Days', 'last3Months', 'thisYear'] as const;
export type Period = (typeof periods)[number];

/** The period's first and last days, ending today in the worker's time zone. */
export function periodRange(period: Period, today = new Date()): { from: string; to: string } {
  const start = new Date(today);
  if (period === 'last30Days') start.setDate(start.getDate() - 29);
  else if (period === 'last3Months') start.setMonth(start.getMonth() - 3);
  else start.setMonth(0, 1);
  return { from: localDay(start), to: localDay(today) };
}

export type Zone = Coverage['zones'][number];

/** Nobody went there for more than `days` days, or never: where to go next. */
export const isForgotten = (zone: Zone, days: number) =>
  zone.daysSinceLastVisit === null || zone.daysSinceLastVisit > days;

export const forgottenColor = '#c62828';
export const visitedColor = '#2e7d32';

/** A dot's radius from the field work there: 6 px for none, growing with the square root, at most 22. */
export function radiusOf(zone: Zone, busiest: number): number {
  const work = zone.sessions + zone.encounters;
  if (work === 0 || busiest === 0) return 6;
  return Math.round(8 + 14 * Math.sqrt(work / busiest));
}
