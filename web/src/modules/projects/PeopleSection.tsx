import { Button, CloseButton, Group, NativeSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ActorProjectRole,
  actorProjectRoles,
  type CitizenProjectRole,
  citizenProjectRoles,
} from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { type ActorChoice, ActorSelect } from '../network/ActorSelect.tsx';
import { peopleSearchQuery } from '../people/data.ts';
import { actorsOf, citizensOf, type ProjectChange, today, updateProject } from './data.ts';
import { ProjectSection } from './ProjectSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

/** The team's people involved (with their role, it joins their trajectory) and the directory's partners. */
export function PeopleSection({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { mutation, general } = useProjectMutation(project.id, (change: ProjectChange) =>
    updateProject(project, change),
  );
  return (
    <ProjectSection title={t('projects.people.title')}>
      <FormAlert message={general} />
      <Text fw={700}>{t('projects.people.citizens')}</Text>
      {project.citizens.length === 0 ? <Text c="dimmed">{t('projects.people.noCitizens')}</Text> : null}
      {project.citizens.map((citizen, k) => (
        <Group key={`${citizen.personId}-${citizen.role}`} justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0}>
            <RouterAnchor to="/people/$personId" params={{ personId: citizen.personId }} fw={600}>
              {citizen.nickname}
            </RouterAnchor>
            <Text fz="sm" c="dimmed">
              {t(`projects.people.citizenRoles.${citizen.role}`)} ·{' '}
              {citizen.until
                ? t('projects.people.between', {
                    from: formatDay(citizen.since, language),
                    to: formatDay(citizen.until, language),
                  })
                : t('projects.since', { date: formatDay(citizen.since, language) })}
            </Text>
          </Stack>
          {canWrite && !citizen.until ? (
            <CloseButton
              size="lg"
              aria-label={`${t('projects.people.endCitizen')} : ${citizen.nickname}`}
              onClick={() =>
                mutation.mutate({
                  citizens: citizensOf(project).map((c, n) => (n === k ? { ...c, until: today() } : c)),
                })
              }
            />
          ) : null}
        </Group>
      ))}
      {canWrite ? (
        <AddCitizen
          pending={mutation.isPending}
          onAdd={(personId, role) => mutation.mutate({ citizens: [...citizensOf(project), { personId, role }] })}
        />
      ) : null}
      <Text fw={700}>{t('projects.people.actors')}</Text>
      {project.actors.length === 0 ? <Text c="dimmed">{t('projects.people.noActors')}</Text> : null}
      {project.actors.map((actor, k) => (
        <Group key={`${actor.actorId}-${actor.role}`} justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0}>
            <Text fw={600}>{actor.name}</Text>
            <Text fz="sm" c="dimmed">
              {t(`projects.people.actorRoles.${actor.role}`)}
            </Text>
          </Stack>
          {canWrite ? (
            <CloseButton
              size="lg"
              aria-label={`${t('projects.links.remove')} : ${actor.name}`}
              onClick={() => mutation.mutate({ actors: actorsOf(project).filter((_, n) => n !== k) })}
            />
          ) : null}
        </Group>
      ))}
      {canWrite ? (
        <AddActor
          pending={mutation.isPending}
          onAdd={(actorId, role) => mutation.mutate({ actors: [...actorsOf(project), { actorId, role }] })}
        />
      ) : null}
    </ProjectSection>
  );
}

function AddCitizen({
  pending,
  onAdd,
}: {
  pending: boolean;
  onAdd: (personId: string, role: CitizenProjectRole) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const found = useQuery({ ...peopleSearchQuery(debounced), enabled: debounced.length >= 1 });
  const [personId, setPersonId] = useState<string | null>(null);
  const [role, setRole] = useState<CitizenProjectRole>('participant');
  return (
    <Stack gap="xs">
      <Select
        size="md"
        searchable
        clearable
        label={t('projects.people.person')}
        placeholder={t('projects.people.personPlaceholder')}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={(found.data?.items ?? []).map((p) => ({ value: p.id, label: p.nickname }))}
        value={personId}
        onChange={setPersonId}
      />
      <NativeSelect
        size="md"
        label={t('projects.people.role')}
        value={role}
        onChange={(event) => setRole(event.currentTarget.value as CitizenProjectRole)}
        data={citizenProjectRoles.map((value) => ({ value, label: t(`projects.people.citizenRoles.${value}`) }))}
      />
      <Button
        size="md"
        variant="light"
        disabled={!personId}
        loading={pending}
        onClick={() => {
          if (personId) onAdd(personId, role);
          setPersonId(null);
          setSearch('');
        }}
      >
        {t('projects.people.addCitizen')}
      </Button>
    </Stack>
  );
}

function AddActor({ pending, onAdd }: { pending: boolean; onAdd: (actorId: string, role: ActorProjectRole) => void }) {
  const { t } = useTranslation();
  const [actor, setActor] = useState<ActorChoice | null>(null);
  const [role, setRole] = useState<ActorProjectRole>('partner');
  return (
    <Stack gap="xs">
      <ActorSelect label={t('projects.people.actor')} value={actor} onChange={setActor} />
      <NativeSelect
        size="md"
        label={t('projects.people.role')}
        value={role}
        onChange={(event) => setRole(event.currentTarget.value as ActorProjectRole)}
        data={actorProjectRoles.map((value) => ({ value, label: t(`projects.people.actorRoles.${value}`) }))}
      />
      <Button
        size="md"
        variant="light"
        disabled={!actor}
        loading={pending}
        onClick={() => {
          if (actor) onAdd(actor.id, role);
          setActor(null);
        }}
      >
        {t('projects.people.addActor')}
      </Button>
    </Stack>
  );
}
