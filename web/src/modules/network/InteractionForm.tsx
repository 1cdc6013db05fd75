import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../../core/contracts/network.ts';
import { type InteractionKind, interactionKinds } from '../../../../core/network.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { localDay } from '../fieldwork/data.ts';
import { type ActorChoice, ActorMultiSelect } from './ActorSelect.tsx';
import { networkKey } from './data.ts';

const formFields = ['teamId', 'kind', 'occurredOn', 'title', 'note', 'actorIds'] as const;

/** A meeting, a call, a concertation table or a shared event, with the actors who were there. */
export function InteractionFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('interactions.addTitle')}>
      {opened ? <InteractionForm onClose={onClose} /> : null}
    </FormModal>
  );
}

function InteractionForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const [kind, setKind] = useState<InteractionKind>('meeting');
  const [occurredOn, setOccurredOn] = useState(localDay());
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [actors, setActors] = useState<ActorChoice[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api.post<Interaction>('/actor-interactions', {
        teamId: user.teams.length > 1 ? teamId : undefined,
        kind,
        occurredOn,
        title: title.trim(),
        note: note.trim() || null,
        actorIds: actors.map((actor) => actor.id),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: networkKey });
      onClose();
    },
  });
  const errors = useApiError(save.error, formFields);
  // The server names a missing actor as actorIds.0 (the first one it could not use): shown on the picker.
  const actorError =
    local.actorIds ?? errors.field('actorIds') ?? errors.field('actorIds.0') ?? errors.field('actorIds.1');
  const fieldError = (name: string) => local[name] ?? errors.field(name);
  const settle = (name: string) => setLocal(({ [name]: _settled, ...others }) => others);

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t('common.required');
    if (!occurredOn) problems.occurredOn = t('common.required');
    if (actors.length === 0) problems.actorIds = t('interactions.atLeastOneActor');
    setLocal(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <FormAlert message={Object.keys(local).length ? t('common.checkFields') : errors.general} />
        {user.teams.length > 1 ? (
          <NativeSelect
            label={t('ties.team')}
            size="md"
            value={teamId}
            onChange={(event) => setTeamId(event.currentTarget.value)}
            data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
            error={fieldError('teamId')}
          />
        ) : null}
        <Group grow align="flex-start">
          <NativeSelect
            label={t('interactions.kind')}
            size="md"
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as InteractionKind)}
            data={interactionKinds.map((value) => ({ value, label: t(`interactions.kinds.${value}`) }))}
            error={fieldError('kind')}
          />
          <TextInput
            type="date"
            size="md"
            label={t('interactions.occurredOn')}
            value={occurredOn}
            onChange={(event) => setOccurredOn(event.currentTarget.value)}
            error={fieldError('occurredOn')}
            required
          />
        </Group>
        <TextInput
          label={t('interactions.summary')}
          description={t('interactions.summaryHelp')}
          size="md"
          maxLength={200}
          value={title}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            settle('title');
          }}
          error={fieldError('title')}
          required
        />
        <ActorMultiSelect
          label={t('interactions.actors')}
          description={t('interactions.actorsHelp')}
          value={actors}
          onChange={(next) => {
            setActors(next);
            settle('actorIds');
          }}
          error={actorError}
          required
        />
        <Textarea
          label={t('interactions.note')}
          size="md"
          autosize
          minRows={2}
          maxLength={4000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError('note')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={save.isPending}>
            {t('interactions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
