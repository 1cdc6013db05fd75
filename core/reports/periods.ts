import { type LocalizedText, text } from '../localized.ts';
import type { PeriodType, ReportPeriod } from './shape.ts';

/**
 * Period arithmetic of reports, pure so the web app shows the same labels. Days are ISO dates
 * (yyyy-mm-dd), both ends included. Québec's fiscal year runs from 1 April to 31 March; quarters
 * are calendar quarters (January–March…); every period but `custom` is made of whole months, which
 * the rollups count directly (decision 0032).
 */
export type PeriodChoice =
  | { type: 'fiscalYear' | 'calendarYear'; year: number }
  | { type: 'quarter'; year: number; quarter: number }
  | { type: 'month'; year: number; month: number }
  | { type: 'custom'; from: string; to: string };

/** The years a report may be about: field work is recent, and a typo must not scan a century. */
export const firstReportYear = 2000;
export const lastReportYear = 2100;

const monthsFr = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
/** The last day of a month (1–12). */
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function monthLabel(monthStart: string): LocalizedText {
  const [year, month] = monthStart.split('-').map(Number) as [number, number];
  return text(`${monthsFr[month - 1]} ${year}`, `${monthsEn[month - 1]} ${year}`);
}

function dayLabel(iso: string): LocalizedText {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return text(`${day === 1 ? '1er' : day} ${monthsFr[month - 1]} ${year}`, `${day} ${monthsEn[month - 1]} ${year}`);
}

/** The days and label of a chosen period. The choice must already be valid (see `periodProblem`). */
export function resolvePeriod(choice: PeriodChoice): ReportPeriod {
  switch (choice.type) {
    case 'fiscalYear':
      return {
        type: choice.type,
        from: isoDay(choice.year, 4, 1),
        to: isoDay(choice.year + 1, 3, 31),
        label: text(
          `Année financière ${choice.year}-${choice.year + 1} (1er avril au 31 mars)`,
          `Fiscal year ${choice.year}-${choice.year + 1} (1 April to 31 March)`,
        ),
      };
    case 'calendarYear':
      return {
        type: choice.type,
        from: isoDay(choice.year, 1, 1),
        to: isoDay(choice.year, 12, 31),
        label: text(`Année ${choice.year}`, `Year ${choice.year}`),
      };
    case 'quarter': {
      const first = (choice.quarter - 1) * 3 + 1;
      return {
        type: choice.type,
        from: isoDay(choice.year, first, 1),
        to: isoDay(choice.year, first + 2, lastDayOf(choice.year, first + 2)),
        label: text(`${choice.quarter}e trimestre ${choice.year}`, `Q${choice.quarter} ${choice.year}`),
      };
    }
    case 'month': {
      const label = monthLabel(isoDay(choice.year, choice.month, 1));
      return {
        type: choice.type,
        from: isoDay(choice.year, choice.month, 1),
        to: isoDay(choice.year, choice.month, lastDayOf(choice.year, choice.month)),
        label: text(label.fr.charAt(0).toUpperCase() + label.fr.slice(1), label.en),
      };
    }
    case 'custom': {
      const from = dayLabel(choice.from);
      const to = dayLabel(choice.to);
      return {
        type: choice.type,
        from: choice.from,
        to: choice.to,
        label: text(`Du ${from.fr} au ${to.fr}`, `${from.en} to ${to.en}`),
      };
    }
  }
}

const isRealDay = (iso: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(iso) && new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso);
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** What is wrong with a period, as the field to fix and a message in both languages; null when fine. */
export function periodProblem(choice: PeriodChoice): { field: string; message: LocalizedText } | null {
  const badYear = (year: number) => !Number.isInteger(year) || year < firstReportYear || year > lastReportYear;
  const yearMessage = text(
    `Choisissez une année entre ${firstReportYear} et ${lastReportYear}.`,
    `Choose a year between ${firstReportYear} and ${lastReportYear}.`,
  );
  if (choice.type === 'custom') {
    for (const field of ['from', 'to'] as const) {
      if (!isRealDay(choice[field]))
        return { field, message: text('Indiquez une date valide (aaaa-mm-jj).', 'Give a valid date (yyyy-mm-dd).') };
      if (badYear(yearOf(choice[field]))) return { field, message: yearMessage };
    }
    if (choice.from > choice.to)
      return {
        field: 'to',
        message: text(
          'La fin de la période doit suivre son début.',
          'The end of the period must come after its start.',
        ),
      };
    return null;
  }
  if (badYear(choice.year)) return { field: 'year', message: yearMessage };
  if (choice.type === 'quarter' && !(Number.isInteger(choice.quarter) && choice.quarter >= 1 && choice.quarter <= 4))
    return { field: 'quarter', message: text('Choisissez un trimestre de 1 à 4.', 'Choose a quarter from 1 to 4.') };
  if (choice.type === 'month' && !(Number.isInteger(choice.month) && choice.month >= 1 && choice.month <= 12))
    return { field: 'month', message: text('Choisissez un mois de 1 à 12.', 'Choose a month from 1 to 12.') };
  return null;
}

/** The first day of every month that lies whole inside [from, to]. */
export function wholeMonths(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  if (!from.endsWith('-01')) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  for (;;) {
    const last = isoDay(year, month, lastDayOf(year, month));
    if (last > to) return months;
    months.push(isoDay(year, month, 1));
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** The first day of every month the period touches, for month-by-month trends. */
export function monthsTouched(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  while (isoDay(year, month, 1) <= to) {
    months.push(isoDay(year, month, 1));
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** The period a template reports on by default: the last whole one before `today`. */
export function defaultChoice(type: PeriodType, today: string): PeriodChoice {
  const year = yearOf(today);
  const month = Number(today.slice(5, 7));
  switch (type) {
    case 'fiscalYear':
      return { type, year: month >= 4 ? year - 1 : year - 2 };
    case 'calendarYear':
      return { type, year: year - 1 };
    case 'quarter': {
      const current = Math.floor((month - 1) / 3) + 1;
      return current === 1 ? { type, year: year - 1, quarter: 4 } : { type, year, quarter: current - 1 };
    }
    case 'month':
      return month === 1 ? { type, year: year - 1, month: 12 } : { type, year, month: month - 1 };
    case 'custom':
      return { type, from: isoDay(year, month, 1), to: today };
  }
}
