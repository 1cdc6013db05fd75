import { Button, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';

/** Where a page outside one's role leads: says so plainly, and the way back. */
export function NotAllowedPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <PageTitle title={t('notAllowed.title')} />
      <Text>{t('notAllowed.text')}</Text>
      <Button component={Link} to="/">
        {t('notAllowed.back')}
      </Button>
    </Stack>
  );
}
