import { Button, Group, NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tie } from '../../../../core/contracts/network.ts';
import { type TieKind, tieKinds, tieStrengths } from '../../../../core/network.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { localDay } from '../fieldwork/data.ts';
import { type ActorChoice, ActorSelect } from './ActorSelect.tsx';
import { networkKey } from './data.ts';

const formFields = ['teamId', 'actorAId', 'actorBId', 'kind', 'strength', 'startedOn', 'endedOn', 'note'] as const;

type Props = {
  opened: boolean;
  onClose: () => void;
  /** A new tie from an actor's page starts from that actor. */
  from?: ActorChoice;
  /** An existing tie to change (its two actors stay). */
  tie?: { value: Tie; actorA: ActorChoice; actorB: ActorChoice };
};

/** A tie in a dialog: full screen on a phone, floating on a desktop. */
export function TieFormModal(props: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.tie ? t('ties.editTitle') : t('ties.addTitle')}
    >
      {props.opened ? <TieForm {...props} /> : null}
    </FormModal>
  );
}

function TieForm({ onClose, from, tie }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const [actorA, setActorA] = useState<ActorChoice | null>(tie?.actorA ?? from ?? null);
  const [actorB, setActorB] = useState<ActorChoice | null>(tie?.actorB ?? null);
  const [kind, setKind] = useState<TieKind>(tie?.value.kind ?? 'collaboration');
  const [strength, setStrength] = useState(String(tie?.value.strength ?? 2));
  const [startedOn, setStartedOn] = useState(tie ? (tie.value.startedOn ?? '') : localDay());
  const [endedOn, setEndedOn] = useState(tie?.value.endedOn ?? '');
  const [note, setNote] = useState(tie?.value.note ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        kind,
        strength: Number(strength),
        startedOn: startedOn || null,
        endedOn: endedOn || null,
        note: note.trim() || null,
      };
      return tie
        ? api.patch<Tie>(`/ties/${tie.value.id}`, { ...fields, baseVersion: tie.value.version })
        : api.post<Tie>('/ties', {
            ...fields,
            teamId: user.teams.length > 1 ? teamId : undefined,
            actorAId: actorA?.id,
            actorBId: actorB?.id,
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: networkKey });
      onClose();
    },
  });
  const errors = useApiError(save.error, formFields);
  const fieldError = (name: string) => local[name] ?? errors.field(name);
  // A field put right loses its message at once, not at the next try.
  const settle = (name: string) => setLocal(({ [name]: _settled, ...others }) => others);

  const submit = () => {
    const problems: Record<string, string> = {};
    if (!actorA) problems.actorAId = t('common.required');
    if (!actorB) problems.actorBId = t('common.required');
    if (actorA && actorB && actorA.id === actorB.id) problems.actorBId = t('ties.sameActor');
    if (startedOn && endedOn && endedOn < startedOn) problems.endedOn = t('ties.endBeforeStart');
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
        {!tie && user.teams.length > 1 ? (
          <NativeSelect
            label={t('ties.team')}
            size="md"
            value={teamId}
            onChange={(event) => setTeamId(event.currentTarget.value)}
            data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
            error={fieldError('teamId')}
          />
        ) : null}
        {tie ? (
          <Text fw={600}>{t('ties.between', { a: tie.actorA.name, b: tie.actorB.name })}</Text>
        ) : (
          <>
            <ActorSelect
              label={t('ties.actorA')}
              value={actorA}
              onChange={setActorA}
              error={fieldError('actorAId')}
              required
            />
            <ActorSelect
              label={t('ties.actorB')}
              value={actorB}
              onChange={setActorB}
              error={fieldError('actorBId')}
              required
            />
          </>
        )}
        <NativeSelect
          label={t('ties.kind')}
          size="md"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as TieKind)}
          data={tieKinds.map((value) => ({ value, label: t(`network.tieKind.${value}`) }))}
          error={fieldError('kind')}
        />
        <Stack gap={4}>
          <Text fw={700} id="tie-strength">
            {t('ties.strength')}
          </Text>
          <SegmentedControl
            aria-labelledby="tie-strength"
            value={strength}
            onChange={setStrength}
            data={tieStrengths.map((value) => ({ value: String(value), label: t(`ties.strengthValue.${value}`) }))}
            fullWidth
          />
          {fieldError('strength') ? (
            <Text c="red.8" fz="sm">
              {fieldError('strength')}
            </Text>
          ) : null}
        </Stack>
        <Group grow align="flex-start">
          <TextInput
            type="date"
            size="md"
            label={t('ties.startedOn')}
            value={startedOn}
            onChange={(event) => setStartedOn(event.currentTarget.value)}
            error={fieldError('startedOn')}
          />
          <TextInput
            type="date"
            size="md"
            label={t('ties.endedOn')}
            description={t('ties.endedOnHelp')}
            value={endedOn}
            onChange={(event) => {
              setEndedOn(event.currentTarget.value);
              settle('endedOn');
            }}
            error={fieldError('endedOn')}
          />
        </Group>
        <Textarea
          label={t('ties.note')}
          size="md"
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={fieldError('note')}
        />
        <Group justify="space-between">
          {tie && !tie.value.endedOn ? (
            <Button variant="subtle" color="red" onClick={() => setEndedOn(localDay())}>
              {t('ties.endToday')}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" size="md" loading={save.isPending}>
            {tie ? t('common.save') : t('ties.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
