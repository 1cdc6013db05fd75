import type { z } from 'zod';
import type { nominativeCheckSchema } from '../../../../core/contracts/committees.ts';
import { foldForMatching } from '../../../../core/nominative.ts';

/** A meeting as the editor holds it: lists keep their empty lines until saved. */
export type MeetingDraft = {
  heldOn: string;
  agenda: string[];
  minutes: string;
  situations: { themes: string[]; needs: string[]; summary: string; proposed: string }[];
  decisions: string[];
  followUps: { what: string; actorId: string | null; dueOn: string | null; doneOn: string | null }[];
  confirmedNotNames: string[];
};

export type FlaggedMatch = z.infer<typeof nominativeCheckSchema>['matches'][number];

/** Every free text of the meeting, at the same paths the server names in its refusals. */
export function meetingTexts(draft: MeetingDraft): { path: string; text: string }[] {
  const texts = [
    ...draft.agenda.map((text, k) => ({ path: `agenda.${k}`, text })),
    { path: 'minutes', text: draft.minutes },
    ...draft.situations.flatMap((situation, k) => [
      { path: `situations.${k}.summary`, text: situation.summary },
      { path: `situations.${k}.proposed`, text: situation.proposed },
    ]),
    ...draft.decisions.map((text, k) => ({ path: `decisions.${k}.text`, text })),
    ...draft.followUps.map((followUp, k) => ({ path: `followUps.${k}.what`, text: followUp.what })),
  ];
  return texts.filter((entry) => entry.text.trim().length > 0);
}

/**
 * The flags still true of the text as it is now: a word since removed or confirmed is not shown.
 * Phone numbers can never be confirmed away (decision 0020).
 */
export function currentFlags(matches: FlaggedMatch[], path: string, text: string, confirmed: string[]): FlaggedMatch[] {
  const folded = new Set(confirmed.map(foldForMatching));
  const seen = new Set<string>();
  return matches.filter((match) => {
    if (match.path !== path || !text.includes(match.found)) return false;
    if (match.kind !== 'phone' && folded.has(foldForMatching(match.found))) return false;
    const key = `${match.kind}:${match.found}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text without the flagged words (every occurrence), spaces around them tidied. */
export function withoutMatch(text: string, found: string): string {
  let result = text;
  for (let at = result.indexOf(found); at >= 0; at = result.indexOf(found)) {
    const before = result.slice(0, at).replace(/[ \t]+$/, '');
    const after = result.slice(at + found.length).replace(/^[ \t]+/, '');
    // French keeps its space before « : ; ! ? »; only a comma, a full stop or a bracket closes up.
    const joiner = before && after && !/^[\s,.)]/.test(after) && !/[\s(]$/.test(before) ? ' ' : '';
    result = before + joiner + after;
  }
  return result;
}

/**
 * The body the API takes: empty lines left out. `indexes` maps each sent position back to the
 * editor's, so a refusal about `agenda.1` lands under the right line.
 */
export function meetingBody(draft: MeetingDraft) {
  const kept = <T>(items: T[], filled: (item: T) => boolean) => {
    const indexes = items.flatMap((item, k) => (filled(item) ? [k] : []));
    return { items: indexes.map((k) => items[k] as T), indexes };
  };
  const agenda = kept(draft.agenda, (item) => item.trim().length > 0);
  const situations = kept(draft.situations, (s) =>
    Boolean(s.summary.trim() || s.proposed.trim() || s.themes.length || s.needs.length),
  );
  const decisions = kept(draft.decisions, (item) => item.trim().length > 0);
  const followUps = kept(draft.followUps, (f) => f.what.trim().length > 0);
  return {
    body: {
      heldOn: draft.heldOn,
      agenda: agenda.items.map((item) => item.trim()),
      minutes: draft.minutes,
      situations: situations.items,
      decisions: decisions.items.map((text) => ({ text })),
      followUps: followUps.items.map((f) => ({
        what: f.what,
        actorId: f.actorId,
        dueOn: f.dueOn || null,
        doneOn: f.doneOn || null,
      })),
      confirmedNotNames: draft.confirmedNotNames,
    },
    indexes: {
      agenda: agenda.indexes,
      situations: situations.indexes,
      decisions: decisions.indexes,
      followUps: followUps.indexes,
    } as Record<string, number[]>,
  };
}

/** `situations.0.summary` as the server sent it → the editor's `situations.2.summary`. */
export function editorPath(path: string, indexes: Record<string, number[]>): string {
  const [head, position, ...rest] = path.split('.');
  const map = head ? indexes[head] : undefined;
  if (!map || position === undefined || !/^\d+$/.test(position)) return path;
  return [head, String(map[Number(position)] ?? position), ...rest].join('.');
}
