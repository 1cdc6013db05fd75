import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The one-time password, shown once: to pass on to the person, who will replace it at sign-in. */
export function TemporaryPassword({
  name,
  email,
  password,
  onDone,
}: {
  name: string;
  email: string;
  password: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Text>{t('users.temporaryIntro', { name, email })}</Text>
      <Group gap="sm" wrap="wrap">
        <Code fz="lg" p="sm" data-testid="temporary-password" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              leftSection={copied ? <IconCheck size={20} aria-hidden /> : <IconCopy size={20} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('users.copied') : t('users.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Alert color="yellow" variant="light">
        <Text c="dark">{t('users.temporaryWarning')}</Text>
      </Alert>
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>
        {t('users.temporaryDone')}
      </Button>
    </Stack>
  );
}
