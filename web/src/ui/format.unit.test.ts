import { afterEach, describe, expect, it } from 'vitest';
import { formatDay } from './format.ts';

const originalZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalZone;
});

describe('formatDay', () => {
  it.each(['America/Vancouver', 'America/Montreal', 'Europe/Brussels', 'Pacific/Kiritimati'])(
    'writes a bare calendar day as that same day in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(formatDay('2026-03-01', 'fr', 'long')).toBe('1 mars 2026');
      expect(formatDay('2026-03-01', 'en', 'long')).toBe('March 1, 2026');
    },
  );

  it('writes each style', () => {
    expect(formatDay('2026-11-25', 'fr', 'medium')).toBe('25 nov. 2026');
    expect(formatDay('2026-11-25', 'fr', 'dayMonth')).toBe('25 novembre');
    expect(formatDay('2026-11-25', 'fr', 'short')).toBe('25 nov.');
  });

  it('writes an instant in the device time zone', () => {
    process.env.TZ = 'America/Montreal';
    // 02:00 UTC on 26 November is still 25 November in Montréal.
    expect(formatDay('2026-11-26T02:00:00Z', 'fr', 'long')).toBe('25 novembre 2026');
  });
});
