import { describe, expect, it } from 'vitest';
import { defaultChoice, monthsTouched, periodProblem, resolvePeriod, wholeMonths } from './periods.ts';

describe('report periods', () => {
  it('runs the fiscal year from 1 April to 31 March, and names every period in both languages', () => {
    expect(resolvePeriod({ type: 'fiscalYear', year: 2025 })).toMatchObject({
      from: '2025-04-01',
      to: '2026-03-31',
      label: { fr: 'Année financière 2025-2026 (1er avril au 31 mars)' },
    });
    expect(resolvePeriod({ type: 'quarter', year: 2024, quarter: 1 })).toMatchObject({
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(resolvePeriod({ type: 'month', year: 2024, month: 2 })).toMatchObject({
      to: '2024-02-29',
      label: { fr: 'Février 2024', en: 'February 2024' },
    });
    expect(resolvePeriod({ type: 'custom', from: '2025-03-01', to: '2025-03-17' }).label.fr).toBe(
      'Du 1er mars 2025 au 17 mars 2025',
    );
  });

  it('splits a custom period into whole months and partial edges', () => {
    expect(wholeMonths('2025-03-17', '2025-06-04')).toEqual(['2025-04-01', '2025-05-01']);
    expect(wholeMonths('2025-01-01', '2025-01-31')).toEqual(['2025-01-01']);
    expect(wholeMonths('2025-01-02', '2025-01-31')).toEqual([]);
    expect(monthsTouched('2025-11-20', '2026-01-03')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
  });

  it('names the field of a bad period', () => {
    expect(periodProblem({ type: 'custom', from: '2025-06-01', to: '2025-05-01' })?.field).toBe('to');
    expect(periodProblem({ type: 'custom', from: '2025-02-30', to: '2025-05-01' })?.field).toBe('from');
    expect(periodProblem({ type: 'calendarYear', year: 1999 })?.field).toBe('year');
    expect(periodProblem({ type: 'month', year: 2025, month: 13 })?.field).toBe('month');
    expect(periodProblem({ type: 'quarter', year: 2025, quarter: 2 })).toBeNull();
  });

  it('defaults to the last whole period', () => {
    expect(defaultChoice('fiscalYear', '2026-02-10')).toEqual({ type: 'fiscalYear', year: 2024 });
    expect(defaultChoice('fiscalYear', '2026-11-26')).toEqual({ type: 'fiscalYear', year: 2025 });
    expect(defaultChoice('quarter', '2026-02-10')).toEqual({ type: 'quarter', year: 2025, quarter: 4 });
    expect(defaultChoice('month', '2026-01-05')).toEqual({ type: 'month', year: 2025, month: 12 });
  });
});
