import { Badge, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconCloudUpload } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSyncState } from './use-sync-state.ts';

/**
 * The header's word on the outbox: up to date, N waiting, offline, or N to review. Always a tap
 * away from the page that lists them.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const state = useSyncState();
  const toReview = state.invalid + state.conflict;
  const offline = !state.online || state.problem === 'network';
  const label = toReview
    ? t('sync.toReview', { count: toReview })
    : state.pending
      ? t('sync.waiting', { count: state.pending })
      : offline
        ? t('sync.offline')
        : t('sync.upToDate');
  const color = toReview ? 'red.8' : offline ? 'gray.7' : state.pending ? 'orange.9' : 'relais.7';
  const Icon = toReview ? IconAlertTriangle : offline ? IconCloudOff : state.pending ? IconCloudUpload : IconCloudCheck;
  const full = [offline ? t('sync.offline') : t('sync.online'), label].filter(
    (part, i, all) => all.indexOf(part) === i,
  );
  return (
    <UnstyledButton component={Link} to="/sync" aria-label={`${t('sync.stateLabel')} : ${full.join(', ')}`}>
      <Badge
        size="lg"
        radius="sm"
        variant={toReview ? 'filled' : 'light'}
        color={color}
        leftSection={<Icon size={18} aria-hidden />}
        data-testid="sync-state"
        data-pending={state.pending}
        data-review={toReview}
        data-offline={offline}
        style={{ textTransform: 'none', cursor: 'pointer' }}
      >
        {label}
      </Badge>
    </UnstyledButton>
  );
}
