import { describe, expect, it } from 'vitest';
import { findNominativeData, foldForMatching } from './nominative.ts';

const known = [
  { nickname: 'Mimi', firstName: 'Marie-Ève', lastName: 'Tremblay' },
  { nickname: 'Le Grand Jo', firstName: 'Joël', lastName: 'Côté' },
  { nickname: 'Bo', firstName: null, lastName: null },
  { nickname: 'Ahmed', firstName: 'Ahmed', lastName: 'Benali' },
];

const found = (text: string) => findNominativeData(text, known).map((match) => [match.kind, match.found]);

describe('nominative data in an anonymous text', () => {
  it('finds a known name in other accents and case, with or without its hyphen', () => {
    expect(found('Situation de MARIE-EVE tremblay, 3e étage.')).toEqual([['name', 'MARIE-EVE tremblay']]);
    expect(found('marie eve a parlé de son loyer')).toEqual([['name', 'marie eve']]);
    expect(found('Tremblay Marie-Ève est revenue.')).toEqual([['name', 'Tremblay Marie-Ève']]);
    expect(found('On a vu JOEL COTE au parc.')).toEqual([['name', 'JOEL COTE']]);
    expect(found('Côté logement, rien de neuf.')).toEqual([['name', 'Côté']]);
  });

  it('finds nicknames, several words long too, and marks where they are', () => {
    const text = 'Le grand JO et mimi sont passés.';
    const matches = findNominativeData(text, known);
    expect(matches.map((m) => [m.kind, m.found])).toEqual([
      ['nickname', 'Le grand JO'],
      ['nickname', 'mimi'],
    ]);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(match.found);
  });

  it('finds phone numbers written the usual ways, known or not', () => {
    for (const phone of [
      '819 555-0123',
      '(819) 555 0123',
      '+1 819.555.0123',
      '555-0123',
      '02 123 45 67',
      '0470 12 34 56',
    ]) {
      expect(found(`Appeler au ${phone} demain.`), phone).toEqual([['phone', phone]]);
    }
  });

  it('leaves anonymous text alone: dates, amounts, short or partial words', () => {
    expect(found('Rencontre du 2026-11-25 et du 25.11.2026 : 1 500 000 $ demandés au bailleur.')).toEqual([]);
    expect(found('Bonjour, bonbon, Tremblaye, Mimic et marie seule.')).toEqual([]);
    expect(found('Une famille (3 enfants) cherche un logement.')).toEqual([]);
  });

  it('compares accents, ligatures and case the same way on both sides', () => {
    expect(foldForMatching('Œuvre CÔTÉ Ærø')).toBe('oeuvre cote aero');
  });
});
