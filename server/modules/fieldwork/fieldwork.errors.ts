import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { errorBodySchema } from '../../../core/contracts/common.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import { AppError, type FieldError } from '../../http/errors.ts';

/**
 * An update based on a version that is no longer the current one: nothing is written, and the
 * caller gets the record as it is now to resolve the conflict.
 */
export class VersionConflict extends AppError {
  constructor(readonly current: unknown) {
    super(
      409,
      'version_conflict',
      text(
        'Quelqu’un a modifié cette fiche entre-temps : voyez la version actuelle avant de réessayer.',
        'Someone changed this record in the meantime: look at the current version before trying again.',
      ),
    );
  }
}

export const conflictBodySchema = errorBodySchema.extend({ current: z.unknown() });

/** Answers a VersionConflict with the current record; any other error goes to the app's handler. */
export function installConflictHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof VersionConflict) {
      return reply.status(409).send({ error: { code: error.code, message: error.text }, current: error.current });
    }
    throw error;
  });
}

/** Several field errors at once (422), as a form shows them. */
export function invalidFields(fields: FieldError[]): AppError {
  const names = fields.map((f) => f.path).join(', ');
  return new AppError(422, 'invalid_field', text(`Vérifiez : ${names}.`, `Please check: ${names}.`), fields);
}

export function fieldError(path: string, message: LocalizedText): FieldError {
  return { path, message };
}

export const unknownTerm = (path: string, code: string) =>
  fieldError(path, text(`Terme inconnu ou retiré : ${code}.`, `Unknown or retired term: ${code}.`));

export const unknownRecord = (path: string) =>
  fieldError(path, text('Introuvable dans vos équipes.', 'Not found in your teams.'));

export const otherTeam = (path: string) =>
  fieldError(path, text('Appartient à une autre équipe.', 'Belongs to another team.'));
