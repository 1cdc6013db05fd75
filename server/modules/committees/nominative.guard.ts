import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { meetingBodySchema } from '../../../core/contracts/committees.ts';
import { text } from '../../../core/localized.ts';
import { findNominativeData, foldForMatching, type NominativeMatch } from '../../../core/nominative.ts';
import type { Database, Tx } from '../../db/client.ts';
import { people } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';

type MeetingTexts = Partial<Omit<z.output<typeof meetingBodySchema>, 'heldOn' | 'confirmedNotNames'>>;
export type PathText = { path: string; text: string };
export type PathMatch = NominativeMatch & { path: string };

/** Every free text of a meeting, each with the path a form shows its error at. */
export function meetingTexts(body: MeetingTexts): PathText[] {
  return [
    ...(body.agenda ?? []).map((item, k) => ({ path: `agenda.${k}`, text: item })),
    ...(body.minutes ? [{ path: 'minutes', text: body.minutes }] : []),
    ...(body.situations ?? []).flatMap((situation, k) => [
      { path: `situations.${k}.summary`, text: situation.summary },
      ...(situation.proposed ? [{ path: `situations.${k}.proposed`, text: situation.proposed }] : []),
    ]),
    ...(body.decisions ?? []).map((decision, k) => ({ path: `decisions.${k}.text`, text: decision.text })),
    ...(body.followUps ?? []).map((followUp, k) => ({ path: `followUps.${k}.what`, text: followUp.what })),
  ];
}

/** The team's known people, as the check needs them (merged records keep their names too). */
export async function knownPeopleOf(db: Database | Tx, teamId: string) {
  return db
    .select({ nickname: people.nickname, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(eq(people.teamId, teamId));
}

export async function nominativeMatches(db: Database | Tx, teamId: string, texts: PathText[]): Promise<PathMatch[]> {
  if (texts.length === 0) return [];
  const known = await knownPeopleOf(db, teamId);
  return texts.flatMap(({ path, text: value }) =>
    findNominativeData(value, known).map((match) => ({ ...match, path })),
  );
}

const kindWords = {
  name: text('le nom d’une personne connue de l’équipe', 'the name of a person the team knows'),
  nickname: text('le surnom d’une personne connue de l’équipe', 'the nickname of a person the team knows'),
  phone: text('un numéro de téléphone', 'a phone number'),
};

/**
 * Refuses a meeting text that names someone (422 `nominative_data`, one field per match, nothing
 * saved). Names the author confirmed are not about anyone ("côté") pass; phone numbers never do.
 * Answers how many confirmations were used, for the audit log.
 */
export async function assertNoNominativeData(
  db: Database | Tx,
  teamId: string,
  texts: PathText[],
  confirmedNotNames: string[],
): Promise<number> {
  const confirmed = new Set(confirmedNotNames.map(foldForMatching));
  const matches = await nominativeMatches(db, teamId, texts);
  const blocking = matches.filter((match) => match.kind === 'phone' || !confirmed.has(foldForMatching(match.found)));
  if (blocking.length > 0)
    throw new AppError(
      422,
      'nominative_data',
      text(
        'Ce compte rendu nomme quelqu’un : retirez les passages signalés (les situations se discutent sans nom).',
        'These minutes name someone: remove the flagged passages (situations are discussed without names).',
      ),
      blocking.map((match) => ({
        path: match.path,
        message: text(
          `« ${match.found} » : ${kindWords[match.kind].fr}, à retirer.`,
          `“${match.found}”: ${kindWords[match.kind].en}, to be removed.`,
        ),
      })),
    );
  return matches.length;
}
