import type { Indicator } from '../../../../core/contracts/territory.ts';
import type { RankingRequest } from './data.ts';
import { latestYear } from './format.ts';

/** Seed 004 chooses a neighbourhood on these; they start with weight 1, any other indicator with 0. */
const seedIndicators = ['median_income', 'diabetes_rate', 'density', 'share_over_65', 'household_size'];
export const populationCode = 'population';
/** Seed 004: a neighbourhood has 20 000 to 30 000 inhabitants. */
export const defaultTarget = { min: 20_000, max: 30_000 };

export type Criterion = { code: string; year: number; weight: number; need: 'higher' | 'lower' };

/** The indicators one can rank on (a need direction and a year), with their starting weights. */
export function defaultCriteria(indicators: Indicator[]): Criterion[] {
  return indicators.flatMap((indicator) => {
    const year = latestYear(indicator);
    if (!year || !indicator.need || indicator.code === populationCode) return [];
    return [
      { code: indicator.code, year, weight: seedIndicators.includes(indicator.code) ? 1 : 0, need: indicator.need },
    ];
  });
}

/** The request, or why it cannot be made yet (a message key). */
export function rankingRequest(
  criteria: Criterion[],
  population: Indicator | undefined,
  target: { min: number | string; max: number | string },
): RankingRequest | { problem: 'noWeight' | 'noPopulation' | 'target' } {
  const weighted = criteria.filter((c) => c.weight > 0);
  if (weighted.length === 0) return { problem: 'noWeight' };
  const year = population ? latestYear(population) : null;
  if (!population || !year) return { problem: 'noPopulation' };
  // An emptied field reads as '' (not 0): a target must be typed in full.
  if (target.min === '' || target.max === '') return { problem: 'target' };
  const min = Number(target.min);
  const max = Number(target.max);
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < 1 || min > max) return { problem: 'target' };
  return {
    criteria: weighted.map((c) => ({ indicator: c.code, year: c.year, weight: c.weight, need: c.need })),
    population: { indicator: population.code, year },
    target: { min, max },
  };
}
