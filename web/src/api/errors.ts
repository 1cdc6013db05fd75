import type { ErrorBody } from '../../../core/contracts/common.ts';
import type { Language, LocalizedText } from '../../../core/localized.ts';

export type FieldMessages = Record<string, LocalizedText>;

/** A refusal from the server, with its message in both languages and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly fields: FieldMessages = {},
  ) {
    super(text.en);
    this.name = 'ApiError';
  }

  messageIn(language: Language): string {
    return this.text[language];
  }

  /** The message for one form field, in the reader's language, or undefined. */
  fieldMessage(path: string, language: Language): string | undefined {
    return this.fields[path]?.[language];
  }
}

const networkText: LocalizedText = {
  fr: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
  en: 'The server does not answer. Check your connection and try again.',
};

const unexpectedText: LocalizedText = {
  fr: 'Réponse inattendue du serveur. Réessayez dans un moment.',
  en: 'Unexpected answer from the server. Try again in a moment.',
};

export const networkError = () => new ApiError(0, 'network_error', networkText);

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message?.fr === 'string';
}

/** Reads the bilingual error body; a proxy's HTML page or an empty body still gives a readable error. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  if (!isErrorBody(body)) return new ApiError(status, 'unexpected_response', unexpectedText);
  const fields: FieldMessages = {};
  for (const field of body.error.fields ?? []) fields[field.path] ??= field.message;
  return new ApiError(status, body.error.code, body.error.message, fields);
}
