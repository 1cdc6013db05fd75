import { Button, NativeSelect, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { incidentNatures } from '../../../../core/contracts/rights.ts';
import { FormCard } from '../../ui/FormCard.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { AffectedPeoplePicker, type Picked } from './AffectedPeoplePicker.tsx';
import { createIncident, rightsKey, today } from './rights-data.ts';

const fields = [
  'occurredOn',
  'nature',
  'dataConcerned',
  'peopleAffected',
  'affectedPersonIds',
  'measures',
  'notifiedTo',
  'notifiedOn',
];
const blank = () => ({
  occurredOn: today(),
  nature: 'lostDevice',
  dataConcerned: '',
  peopleAffected: 1 as number | string,
  measures: '',
  notifiedTo: '',
  notifiedOn: '',
});
const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** A new incident: when, what, which data, how many people; measures and notice when known. */
export function IncidentForm({ teamId }: { teamId: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(blank);
  const [picked, setPicked] = useState<Picked[]>([]);
  const save = useMutation({
    mutationFn: () =>
      createIncident({
        teamId,
        occurredOn: draft.occurredOn,
        nature: draft.nature,
        dataConcerned: draft.dataConcerned,
        peopleAffected: Math.max(Number(draft.peopleAffected) || 0, picked.length),
        affectedPersonIds: picked.map((p) => p.id),
        measures: orNull(draft.measures),
        notifiedTo: orNull(draft.notifiedTo),
        notifiedOn: orNull(draft.notifiedOn),
      }),
    onSuccess: () => {
      setDraft(blank());
      setPicked([]);
      return queryClient.invalidateQueries({ queryKey: rightsKey });
    },
  });
  const failure = useApiError(save.error, fields);
  const set = (key: keyof ReturnType<typeof blank>) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });
  return (
    <FormCard id="new-incident" title={t('rights.newIncident')} error={failure.general} onSubmit={() => save.mutate()}>
      <TextInput
        type="date"
        label={t('rights.occurredOn')}
        value={draft.occurredOn}
        onChange={set('occurredOn')}
        error={failure.field('occurredOn')}
        size="md"
        required
      />
      <NativeSelect
        label={t('rights.nature')}
        value={draft.nature}
        onChange={set('nature')}
        data={incidentNatures.map((value) => ({ value, label: t(`rights.natures.${value}`) }))}
        error={failure.field('nature')}
        size="md"
      />
      <Textarea
        label={t('rights.dataConcerned')}
        value={draft.dataConcerned}
        onChange={set('dataConcerned')}
        error={failure.field('dataConcerned')}
        autosize
        minRows={2}
        size="md"
        required
      />
      <NumberInput
        label={t('rights.peopleAffected')}
        value={draft.peopleAffected}
        onChange={(value) => setDraft({ ...draft, peopleAffected: value })}
        error={failure.field('peopleAffected')}
        min={0}
        allowDecimal={false}
        size="md"
      />
      {teamId ? (
        <AffectedPeoplePicker
          teamId={teamId}
          picked={picked}
          onChange={setPicked}
          error={failure.field('affectedPersonIds')}
        />
      ) : null}
      <Textarea
        label={t('rights.measures')}
        value={draft.measures}
        onChange={set('measures')}
        error={failure.field('measures')}
        autosize
        minRows={2}
        size="md"
      />
      <TextInput
        label={t('rights.notifiedTo')}
        value={draft.notifiedTo}
        onChange={set('notifiedTo')}
        error={failure.field('notifiedTo')}
        size="md"
      />
      <TextInput
        type="date"
        label={t('rights.notifiedOn')}
        value={draft.notifiedOn}
        onChange={set('notifiedOn')}
        error={failure.field('notifiedOn')}
        size="md"
      />
      <Button type="submit" size="md" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('rights.save')}
      </Button>
      <SavedNotice show={save.isSuccess} message={t('rights.saved')} />
    </FormCard>
  );
}
