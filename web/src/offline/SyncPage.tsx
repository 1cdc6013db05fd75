import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyMessage } from '../ui/EmptyMessage.tsx';
import { formatDateTime } from '../ui/format.ts';
import { PageTitle } from '../ui/PageTitle.tsx';
import { useLanguage } from '../ui/use-language.ts';
import { describeOperation } from './describe.ts';
import { ConflictCard, InvalidCard } from './OutboxCards.tsx';
import { listOperations } from './outbox.ts';
import { syncNow } from './sync.ts';
import { useSyncState } from './use-sync-state.ts';

const outboxKey = ['outbox'];

/** What waits to be sent, what the server refused and why, and the conflicts to settle. */
export function SyncPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const state = useSyncState();
  const operations = useQuery({ queryKey: outboxKey, queryFn: listOperations, networkMode: 'always' });
  const offline = !state.online || state.problem === 'network';
  const rows = operations.data ?? [];
  const toReview = rows.filter((row) => row.status !== 'pending');
  const waiting = rows.filter((row) => row.status === 'pending');
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('sync.title')}
        description={offline ? t('sync.offlineText') : state.lastSyncedAt ? t('sync.onlineText') : undefined}
      />
      <Group>
        <Button
          leftSection={<IconRefresh size={20} aria-hidden />}
          onClick={() => void syncNow()}
          loading={state.syncing}
          size="lg"
        >
          {t('sync.now')}
        </Button>
        <Text role="status" aria-live="polite" data-testid="sync-summary">
          {t('sync.waiting', { count: state.pending })}
          {state.invalid + state.conflict ? ` · ${t('sync.toReview', { count: state.invalid + state.conflict })}` : ''}
        </Text>
      </Group>
      {state.problem === 'signedOut' ? <Alert color="orange">{t('sync.signedOut')}</Alert> : null}
      {state.problem === 'server' ? <Alert color="red">{t('sync.serverProblem')}</Alert> : null}
      {toReview.length > 0 ? (
        <Stack gap="sm">
          <Title order={2} fz="xl">
            {t('sync.reviewTitle')}
          </Title>
          {toReview.map((row) =>
            row.status === 'conflict' ? (
              <ConflictCard key={row.id} operation={row} />
            ) : (
              <InvalidCard key={row.id} operation={row} />
            ),
          )}
        </Stack>
      ) : null}
      <Stack gap="sm">
        <Title order={2} fz="xl">
          {t('sync.waitingTitle')}
        </Title>
        {waiting.length === 0 ? (
          <EmptyMessage title={t('sync.nothingWaiting')}>{t('sync.nothingWaitingText')}</EmptyMessage>
        ) : (
          waiting.map((row) => (
            <Card key={row.id} withBorder padding="sm">
              <Text>{describeOperation(row.value, t)}</Text>
              <Text fz="sm" c="dimmed">
                {formatDateTime(row.value.createdAt, language)}
              </Text>
            </Card>
          ))
        )}
      </Stack>
    </Stack>
  );
}
