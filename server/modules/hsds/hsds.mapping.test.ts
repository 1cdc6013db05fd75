import { describe, expect, it } from 'vitest';
import { addressParts, dateOf, derivedId, fold, languageCode, timeOf, urlOf, weekdaysOf } from './hsds.mapping.ts';

describe('HSDS mapping helpers', () => {
  it('reads languages as codes of every usual form, and names in English or French', () => {
    expect(languageCode('fr', null)).toBe('fr');
    expect(languageCode('fra', null)).toBe('fr');
    expect(languageCode('fre', null)).toBe('fr');
    expect(languageCode('en-CA', null)).toBe('en');
    expect(languageCode('es_MX', null)).toBe('es');
    expect(languageCode(null, 'Spanish')).toBe('es');
    expect(languageCode(null, 'arabe')).toBe('ar');
    expect(languageCode(null, 'Français')).toBe('fr');
    expect(languageCode('', 'Farsi')).toBe('fa');
    expect(languageCode('xx', 'Klingon')).toBeNull();
    expect(languageCode(null, null)).toBeNull();
  });

  it('reads weekly byday lists and refuses monthly ordinals', () => {
    expect(weekdaysOf('MO,WE,FR')).toEqual([1, 3, 5]);
    expect(weekdaysOf('su; sa')).toEqual([7, 6]);
    expect(weekdaysOf('lundi, mardi')).toEqual([1, 2]);
    expect(weekdaysOf('1SA')).toBeNull();
    expect(weekdaysOf('')).toBeNull();
  });

  it('reads times with seconds, offsets or the French "h", and refuses nonsense', () => {
    expect(timeOf('09:00')).toBe('09:00');
    expect(timeOf('9:00:00')).toBe('09:00');
    expect(timeOf('08:00:00-05:00')).toBe('08:00');
    expect(timeOf('17:30Z')).toBe('17:30');
    expect(timeOf('9h30')).toBe('09:30');
    expect(timeOf('24:00')).toBe('23:59');
    expect(timeOf('25:00')).toBeNull();
    expect(timeOf('midi')).toBeNull();
  });

  it('keeps real dates only', () => {
    expect(dateOf('2026-02-28')).toBe('2026-02-28');
    expect(dateOf('2026-02-30')).toBeNull();
    expect(dateOf('28/02/2026')).toBeNull();
  });

  it('gives web addresses their scheme and refuses what is not one', () => {
    expect(urlOf('www.example.org/x')).toBe('https://www.example.org/x');
    expect(urlOf('http://example.org')).toBe('http://example.org');
    expect(urlOf('javascript:alert(1)')).toBeNull();
    expect(urlOf('pas une adresse')).toBeNull();
  });

  it('completes a Canadian address from its postal code, and never invents the rest', () => {
    expect(
      addressParts({
        address: '50, rue Camirand',
        city: 'Sherbrooke',
        region: null,
        postalCode: 'J1H 4J5',
        country: null,
      }),
    ).toEqual({
      address_1: '50, rue Camirand',
      city: 'Sherbrooke',
      state_province: 'QC',
      postal_code: 'J1H 4J5',
      country: 'CA',
    });
    expect(
      addressParts({ address: 'Rue Haute 12', city: 'Bruxelles', region: null, postalCode: '1000', country: 'BE' }),
    ).toBeNull();
  });

  it('derives stable, distinct UUIDs', () => {
    const id = derivedId('a', 'phone');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('a', 'phone')).toBe(id);
    expect(derivedId('a', 'language', 'fr')).not.toBe(id);
  });

  it('compares names without accents, case or punctuation', () => {
    expect(fold('Centre-Sud')).toBe(fold('centre sud'));
    expect(fold('Famille, parentalité')).toBe('famille parentalite');
  });
});
