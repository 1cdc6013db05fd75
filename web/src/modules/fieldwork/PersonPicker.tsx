import { Button, Chip, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../core/contracts/people.ts';
import { searchForm } from '../../../../core/fieldwork.ts';
import { api } from '../../api/client.ts';

export type PersonChoice =
  | { kind: 'anonymous' }
  | { kind: 'known'; person: PersonSummary }
  | { kind: 'new'; nickname: string };

/**
 * Who was met: anonymous by default, then the people met lately (one tap), a search, or a new
 * person known by a nickname only. Without `withAnonymous` (attendance), it only adds someone.
 */
export function PersonPicker({
  recent,
  all,
  value,
  onChange,
  withAnonymous = true,
}: {
  recent: PersonSummary[];
  all: PersonSummary[];
  value: PersonChoice;
  onChange: (choice: PersonChoice) => void;
  withAnonymous?: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'chips' | 'search' | 'new'>('chips');
  const [search, setSearch] = useState('');
  const [nickname, setNickname] = useState('');
  const found = useSearch(search, all);
  const shown = recent.slice(0, 5);
  if (value.kind === 'known' && !shown.some((person) => person.id === value.person.id)) shown.unshift(value.person);
  const selected = value.kind === 'known' ? value.person.id : value.kind === 'new' ? 'new' : 'anonymous';

  return (
    <Stack gap="xs">
      <Chip.Group
        value={selected}
        onChange={(id) => {
          if (id === 'anonymous') onChange({ kind: 'anonymous' });
          const person = shown.find((candidate) => candidate.id === id);
          if (person) onChange({ kind: 'known', person });
        }}
      >
        <Group gap="xs" role="radiogroup" aria-label={t('contact.who')}>
          {withAnonymous ? (
            <Chip value="anonymous" size="lg" color="gray.7">
              {t('contact.anonymous')}
            </Chip>
          ) : null}
          {shown.map((person) => (
            <Chip key={person.id} value={person.id} size="lg">
              {person.nickname}
            </Chip>
          ))}
          {value.kind === 'new' ? (
            <Chip value="new" size="lg">
              {t('contact.newNamed', { nickname: value.nickname })}
            </Chip>
          ) : null}
        </Group>
      </Chip.Group>
      <Group gap="xs">
        <Button
          variant="subtle"
          leftSection={<IconSearch size={18} aria-hidden />}
          onClick={() => setMode(mode === 'search' ? 'chips' : 'search')}
        >
          {t('contact.searchPerson')}
        </Button>
        <Button
          variant="subtle"
          leftSection={<IconUserPlus size={18} aria-hidden />}
          onClick={() => setMode(mode === 'new' ? 'chips' : 'new')}
        >
          {t('contact.newPerson')}
        </Button>
      </Group>
      {mode === 'search' ? (
        <Stack gap="xs">
          <TextInput
            label={t('contact.searchLabel')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            autoFocus
          />
          {found.map((person) => (
            <Button
              key={person.id}
              variant="default"
              justify="flex-start"
              onClick={() => {
                onChange({ kind: 'known', person });
                setMode('chips');
                setSearch('');
              }}
            >
              {person.nickname}
            </Button>
          ))}
          {search.trim() && found.length === 0 ? <Text c="dimmed">{t('contact.nobodyFound')}</Text> : null}
        </Stack>
      ) : null}
      {mode === 'new' ? (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('contact.nickname')}
            description={t('contact.nicknameHelp')}
            value={nickname}
            onChange={(event) => setNickname(event.currentTarget.value)}
            maxLength={80}
            autoFocus
            style={{ flex: 1 }}
          />
          <Button
            disabled={!nickname.trim()}
            onClick={() => {
              onChange({ kind: 'new', nickname: nickname.trim() });
              setMode('chips');
              setNickname('');
            }}
          >
            {t('contact.useNickname')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/** The server's accent- and typo-tolerant search when it answers; the cached people otherwise. */
function useSearch(text: string, all: PersonSummary[]): PersonSummary[] {
  const term = text.trim();
  const server = useQuery({
    queryKey: ['fieldwork', 'people-search', term],
    queryFn: () => api.get<{ items: PersonSummary[] }>('/people', { search: term, limit: 8 }),
    enabled: term.length >= 2,
    retry: false,
  });
  if (!term) return [];
  if (server.data) return server.data.items;
  const wanted = searchForm(term);
  return all.filter((person) => searchForm(person.nickname).includes(wanted)).slice(0, 8);
}
