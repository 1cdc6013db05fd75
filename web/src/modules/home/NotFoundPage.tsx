import { Button, Center, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="60dvh" p="md">
      <Stack gap="md" align="flex-start" maw={480}>
        <PageTitle title={t('notFound.title')} />
        <Text>{t('notFound.text')}</Text>
        <Button component={Link} to="/">
          {t('notFound.back')}
        </Button>
      </Stack>
    </Center>
  );
}
