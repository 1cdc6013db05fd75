import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/localized.ts';
import { ApiError } from '../api/errors.ts';

/**
 * Splits a server refusal for a form: each named field gets its message under the field, and the
 * alert above says either what went wrong or, when every problem sits on a visible field, where to look.
 */
export function useApiError(error: unknown, formFields: readonly string[]) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'fr';
  if (!error) return { general: undefined, field: () => undefined };
  if (!(error instanceof ApiError)) return { general: t('common.unexpectedError'), field: () => undefined };
  const named = Object.keys(error.fields);
  const allOnTheForm = named.length > 0 && named.every((path) => formFields.includes(path));
  return {
    general: allOnTheForm ? t('common.checkFields') : error.messageIn(language),
    field: (path: string) => error.fieldMessage(path, language),
  };
}
