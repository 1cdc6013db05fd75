import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../core/contracts/people.ts';
import { searchForm } from '../../../../core/fieldwork.ts';
import { ApiError } from '../../api/errors.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatWhen } from '../../ui/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { createPerson } from '../fieldwork/actions.ts';
import { outboxQuery, pendingPeople, referenceQuery } from '../fieldwork/data.ts';
import { peopleSearchQuery } from './data.ts';

const route = getRouteApi('/signed-in/people');

/** Find a person (accent- and typo-tolerant on the server; the cached list offline) or add one. */
export function PeoplePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { q } = route.useSearch();
  const [text, setText] = useState(q ?? '');
  const [nickname, setNickname] = useState('');
  const [adding, setAdding] = useState(false);
  const [search] = useDebouncedValue(text.trim(), 250);
  const server = useQuery(peopleSearchQuery(search));
  const reference = useQuery(referenceQuery);
  const outbox = useQuery(outboxQuery);
  const offline = server.error instanceof ApiError && server.error.status === 0;
  const waiting = pendingPeople(outbox.data, null);
  const local = [...waiting, ...(reference.data?.people ?? [])].filter(
    (person) => !search || searchForm(person.nickname).includes(searchForm(search)),
  );
  const people: PersonSummary[] =
    server.data && !offline
      ? [...waiting.filter((p) => !search || searchForm(p.nickname).includes(searchForm(search))), ...server.data.items]
      : local;
  const waitingIds = new Set(waiting.map((person) => person.id));

  const add = async () => {
    const id = await createPerson(nickname.trim());
    await navigate({ to: '/people/$personId', params: { personId: id } });
  };

  return (
    <Stack gap="md">
      <PageTitle
        title={t('terms.People')}
        actions={
          <Button
            variant="light"
            leftSection={<IconUserPlus size={20} aria-hidden />}
            onClick={() => setAdding(!adding)}
          >
            {t('people.add')}
          </Button>
        }
      />
      {adding ? (
        <Card withBorder padding="md">
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              label={t('contact.nickname')}
              description={t('contact.nicknameHelp')}
              value={nickname}
              maxLength={80}
              onChange={(event) => setNickname(event.currentTarget.value)}
              style={{ flex: 1 }}
              autoFocus
            />
            <Button disabled={!nickname.trim()} onClick={() => void add()}>
              {t('people.create')}
            </Button>
          </Group>
        </Card>
      ) : null}
      <TextInput
        type="search"
        label={t('people.search')}
        description={t('people.searchHelp')}
        leftSection={<IconSearch size={18} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      {offline ? <Text c="dimmed">{t('people.offlineSearch')}</Text> : null}
      {/* Someone another team follows: break the glass, with a stated reason (issue 8). */}
      {search && !offline ? (
        <RouterButton to="/break-glass" variant="subtle" size="md" style={{ alignSelf: 'flex-start' }}>
          {t('breakGlass.entryLink')}
        </RouterButton>
      ) : null}
      {people.length === 0 && !server.isPending ? (
        <EmptyMessage title={search ? t('people.noMatch') : t('people.none')}>{t('people.noneText')}</EmptyMessage>
      ) : null}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {people.map((person) => (
          <li key={person.id}>
            <PersonRow person={person} waiting={waitingIds.has(person.id)} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function PersonRow({ person, waiting }: { person: PersonSummary; waiting: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      withBorder
      padding="sm"
      renderRoot={(props) => (
        <Link
          to="/people/$personId"
          params={{ personId: person.id }}
          {...props}
          style={{ color: 'inherit', textDecoration: 'none' }}
        />
      )}
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={700}>{person.nickname}</Text>
          {person.ageBand || person.lastEncounterAt ? (
            <Text fz="sm">
              {[
                person.ageBand ? t(`ageBands.${person.ageBand}`) : null,
                person.lastEncounterAt
                  ? t('people.lastMet', { when: formatWhen(person.lastEncounterAt, language) })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ) : null}
        </Stack>
        <Group gap={4}>
          {person.identified ? <Tag tone="blue">{t('person.identified')}</Tag> : null}
          {waiting ? <Tag tone="orange">{t('day.notSent')}</Tag> : null}
        </Group>
      </Group>
    </Card>
  );
}
