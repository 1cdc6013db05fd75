import { ActionIcon, Group, Image, Text, UnstyledButton } from '@mantine/core';
import { IconUserCircle } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { usePublicSettings } from '../../api/session.ts';
import { SyncIndicator } from '../../offline/SyncIndicator.tsx';

export function AppHeader({ user, showSync }: { user: CurrentUser; showSync: boolean }) {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <UnstyledButton
        component={Link}
        to="/"
        miw={0}
        aria-label={t('nav.homeOf', { name: settings?.deploymentName ?? 'Relais' })}
      >
        <Group gap="xs" wrap="nowrap">
          <Image src="/favicon.svg" alt="" w={32} h={32} />
          <Text fw={700} fz="lg" truncate="end">
            {settings?.deploymentName ?? 'Relais'}
          </Text>
        </Group>
      </UnstyledButton>
      <Group gap="xs" wrap="nowrap">
        <Text visibleFrom="sm" fz="sm" c="dimmed">
          {user.name}
        </Text>
        {showSync ? <SyncIndicator /> : null}
        <ActionIcon
          component={Link}
          to="/account"
          variant="subtle"
          aria-label={t('nav.accountOf', { name: user.name })}
        >
          <IconUserCircle size={28} aria-hidden />
        </ActionIcon>
      </Group>
    </Group>
  );
}
