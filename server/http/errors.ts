import type { LocalizedText } from '../../core/localized.ts';
import { text } from '../../core/localized.ts';

export type FieldError = { path: string; message: LocalizedText };

/** A failure a person can act on: an HTTP status, a stable code, a message in both languages. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly fields?: FieldError[],
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

export const notSignedIn = () =>
  new AppError(401, 'not_signed_in', text('Veuillez vous connecter.', 'Please sign in.'));

export const forbidden = () =>
  new AppError(
    403,
    'forbidden',
    text('Votre rôle ne permet pas cette action.', 'Your role does not allow this action.'),
  );

export const notFound = (what: LocalizedText) =>
  new AppError(404, 'not_found', text(`${what.fr} introuvable.`, `${what.en} not found.`));

/** A value that must be unique is already taken: names the field so the form can point at it. */
export const alreadyTaken = (field: string, label: LocalizedText) =>
  new AppError(
    409,
    'already_exists',
    text(`${label.fr} : cette valeur est déjà utilisée.`, `${label.en}: this value is already in use.`),
    [{ path: field, message: text('Déjà utilisé.', 'Already in use.') }],
  );

export const invalidField = (field: string, message: LocalizedText) =>
  new AppError(422, 'invalid_field', message, [{ path: field, message }]);

/** Too many failed attempts: says when to try again, in seconds and in words. */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      429,
      'too_many_attempts',
      text(
        `Trop d'essais. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        `Too many attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      ),
    );
  }
}
