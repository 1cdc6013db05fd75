import type { Indicator } from '../../../../core/contracts/territory.ts';
import type { Language } from '../../../../core/localized.ts';

const locales: Record<Language, string> = { fr: 'fr-CA', en: 'en-CA' };

/** A figure as people read it: "31 000", "0,11", "2,4"; at most three significant decimals. */
export function formatNumber(value: number, language: Language): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 1 : 3;
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: digits }).format(value);
}

/** A value with the indicator's unit, when it has one ("31 000 $", "2,4 personnes"). */
export function formatValue(value: number, indicator: Pick<Indicator, 'unit'>, language: Language): string {
  const figure = formatNumber(value, language);
  return indicator.unit ? `${figure} ${indicator.unit}` : figure;
}

export function formatSquareKilometres(squareMetres: number, language: Language): string {
  return `${new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 }).format(squareMetres / 1e6)} km²`;
}

/** An indicator's latest year, or null when it has no value yet. */
export const latestYear = (indicator: Pick<Indicator, 'years'>): number | null => indicator.years.at(-1) ?? null;
