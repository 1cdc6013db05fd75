import { Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activityKinds } from '../../../../core/collective.ts';
import type { ActivitySummary } from '../../../../core/contracts/activities.ts';
import { useSyncState } from '../../offline/use-sync-state.ts';
import { CardLink } from '../../ui/CardLink.tsx';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { CreateActivityForm } from './CreateActivityForm.tsx';
import { activityListQuery } from './data.ts';

const route = getRouteApi('/signed-in/activities');

/** The team's activities, filtered by kind and neighbourhood, and a short form to add one. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const list = useQuery(activityListQuery);
  const neighbourhoods = useQuery({ ...neighbourhoodsQuery, retry: false });
  const [creating, setCreating] = useState(false);
  const { online } = useSyncState();
  if (list.isPending) return <PageLoader />;
  const all = list.data?.items ?? [];
  const shown = all.filter(
    (activity) =>
      (!search.kind || activity.kind === search.kind) &&
      (!search.neighbourhoodId || activity.neighbourhoodId === search.neighbourhoodId),
  );
  return (
    <Stack gap="md" pb="xl">
      <PageTitle
        title={t('activities.title')}
        description={t('activities.description')}
        actions={
          creating ? null : (
            <Button size="md" leftSection={<IconPlus size={20} aria-hidden />} onClick={() => setCreating(true)}>
              {t('activities.create')}
            </Button>
          )
        }
      />
      {online ? null : <Text c="dimmed">{t('activity.offlineList')}</Text>}
      {creating ? <CreateActivityForm onCancel={() => setCreating(false)} /> : null}
      <SimpleGrid cols={2} spacing="sm">
        <NativeSelect
          label={t('activities.kind')}
          value={search.kind ?? ''}
          onChange={(event) =>
            void navigate({
              search: (previous) => ({
                ...previous,
                kind: activityKinds.find((kind) => kind === event.currentTarget.value),
              }),
            })
          }
          data={[
            { value: '', label: t('activities.allKinds') },
            ...activityKinds.map((kind) => ({ value: kind, label: t(`activityKinds.${kind}`) })),
          ]}
        />
        <NativeSelect
          label={t('activities.neighbourhood')}
          value={search.neighbourhoodId ?? ''}
          disabled={!neighbourhoods.data}
          onChange={(event) =>
            void navigate({
              search: (previous) => ({ ...previous, neighbourhoodId: event.currentTarget.value || undefined }),
            })
          }
          data={[
            { value: '', label: t('activities.allNeighbourhoods') },
            ...(neighbourhoods.data?.items ?? []).map((hood) => ({ value: hood.id, label: hood.name })),
          ]}
        />
      </SimpleGrid>
      {all.length === 0 ? (
        creating ? null : (
          <EmptyMessage title={t('activities.noneTitle')}>{t('activities.noneText')}</EmptyMessage>
        )
      ) : shown.length === 0 ? (
        <Text c="dimmed">{t('activities.noneFiltered')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {shown.map((activity) => (
            <li key={activity.id}>
              <ActivityCard activity={activity} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ActivityCard({ activity }: { activity: ActivitySummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <CardLink
      to="/activities/$activityId"
      params={{ activityId: activity.id }}
      withBorder
      padding="md"
      radius="md"
      data-testid="activity-card"
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={700} fz="lg">
            {activity.title}
          </Text>
          <Text fz="sm">
            {t(`activityKinds.${activity.kind}`)} · {t(`groupTypesShort.${activity.groupType}`)}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('activities.sessionCount', { count: activity.sessionCount })}
            {' · '}
            {activity.lastSessionOn
              ? t('activities.lastSession', { date: formatDay(activity.lastSessionOn, language) })
              : t('activities.noSessionYet')}
          </Text>
        </Stack>
        {activity.active ? null : <Tag tone="gray">{t('activities.inactive')}</Tag>}
      </Group>
    </CardLink>
  );
}
