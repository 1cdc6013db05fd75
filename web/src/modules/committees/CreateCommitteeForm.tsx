import { Button, Group, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Committee } from '../../../../core/contracts/committees.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormCard } from '../../ui/FormCard.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { type ActorChoice, ActorMultiSelect } from '../network/ActorSelect.tsx';
import { committeesKey } from './data.ts';

const formFields = ['name', 'purpose', 'members', 'teamId'] as const;

/** A name, what it is for, and its member organisations picked from the directory. */
export function CreateCommitteeForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [members, setMembers] = useState<ActorChoice[]>([]);
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const create = useMutation({
    mutationFn: () =>
      api.post<Committee>('/committees', {
        id: uuidv7(),
        teamId: teamId || undefined,
        name,
        purpose: purpose.trim() || null,
        members: members.map((actor) => ({ actorId: actor.id })),
      }),
    onSuccess: (committee) => {
      void queryClient.invalidateQueries({ queryKey: committeesKey });
      void navigate({ to: '/committees/$committeeId', params: { committeeId: committee.id } });
    },
  });
  const problem = useApiError(create.error, formFields);
  // A refused member is named `members.2.actorId`: shown on the one field that picks them.
  const membersError = memberFieldError(create.error, problem.field);
  return (
    <FormCard
      id="new-committee"
      title={t('committees.createTitle')}
      error={problem.general}
      onSubmit={() => create.mutate()}
    >
      <TextInput
        label={t('committees.name')}
        placeholder={t('committees.namePlaceholder')}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={problem.field('name')}
        size="md"
        required
        maxLength={160}
      />
      <Textarea
        label={t('committees.purpose')}
        value={purpose}
        onChange={(event) => setPurpose(event.currentTarget.value)}
        error={problem.field('purpose')}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <ActorMultiSelect
        label={t('committees.members')}
        description={t('committees.membersHelp')}
        value={members}
        onChange={setMembers}
        error={membersError}
      />
      {user.teams.length > 1 ? (
        <NativeSelect
          label={t('committees.team')}
          value={teamId}
          onChange={(event) => setTeamId(event.currentTarget.value)}
          data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
          error={problem.field('teamId')}
          size="md"
        />
      ) : null}
      <Group gap="sm">
        <Button type="submit" size="md" loading={create.isPending}>
          {t('committees.createSubmit')}
        </Button>
        <Button variant="default" size="md" onClick={onCancel}>
          {t('committees.cancel')}
        </Button>
      </Group>
    </FormCard>
  );
}

/** The first message about one of the members, wherever in the list it sits. */
export function memberFieldError(error: unknown, field: (path: string) => string | undefined): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const path = Object.keys(error.fields).find((candidate) => candidate.startsWith('members'));
  return path ? field(path) : undefined;
}
