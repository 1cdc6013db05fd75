import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors.ts';
import { useLanguage } from './use-language.ts';

/** A query that failed inside a page: the server's own words when it gave some. */
export function RouteErrorMessage({ error }: { error: Error }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Alert color="red" title={t('common.errorTitle')} role="alert">
      {error instanceof ApiError ? error.messageIn(language) : t('common.unexpectedError')}
    </Alert>
  );
}
