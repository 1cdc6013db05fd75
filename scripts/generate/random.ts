import { createHash } from 'node:crypto';
import { base, en, Faker, fr, fr_BE, fr_CA } from '@faker-js/faker';

/** Every generated date lies before this one, so the same seed gives the same data on any day. */
const referenceDate = new Date('2025-06-01T00:00:00.000Z');

export type Flavour = 'sherbrooke' | 'brussels';

/** A number from any seed text, for faker. */
export function seedNumber(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0);
}

/** A short tag of the seed, put in generated codes and emails so two seeds never collide. */
export function seedTag(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 6);
}

/** One faker per team and flavour, seeded from the seed and the team's index: teams are independent. */
export function fakerFor(seed: string, teamIndex: number, flavour: Flavour): Faker {
  const faker = new Faker({
    locale: flavour === 'sherbrooke' ? [fr_CA, fr, en, base] : [fr_BE, fr, en, base],
  });
  faker.seed([seedNumber(seed), teamIndex]);
  faker.setDefaultRefDate(referenceDate);
  return faker;
}

/** A UUIDv7 with the given time and faker's bytes, like core/uuid.ts but reproducible. */
export function uuidv7From(faker: Faker, at: Date): string {
  const bytes = Array.from({ length: 16 }, () => faker.number.int(255));
  const ms = BigInt(at.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** "Marie-Ève Côté" → "marie-eve-cote": for codes and email addresses. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
