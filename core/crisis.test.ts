import { describe, expect, it } from 'vitest';
import { proposeMobilisationBodySchema } from './contracts/crisis.ts';
import { addDays, daysBetween, lastDayOf, maxMobilisationDays } from './crisis.ts';

describe('crisis mobilisation rules', () => {
  it('counts calendar days across month ends and daylight saving changes', () => {
    expect(daysBetween('2026-10-31', '2026-11-28')).toBe(28);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-11-25', -25)).toBe('2026-10-31');
  });

  it('tags work up to an early closing, never past the end', () => {
    expect(lastDayOf({ endsOn: '2026-12-01', endedOn: null })).toBe('2026-12-01');
    expect(lastDayOf({ endsOn: '2026-12-01', endedOn: '2026-11-20' })).toBe('2026-11-20');
    expect(lastDayOf({ endsOn: '2026-12-01', endedOn: '2026-12-05' })).toBe('2026-12-01');
  });

  it('accepts twelve weeks and refuses a day more, naming the end date in both languages', () => {
    const body = { title: 'Covid', reason: 'Appels aux aînés', startsOn: '2026-01-01', sharePercent: 20 };
    expect(
      proposeMobilisationBodySchema.safeParse({ ...body, endsOn: addDays('2026-01-01', maxMobilisationDays) }).success,
    ).toBe(true);
    const tooLong = proposeMobilisationBodySchema.safeParse({
      ...body,
      endsOn: addDays('2026-01-01', maxMobilisationDays + 1),
    });
    expect(tooLong.success).toBe(false);
    expect(tooLong.error?.issues[0]?.path).toEqual(['endsOn']);
    expect(tooLong.error?.issues[0]?.message).toMatch(/12 semaines/);
  });
});
