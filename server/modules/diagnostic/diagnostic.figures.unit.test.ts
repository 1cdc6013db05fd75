import { describe, expect, it } from 'vitest';
import { joinIndicators } from './diagnostic.figures.ts';

const row = (sectorId: string, indicator: string, year: number, value: number, unit: string | null = null) => ({
  sectorId,
  indicator,
  year,
  value,
  source: 'StatBel',
  labelFr: indicator,
  labelEn: indicator,
  unit,
});

describe('a neighbourhood’s indicators joined over its sectors', () => {
  it('adds up headcounts and weights rates by each sector’s population, at the latest year', () => {
    const joined = joinIndicators([
      row('a', 'population', 2021, 1000, 'habitants'),
      row('b', 'population', 2021, 3000, 'habitants'),
      row('a', 'diabetes_rate', 2016, 50, '%'),
      row('a', 'diabetes_rate', 2021, 10, '%'),
      row('b', 'diabetes_rate', 2021, 6, '%'),
    ]);
    expect(joined.find((i) => i.code === 'population')).toMatchObject({ value: 4000, method: 'sum', sectors: 2 });
    expect(joined.find((i) => i.code === 'diabetes_rate')).toMatchObject({
      value: 7,
      year: 2021,
      method: 'populationWeighted',
    });
  });

  it('weights by the nearest earlier census when the year has no population, and falls back to a mean without one', () => {
    const weighted = joinIndicators([
      row('a', 'population', 2016, 1000),
      row('b', 'population', 2016, 1000),
      row('a', 'median_income', 2021, 20000),
      row('b', 'median_income', 2021, 40000),
    ]);
    expect(weighted.find((i) => i.code === 'median_income')).toMatchObject({
      value: 30000,
      method: 'populationWeighted',
    });
    const unweighted = joinIndicators([row('a', 'density', 2021, 100), row('b', 'density', 2021, 300)]);
    expect(unweighted).toEqual([expect.objectContaining({ value: 200, method: 'mean', source: 'StatBel' })]);
  });
});
