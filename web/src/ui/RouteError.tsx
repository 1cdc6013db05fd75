import { Alert, Button, Stack } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/errors.ts';
import { currentLanguage } from '../i18n/index.ts';

/** A page that failed to load says why, in the reader's language, and offers to try again. */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.messageIn(currentLanguage()) : t('common.unexpectedError');
  return (
    <Stack p="md" maw={560}>
      <Alert color="red" title={t('common.errorTitle')} role="alert">
        {message}
      </Alert>
      <Button variant="default" onClick={() => (error instanceof ApiError ? reset() : window.location.reload())}>
        {t('common.retry')}
      </Button>
    </Stack>
  );
}
