import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { setSignalAdvocacyBodySchema } from '../../../core/contracts/signals.ts';
import { text } from '../../../core/localized.ts';
import { foldForMatching } from '../../../core/nominative.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { nominativeMatches } from '../committees/nominative.guard.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { presentOne, scoped, updateSignal } from './signals.service.ts';

const kindWords = {
  name: text('le nom d’une personne connue de l’équipe', 'the name of a person the team knows'),
  nickname: text('le surnom d’une personne connue de l’équipe', 'the nickname of a person the team knows'),
  phone: text('un numéro de téléphone', 'a phone number'),
};

/**
 * Passes a signal to advocacy (themes) with the structural problem behind it, or takes it back
 * (no themes). The statement goes to partners: the committees' guard refuses it when it names one
 * of the team's people or holds a phone number (422 `nominative_data` on `structuralProblem`,
 * nothing saved); a word the author confirms is not a name passes, a phone number never does.
 * Based on `baseVersion` like the status moves (409 with the signal as it is now).
 */
export async function setSignalAdvocacy(
  db: Database,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof setSignalAdvocacyBodySchema>,
) {
  const signal = await scoped.writable(db, request, id);
  if (signal.version !== body.baseVersion) throw new VersionConflict(await presentOne(db, id));
  const statement = body.themes.length > 0 ? body.structuralProblem || null : null;
  const confirmed = new Set(body.confirmedNotNames.map(foldForMatching));
  const matches = statement
    ? await nominativeMatches(db, signal.teamId, [{ path: 'structuralProblem', text: statement }])
    : [];
  const blocking = matches.filter((match) => match.kind === 'phone' || !confirmed.has(foldForMatching(match.found)));
  if (blocking.length > 0)
    throw new AppError(
      422,
      'nominative_data',
      text(
        'Ce constat nomme quelqu’un : retirez les passages signalés (il part chez les partenaires, sans nom).',
        'This statement names someone: remove the flagged passages (it goes to partners, without names).',
      ),
      blocking.map((match) => ({
        path: match.path,
        message: text(
          `« ${match.found} » : ${kindWords[match.kind].fr}, à retirer.`,
          `“${match.found}”: ${kindWords[match.kind].en}, to be removed.`,
        ),
      })),
    );

  return updateSignal(
    db,
    request,
    signal,
    body.baseVersion,
    { advocacyThemes: body.themes, structuralProblem: statement, advocacyChangedAt: new Date() },
    { advocacyThemes: body.themes, structuralProblem: Boolean(statement), confirmedNotNames: matches.length },
  );
}
