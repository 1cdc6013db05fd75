import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../core/contracts/activities.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { outboxQuery } from '../fieldwork/data.ts';
import { ActivityDetails } from './ActivityDetails.tsx';
import { activityQuery, draftOf, headCountTotal, offline, waitingSaves } from './data.ts';

const route = getRouteApi('/signed-in/activities/$activityId');

/** One activity: a big button to take today's attendance, its sessions, then what it is. */
export function ActivityPage() {
  const { activityId } = route.useParams();
  const { t } = useTranslation();
  const activity = useQuery(activityQuery(activityId));
  if (activity.isPending) return <PageLoader />;
  if (!activity.data)
    return (
      <Stack>
        <PageTitle title={t('activities.notFoundTitle')} />
        <Text>{offline(activity.error) ? t('activities.notCachedText') : t('activities.notFoundText')}</Text>
        <RouterButton to="/activities" variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('activities.backToList')}
        </RouterButton>
      </Stack>
    );
  return <ActivityScreen activity={activity.data} />;
}

function ActivityScreen({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg" pb="xl">
      <PageTitle
        title={activity.title}
        description={`${t(`activityKinds.${activity.kind}`)} · ${t(`groupTypes.${activity.groupType}`)}`}
      />
      <Button
        size="xl"
        h={72}
        leftSection={<IconChecklist size={28} aria-hidden />}
        onClick={() =>
          void navigate({
            to: '/activities/$activityId/sessions/$sessionId',
            params: { activityId: activity.id, sessionId: uuidv7() },
          })
        }
      >
        {t('activity.takeAttendance')}
      </Button>
      <SessionList activity={activity} />
      <ActivityDetails activity={activity} />
    </Stack>
  );
}

type SessionLine = { id: string; onDate: string; total: number; named: number; state: 'sent' | 'waiting' | 'review' };

/** The server's sessions, with this device's saves still waiting shown over them. */
function SessionList({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const outbox = useQuery(outboxQuery);
  const lines = new Map<string, SessionLine>(
    activity.sessions.map((session) => [
      session.id,
      { id: session.id, onDate: session.onDate, total: session.total, named: session.attendees.length, state: 'sent' },
    ]),
  );
  for (const row of waitingSaves(outbox.data, activity.id)) {
    const draft = draftOf(row.value.item.payload);
    lines.set(row.value.item.entityId, {
      id: row.value.item.entityId,
      onDate: draft.onDate,
      total: draft.attendees.length + headCountTotal(draft.headCounts),
      named: draft.attendees.length,
      state: row.status === 'pending' ? 'waiting' : 'review',
    });
  }
  const sorted = [...lines.values()].sort((a, b) => (a.onDate < b.onDate ? 1 : a.onDate > b.onDate ? -1 : 0));
  return (
    <Stack gap="xs" component="section" aria-labelledby="sessions-title">
      <Title order={2} fz="xl" id="sessions-title">
        {t('activity.sessionsTitle')}
      </Title>
      {sorted.length === 0 ? <Text c="dimmed">{t('activity.noSessions')}</Text> : null}
      {sorted.map((line) => (
        <Card
          key={line.id}
          withBorder
          padding="sm"
          radius="md"
          renderRoot={(rootProps) => (
            <Link
              to="/activities/$activityId/sessions/$sessionId"
              params={{ activityId: activity.id, sessionId: line.id }}
              {...rootProps}
              style={{ color: 'inherit', textDecoration: 'none' }}
            />
          )}
          data-testid="activity-session"
        >
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={700}>{formatDay(line.onDate, language)}</Text>
              <Text fz="sm">{t('activity.sessionLine', { total: line.total, count: line.named })}</Text>
            </Stack>
            {line.state === 'waiting' ? (
              <Tag tone="orange">{t('activity.notSent')}</Tag>
            ) : line.state === 'review' ? (
              <Tag tone="red">{t('activity.toReview')}</Tag>
            ) : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
