import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconCloudUpload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSyncState } from './use-sync-state.ts';

const looks = {
  review: { bg: 'red.8', c: 'white', Icon: IconAlertTriangle },
  waiting: { bg: 'orange.1', c: '#6b2a00', Icon: IconCloudUpload },
  offline: { bg: 'gray.2', c: 'dark.7', Icon: IconCloudOff },
  upToDate: { bg: 'relais.0', c: 'relais.9', Icon: IconCloudCheck },
};

/**
 * The header's word on the outbox: up to date, N waiting, offline, or N to review. Always a tap
 * away from the page that lists them.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const state = useSyncState();
  const toReview = state.invalid + state.conflict;
  const offline = !state.online || state.problem === 'network';
  const look = toReview ? 'review' : state.pending ? 'waiting' : offline ? 'offline' : 'upToDate';
  const label = {
    review: t('sync.toReview', { count: toReview }),
    waiting: t('sync.waiting', { count: state.pending }),
    offline: t('sync.offline'),
    upToDate: t('sync.upToDate'),
  }[look];
  const { bg, c, Icon } = looks[look];
  const connection = offline ? t('sync.offline') : t('sync.online');
  return (
    <UnstyledButton
      component={Link}
      to="/sync"
      aria-label={`${t('sync.stateLabel')} : ${label === connection ? label : `${connection}, ${label}`}`}
      bg={bg}
      c={c}
      px={10}
      py={6}
      style={{ borderRadius: 999, flexShrink: 0 }}
    >
      <Group gap={6} wrap="nowrap">
        <Icon size={18} aria-hidden />
        <Text
          component="span"
          fz="sm"
          fw={700}
          data-testid="sync-state"
          data-pending={state.pending}
          data-review={toReview}
          data-offline={offline}
        >
          {label}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
