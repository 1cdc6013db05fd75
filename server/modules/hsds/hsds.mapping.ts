import { createHash } from 'node:crypto';
import { hsdsWeekdays } from '../../../core/directory.ts';
import { searchForm } from '../../../core/fieldwork.ts';
import type { HsdsObject } from './hsds.export.ts';

/**
 * The small conversions between Relais and HSDS 3.0 that both directions share: derived
 * identifiers, languages, weekdays, times, e-mail and web addresses (decision 0013).
 */

/**
 * A stable UUID (version 5 layout, SHA-1) for an HSDS object Relais keeps no row for — a service's
 * phone, a language, a required document — so the same directory exports the same identifiers
 * every time and a publisher's importer can match them.
 */
export function derivedId(...parts: string[]): string {
  const hash = createHash('sha1')
    .update(`relais-hsds:${parts.join(':')}`)
    .digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** ISO 639-1 codes: what Relais stores. */
const iso6391 =
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'.split(
    ' ',
  );
const knownCodes = new Set(iso6391);

const englishNames = new Intl.DisplayNames(['en'], { type: 'language' });
const frenchNames = new Intl.DisplayNames(['fr'], { type: 'language' });

/** Language names in English and French (folded), and a few names people write otherwise. */
const codeByName = new Map<string, string>(
  [
    ...iso6391.flatMap((code) => [
      [searchForm(englishNames.of(code) ?? code), code],
      [searchForm(frenchNames.of(code) ?? code), code],
    ]),
    ['farsi', 'fa'],
    ['mandarin', 'zh'],
    ['cantonese', 'zh'],
    ['cantonais', 'zh'],
    ['creole haitien', 'ht'],
    ['haitian creole', 'ht'],
    ['creole', 'ht'],
  ].filter(([name]) => name !== undefined) as [string, string][],
);

/**
 * An HSDS language (an ISO 639-1/2/3 code, a BCP 47 tag such as "fr-CA", or a name in English or
 * French) as the ISO 639-1 code Relais stores; null when it cannot be recognised.
 */
export function languageCode(code: string | null | undefined, name: string | null | undefined): string | null {
  for (const candidate of [code, name]) {
    const value = candidate?.trim();
    if (!value) continue;
    if (/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(value)) {
      try {
        const [canonical] = Intl.getCanonicalLocales(value.replace(/_/g, '-'));
        const language = canonical ? new Intl.Locale(canonical).language : '';
        if (knownCodes.has(language)) return language;
      } catch {
        // not a language tag: try it as a name
      }
    }
    const byName = codeByName.get(searchForm(value));
    if (byName) return byName;
  }
  return null;
}

/** The English name HSDS publishers expect next to the code ("French"). */
const names = new Map<string, string>();

export function languageName(code: string): string {
  let name = names.get(code);
  if (name === undefined) {
    try {
      name = englishNames.of(code) ?? code;
    } catch {
      name = code;
    }
    names.set(code, name);
  }
  return name;
}

/** 1 = Monday … 7 = Sunday ↔ MO … SU. */
export const bydayOf = (weekday: number): string => hsdsWeekdays[weekday - 1] as string;

const weekdayByName: Record<string, number> = {
  mo: 1,
  monday: 1,
  lundi: 1,
  tu: 2,
  tuesday: 2,
  mardi: 2,
  we: 3,
  wednesday: 3,
  mercredi: 3,
  th: 4,
  thursday: 4,
  jeudi: 4,
  fr: 5,
  friday: 5,
  vendredi: 5,
  sa: 6,
  saturday: 6,
  samedi: 6,
  su: 7,
  sunday: 7,
  dimanche: 7,
};

/**
 * The weekdays of an RRULE-style `byday` ("MO,WE,FR"; a leading ordinal such as "1MO" belongs
 * to a monthly rule and is refused here). Returns null when one part is not a weekday.
 */
export function weekdaysOf(byday: string): number[] | null {
  const parts = byday
    .split(/[,;\s]+/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const days: number[] = [];
  for (const part of parts) {
    const day = weekdayByName[part];
    if (!day) return null;
    if (!days.includes(day)) days.push(day);
  }
  return days;
}

/**
 * An HSDS time ("09:00", "9:00:00", "09:00-05:00", "09:00Z", "9h30") as "HH:MM", the local time
 * of the deployment; the offset is dropped (a deployment lives in one time zone).
 */
export function timeOf(value: string | null | undefined): string | null {
  const match = value
    ?.trim()
    .match(/^(\d{1,2})(?:[:h](\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) return null;
  return `${String(hours === 24 ? 23 : hours).padStart(2, '0')}:${String(hours === 24 ? 59 : minutes).padStart(2, '0')}`;
}

/** YYYY-MM-DD, a real date, or null. */
export function dateOf(value: string | null | undefined): string | null {
  const match = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${match[1]}-${match[2]}-${match[3]}`
    ? null
    : `${match[1]}-${match[2]}-${match[3]}`;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An address HSDS accepts as `format: email`, or null. */
export function emailOf(value: string | null | undefined): string | null {
  const email = value?.trim();
  return email && emailPattern.test(email) && email.length <= 254 ? email : null;
}

/** An absolute http(s) address (HSDS `format: uri`); "www.example.org" gains its https://. */
export function urlOf(value: string | null | undefined): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return null;
    return /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : url.toString();
  } catch {
    return null;
  }
}

/** Trimmed text, or null when empty. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const canadianProvinceByLetter: Record<string, string> = {
  A: 'NL',
  B: 'NS',
  C: 'PE',
  E: 'NB',
  G: 'QC',
  H: 'QC',
  J: 'QC',
  K: 'ON',
  L: 'ON',
  M: 'ON',
  N: 'ON',
  P: 'ON',
  R: 'MB',
  S: 'SK',
  T: 'AB',
  V: 'BC',
  Y: 'YT',
};

/**
 * The parts of an HSDS `address`, which requires street, city, province, postal code and country.
 * A Canadian postal code tells the province and the country when the record does not; an address
 * still missing a part is not exported as an address (null), never filled with a guess.
 */
export function addressParts(fields: {
  address: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}): { address_1: string; city: string; state_province: string; postal_code: string; country: string } | null {
  const postalCode = fields.postalCode?.trim() ?? '';
  const canadian = /^([A-CEGHJ-NPR-TVXY])\d[A-Z] ?\d[A-Z]\d$/i.exec(postalCode);
  const province =
    fields.region?.trim() || (canadian ? canadianProvinceByLetter[(canadian[1] as string).toUpperCase()] : '');
  const country = fields.country?.trim() || (canadian ? 'CA' : '');
  const parts = {
    address_1: fields.address?.trim() ?? '',
    city: fields.city?.trim() ?? '',
    state_province: province ?? '',
    postal_code: postalCode,
    country,
  };
  return Object.values(parts).every((part) => part !== '') ? parts : null;
}

/** One line for people: "200, rue King Est, Sherbrooke J1G 1A1". */
export function addressLine(fields: {
  address: string | null;
  city: string | null;
  postalCode: string | null;
}): string | null {
  const line = [fields.address, [fields.city, fields.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return line || null;
}

/** How names are compared on import: no accents, case or punctuation ("Centre-Sud" = "centre sud"). */
export function fold(value: string): string {
  return searchForm(value.replace(/[^\p{L}\p{N}]+/gu, ' '));
}

/** The objects of an HSDS list (anything else in it is skipped). */
export const list = (value: unknown): HsdsObject[] =>
  Array.isArray(value) ? value.filter((v): v is HsdsObject => typeof v === 'object' && v !== null) : [];
/** An HSDS object, or null for anything else. */
export const object = (value: unknown): HsdsObject | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as HsdsObject) : null;

/** A number, also from text ("45,5"); `invalid` when the text is not one. */
export function numberOf(value: unknown): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
  return Number.isFinite(number) ? number : 'invalid';
}

export const idOf = (value: unknown): string | null => textOf(value);
