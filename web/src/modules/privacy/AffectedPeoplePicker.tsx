import { Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleSearchQuery } from '../people/data.ts';

export type Picked = { id: string; nickname: string };

/**
 * Optional links from an incident to the people of its team it concerned: search by nickname, tap
 * to add. Only the incident's team is offered; the server refuses anyone else.
 */
export function AffectedPeoplePicker({
  teamId,
  picked,
  onChange,
  error,
}: {
  teamId: string;
  picked: Picked[];
  onChange: (picked: Picked[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const term = search.trim();
  const found = useQuery({ ...peopleSearchQuery(term), enabled: term.length >= 2 });
  const candidates = (term.length >= 2 ? (found.data?.items ?? []) : [])
    .filter((person) => person.teamId === teamId && !picked.some((p) => p.id === person.id))
    .slice(0, 5);
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('rights.linkPeople')}
        description={t('rights.linkPeopleHint')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        error={error}
        size="md"
      />
      {candidates.map((person) => (
        <Button
          key={person.id}
          variant="light"
          size="md"
          justify="flex-start"
          onClick={() => {
            onChange([...picked, { id: person.id, nickname: person.nickname }]);
            setSearch('');
          }}
          aria-label={t('rights.linkPerson', { nickname: person.nickname })}
        >
          + {person.nickname}
        </Button>
      ))}
      {picked.length ? (
        <Group gap="xs">
          {picked.map((person) => (
            <Group key={person.id} gap={4} wrap="nowrap" bg="gray.1" px="sm" py={4} style={{ borderRadius: 16 }}>
              <Text fw={600}>{person.nickname}</Text>
              <CloseButton
                size="md"
                aria-label={t('rights.unlinkPerson', { nickname: person.nickname })}
                onClick={() => onChange(picked.filter((p) => p.id !== person.id))}
              />
            </Group>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}
