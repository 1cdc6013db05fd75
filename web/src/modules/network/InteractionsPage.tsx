import { Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InteractionKind, interactionKinds } from '../../../../core/network.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { actorQuery } from '../directory/data.ts';
import { type ActorChoice, ActorSelect } from './ActorSelect.tsx';
import { interactionsPageSize, interactionsQuery, nameOf } from './data.ts';
import { InteractionFormModal } from './InteractionForm.tsx';

const route = getRouteApi('/signed-in/network/interactions');

/** Meetings, calls, concertation tables and shared events with actors: log one, read the latest. */
export function InteractionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [adding, setAdding] = useState(false);
  const [actor, setActor] = useState<ActorChoice | null>(null);
  const page = search.page ?? 1;
  const list = useQuery(interactionsQuery({ actorId: search.actorId, kind: search.kind, page }));
  // Coming from an actor's page, its name is in the cache already (the same query as that page).
  const named = useQuery({ ...actorQuery(search.actorId ?? ''), enabled: Boolean(search.actorId) && !actor });
  const chosenActor =
    actor ??
    (search.actorId
      ? { id: search.actorId, name: named.data?.name ?? nameOf(list.data?.actors ?? [], search.actorId) }
      : null);

  return (
    <Stack gap="md">
      <Group>
        <RouterButton
          to="/network"
          variant="subtle"
          size="compact-md"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
        >
          {t('network.title')}
        </RouterButton>
      </Group>
      <PageTitle
        title={t('interactions.title')}
        description={t('interactions.intro')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setAdding(true)}>
            {t('interactions.add')}
          </Button>
        }
      />
      <Group gap="md" align="flex-end" component="section" aria-label={t('network.filters')}>
        <ActorSelect
          label={t('interactions.filterActor')}
          value={chosenActor}
          onChange={(next) => {
            setActor(next);
            void navigate({
              search: (previous) => ({ ...previous, actorId: next?.id, page: undefined }),
              replace: true,
            });
          }}
        />
        <NativeSelect
          label={t('interactions.kind')}
          size="md"
          value={search.kind ?? ''}
          onChange={(event) => {
            const kind = (event.currentTarget.value || undefined) as InteractionKind | undefined;
            void navigate({ search: (previous) => ({ ...previous, kind, page: undefined }), replace: true });
          }}
          data={[
            { value: '', label: t('interactions.allKinds') },
            ...interactionKinds.map((value) => ({ value, label: t(`interactions.kinds.${value}`) })),
          ]}
        />
      </Group>
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <Text c="red.8">{t('common.unexpectedError')}</Text> : null}
      {list.data && list.data.items.length === 0 ? (
        <EmptyMessage title={t('interactions.none')}>{t('interactions.noneText')}</EmptyMessage>
      ) : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="interactions">
        {list.data?.items.map((item) => (
          <Card key={item.id} component="li" withBorder padding="sm">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Text fw={700}>{item.title}</Text>
              <Tag tone="blue">{t(`interactions.kinds.${item.kind}`)}</Tag>
            </Group>
            <Text fz="sm" c="dimmed">
              {formatDay(item.occurredOn, language, 'long')}
            </Text>
            <Group gap={8} mt={4}>
              {item.actorIds.map((id) => (
                <RouterAnchor key={id} to="/directory/actors/$actorId" params={{ actorId: id }} fz="sm">
                  {nameOf(list.data.actors, id)}
                </RouterAnchor>
              ))}
            </Group>
            {item.note ? (
              <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {item.note}
              </Text>
            ) : null}
          </Card>
        ))}
      </Stack>
      {list.data ? (
        <Pager
          total={Math.ceil(list.data.total / interactionsPageSize)}
          value={page}
          onChange={(next) =>
            void navigate({ search: (previous) => ({ ...previous, page: next > 1 ? next : undefined }) })
          }
        />
      ) : null}
      <InteractionFormModal opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
