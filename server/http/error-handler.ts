import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorBody } from '../../core/contracts/common.ts';
import { text } from '../../core/localized.ts';
import { AppError, TooManyAttempts } from './errors.ts';

const knownFrameworkErrors: Record<string, AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: new AppError(
    413,
    'body_too_large',
    text('La requête est trop volumineuse.', 'The request is too large.'),
  ),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new AppError(
    415,
    'unsupported_media_type',
    text('Envoyez les données en JSON.', 'Please send the data as JSON.'),
  ),
  FST_ERR_CTP_EMPTY_JSON_BODY: new AppError(
    400,
    'empty_body',
    text('Le corps de la requête est vide.', 'The request body is empty.'),
  ),
  FST_ERR_CTP_INVALID_JSON_BODY: new AppError(
    400,
    'malformed_json',
    text("Le JSON envoyé n'est pas valide.", 'The JSON sent is not valid.'),
  ),
};

const malformedJson = knownFrameworkErrors.FST_ERR_CTP_INVALID_JSON_BODY as AppError;

/**
 * Database refusals that reach here were not foreseen by a service check (two requests racing
 * for the same code, say). They are still the caller's doing, so they get a 4xx, not a 500.
 */
const databaseRefusals: Record<string, AppError> = {
  '23505': new AppError(
    409,
    'already_exists',
    text('Cette valeur est déjà utilisée.', 'This value is already in use.'),
  ),
  '23503': new AppError(
    422,
    'unknown_reference',
    text('Un élément lié est introuvable.', 'A linked record was not found.'),
  ),
  '22P02': new AppError(400, 'invalid_value', text('Une valeur est mal formée.', 'A value is malformed.')),
  '22007': new AppError(400, 'invalid_value', text('Une date est mal formée.', 'A date is malformed.')),
  '22008': new AppError(400, 'invalid_value', text('Une date est hors limites.', 'A date is out of range.')),
};

/** Drizzle wraps the driver's error; PostgreSQL and PGlite both carry the SQLSTATE in `code`. */
function sqlState(error: unknown): string | undefined {
  for (
    let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 4;
    depth++
  ) {
    if (typeof current.code === 'string' && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = current.cause as typeof current;
  }
  return undefined;
}

function bodyOf(error: AppError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.text,
      ...(error.fields ? { fields: error.fields } : {}),
    },
  };
}

/** Turns every failure into a bilingual answer. A 5xx is logged and never shows its stack. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError, request, reply) => {
    let error: AppError;
    if (raw instanceof AppError) error = raw;
    else if (raw.code && knownFrameworkErrors[raw.code]) error = knownFrameworkErrors[raw.code] as AppError;
    else if (databaseRefusals[sqlState(raw) ?? '']) error = databaseRefusals[sqlState(raw) as string] as AppError;
    else if (raw instanceof SyntaxError || raw.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') error = malformedJson;
    else if (raw.statusCode && raw.statusCode >= 400 && raw.statusCode < 500) {
      error = new AppError(
        raw.statusCode,
        'bad_request',
        text("La requête n'a pas pu être traitée.", 'The request could not be processed.'),
      );
    } else {
      request.log.error({ err: raw }, 'unexpected error');
      error = new AppError(
        500,
        'internal_error',
        text(
          'Une erreur inattendue est survenue; rien n’a été enregistré. Réessayez.',
          'Something went wrong; nothing was saved. Please try again.',
        ),
      );
    }
    if (error instanceof TooManyAttempts) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.status(error.statusCode).type('application/json').send(bodyOf(error));
  });
}
