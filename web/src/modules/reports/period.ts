import { defaultChoice, isoDay, type PeriodChoice } from '../../../../core/reports/periods.ts';
import { type PeriodType, periodTypes } from '../../../../core/reports/shape.ts';

/** A period as it sits in the page's address, so a report can be shared and bookmarked. */
export type PeriodSearch = {
  periodType?: PeriodType;
  year?: number;
  quarter?: number;
  month?: number;
  from?: string;
  to?: string;
};

const int = (value: unknown) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};
const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export function periodSearchOf(search: Record<string, unknown>): PeriodSearch {
  return {
    periodType: periodTypes.find((type) => type === search.periodType),
    year: int(search.year),
    quarter: int(search.quarter),
    month: int(search.month),
    from: day(search.from),
    to: day(search.to),
  };
}

/** Today on this device, as a calendar day. */
export function today(): string {
  const now = new Date();
  return isoDay(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The dashboard's first view: the last twelve months, this one included. */
export function lastTwelveMonths(now = today()): PeriodChoice {
  const [year, month] = now.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - 11;
  return { type: 'custom', from: isoDay(Math.floor(index / 12), (index % 12) + 1, 1), to: now };
}

/** The period the page shows: what the address says, else the template's last whole period. */
export function choiceOf(search: PeriodSearch, fallbackType: PeriodType, now = today()): PeriodChoice {
  const type = search.periodType ?? fallbackType;
  const fallback = defaultChoice(type, now);
  switch (fallback.type) {
    case 'fiscalYear':
    case 'calendarYear':
      return { ...fallback, year: search.year ?? fallback.year };
    case 'quarter':
      return { ...fallback, year: search.year ?? fallback.year, quarter: search.quarter ?? fallback.quarter };
    case 'month':
      return { ...fallback, year: search.year ?? fallback.year, month: search.month ?? fallback.month };
    case 'custom':
      return { ...fallback, from: search.from ?? fallback.from, to: search.to ?? fallback.to };
  }
}

export function searchOf(choice: PeriodChoice): PeriodSearch {
  switch (choice.type) {
    case 'fiscalYear':
    case 'calendarYear':
      return { periodType: choice.type, year: choice.year };
    case 'quarter':
      return { periodType: choice.type, year: choice.year, quarter: choice.quarter };
    case 'month':
      return { periodType: choice.type, year: choice.year, month: choice.month };
    case 'custom':
      return { periodType: choice.type, from: choice.from, to: choice.to };
  }
}

/** The period before (−1) or after (+1); a custom period does not step. */
export function shift(choice: PeriodChoice, by: -1 | 1): PeriodChoice {
  switch (choice.type) {
    case 'fiscalYear':
    case 'calendarYear':
      return { ...choice, year: choice.year + by };
    case 'quarter': {
      const index = choice.year * 4 + (choice.quarter - 1) + by;
      return { ...choice, year: Math.floor(index / 4), quarter: (index % 4) + 1 };
    }
    case 'month': {
      const index = choice.year * 12 + (choice.month - 1) + by;
      return { ...choice, year: Math.floor(index / 12), month: (index % 12) + 1 };
    }
    case 'custom':
      return choice;
  }
}
