/**
 * Finds nominative data in a text that must stay anonymous (committee minutes, situations discussed
 * in codéveloppement): the names, nicknames and phone numbers of the team's known people, written
 * in any case, with or without accents, hyphens or apostrophes — "MARIE-EVE tremblay", "Marie Ève
 * Tremblay" and "marie-ève" all match "Marie-Ève Tremblay" — and any phone number at all.
 *
 * Pure and shared: the server refuses a text with matches, the web shows them while typing.
 */

export type KnownPerson = { nickname: string; firstName?: string | null; lastName?: string | null };

export type NominativeKind = 'name' | 'nickname' | 'phone';

/** One match: where it is in the original text (UTF-16 offsets), what it is, and the words found. */
export type NominativeMatch = { start: number; end: number; found: string; kind: NominativeKind };

/** Lower case, accents removed, ligatures opened: how two spellings of a name are compared. */
export function foldForMatching(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

type Word = { folded: string; start: number; end: number };

/** The words of a text (letters and digits), with their offsets in the original. */
function wordsOf(value: string): Word[] {
  const words: Word[] = [];
  for (const match of value.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index ?? 0;
    words.push({ folded: foldForMatching(match[0]), start, end: start + match[0].length });
  }
  return words;
}

/** Words too common to flag on their own, even if someone is called that. */
const tooShort = 2;

/**
 * Name patterns: each a sequence of folded words. A full name is looked for as first + last,
 * last + first, and each part alone when it is long enough to be telling (≥ 3 letters).
 */
function patternsOf(people: KnownPerson[]): Map<string, { words: string[]; kind: NominativeKind }[]> {
  const byFirstWord = new Map<string, { words: string[]; kind: NominativeKind }[]>();
  const add = (name: string | null | undefined, kind: NominativeKind) => {
    if (!name) return;
    const words = wordsOf(name).map((word) => word.folded);
    if (words.length === 0 || (words.length === 1 && (words[0] as string).length <= tooShort)) return;
    const first = words[0] as string;
    const list = byFirstWord.get(first) ?? [];
    if (!list.some((known) => known.words.join(' ') === words.join(' '))) list.push({ words, kind });
    byFirstWord.set(first, list);
  };
  for (const person of people) {
    add(person.nickname, 'nickname');
    add(person.firstName, 'name');
    add(person.lastName, 'name');
    if (person.firstName && person.lastName) {
      add(`${person.firstName} ${person.lastName}`, 'name');
      add(`${person.lastName} ${person.firstName}`, 'name');
    }
  }
  // Longest first, so "Marie-Ève Tremblay" wins over "Marie-Ève" at the same place.
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}

/** A run of digits with the usual separators inside: a phone number if it looks like one. */
const digitRun = /\+?\(?\d[\d\s().-]{5,}\d/g;

/**
 * Any phone number, known or not: 819 555-0123, (819) 555 0123, +1 819.555.0123, 555-0123,
 * 02 123 45 67, 0470 12 34 56, +32 470 12 34 56. Not a date (2026-11-25, 25.11.2026) nor an
 * amount written with spaces (1 500 000).
 */
function looksLikePhone(run: string): boolean {
  const digits = run.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 13) return false;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(run) || /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(run)) return false;
  return run.startsWith('+') || run.startsWith('0') || digits.length >= 10 || /^\(?\d{3}\)?[\s.-]?\d{4}$/.test(run);
}

export function findNominativeData(value: string, people: KnownPerson[]): NominativeMatch[] {
  const matches: NominativeMatch[] = [];
  const words = wordsOf(value);
  const patterns = patternsOf(people);
  for (let i = 0; i < words.length; i++) {
    const candidates = patterns.get((words[i] as Word).folded);
    if (!candidates) continue;
    const hit = candidates.find((pattern) => pattern.words.every((word, k) => words[i + k]?.folded === word));
    if (!hit) continue;
    const last = words[i + hit.words.length - 1] as Word;
    const start = (words[i] as Word).start;
    matches.push({ start, end: last.end, found: value.slice(start, last.end), kind: hit.kind });
    i += hit.words.length - 1;
  }
  for (const match of value.matchAll(digitRun)) {
    if (!looksLikePhone(match[0])) continue;
    const start = match.index ?? 0;
    matches.push({ start, end: start + match[0].length, found: match[0], kind: 'phone' });
  }
  return matches.sort((a, b) => a.start - b.start);
}
