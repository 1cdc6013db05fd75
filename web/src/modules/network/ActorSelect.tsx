import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actorSearchQuery } from './data.ts';

export type ActorChoice = { id: string; name: string };

type Common = { label: string; error?: string; description?: string; required?: boolean };

/** The directory's search as the options: what was typed goes to the server, not a filter on 20 names. */
function useActorOptions(search: string, chosen: ActorChoice[]) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(search, 200);
  const found = useQuery(actorSearchQuery(debounced));
  const options = new Map(chosen.map((actor) => [actor.id, actor.name]));
  for (const actor of found.data?.items ?? [])
    if (!options.has(actor.id))
      options.set(actor.id, `${actor.name}${actor.kind === 'keyPerson' ? ` · ${t('actorKind.keyPerson')}` : ''}`);
  const names = new Map([
    ...(found.data?.items ?? []).map((a) => [a.id, a.name] as const),
    ...chosen.map((a) => [a.id, a.name] as const),
  ]);
  return { data: [...options].map(([value, label]) => ({ value, label })), names };
}

/** One actor, found by typing part of its name. */
export function ActorSelect({
  value,
  onChange,
  ...common
}: Common & { value: ActorChoice | null; onChange: (actor: ActorChoice | null) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.name ?? '');
  // A name known only later (read from the server) still shows in the field.
  useEffect(() => setSearch(value?.name ?? ''), [value?.name]);
  const { data, names } = useActorOptions(search, value ? [value] : []);
  return (
    <Select
      {...common}
      size="md"
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? { id, name: names.get(id) ?? '' } : null)}
      nothingFoundMessage={t('ties.noActorFound')}
      placeholder={t('ties.typeName')}
    />
  );
}

/** Several actors (those present at an interaction). */
export function ActorMultiSelect({
  value,
  onChange,
  ...common
}: Common & { value: ActorChoice[]; onChange: (actors: ActorChoice[]) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, names } = useActorOptions(search, value);
  return (
    <MultiSelect
      {...common}
      size="md"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={data}
      value={value.map((actor) => actor.id)}
      onChange={(ids) => onChange(ids.map((id) => ({ id, name: names.get(id) ?? '' })))}
      nothingFoundMessage={t('ties.noActorFound')}
      placeholder={t('ties.typeName')}
    />
  );
}
