import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../../core/contracts/territory.ts';
import { defaultCriteria, rankingRequest } from './ranking.ts';

const indicator = (code: string, need: Indicator['need'], years: number[]): Indicator => ({
  code,
  label: { fr: code, en: code },
  unit: null,
  need,
  years,
});

const indicators = [
  indicator('median_income', 'lower', [2016, 2021]),
  indicator('diabetes_rate', 'higher', [2021]),
  indicator('density', 'higher', []),
  indicator('unemployment', 'higher', [2020]),
  indicator('population', null, [2021]),
];

describe('sector ranking form', () => {
  it('offers indicators with a year and a need direction, seed 004’s weighted 1 and the others 0', () => {
    expect(defaultCriteria(indicators)).toEqual([
      { code: 'median_income', year: 2021, weight: 1, need: 'lower' },
      { code: 'diabetes_rate', year: 2021, weight: 1, need: 'higher' },
      { code: 'unemployment', year: 2020, weight: 0, need: 'higher' },
    ]);
  });

  it('sends only weighted criteria, with the population’s latest year', () => {
    const request = rankingRequest(defaultCriteria(indicators), indicators[4], { min: 20_000, max: 30_000 });
    expect(request).toEqual({
      criteria: [
        { indicator: 'median_income', year: 2021, weight: 1, need: 'lower' },
        { indicator: 'diabetes_rate', year: 2021, weight: 1, need: 'higher' },
      ],
      population: { indicator: 'population', year: 2021 },
      target: { min: 20_000, max: 30_000 },
    });
  });

  it('says what is missing instead of sending a request the server would refuse', () => {
    const none = defaultCriteria(indicators).map((c) => ({ ...c, weight: 0 }));
    expect(rankingRequest(none, indicators[4], { min: 1, max: 2 })).toEqual({ problem: 'noWeight' });
    expect(rankingRequest(defaultCriteria(indicators), undefined, { min: 1, max: 2 })).toEqual({
      problem: 'noPopulation',
    });
    expect(rankingRequest(defaultCriteria(indicators), indicators[4], { min: 30_000, max: 20_000 })).toEqual({
      problem: 'target',
    });
    expect(rankingRequest(defaultCriteria(indicators), indicators[4], { min: '', max: 20_000 })).toEqual({
      problem: 'target',
    });
  });
});
