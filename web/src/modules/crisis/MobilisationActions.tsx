import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mobilisation, MobilisationDetail } from '../../../../core/contracts/crisis.ts';
import { addDays } from '../../../../core/crisis.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { closeMobilisation, crisisKey, decideMobilisation, prolongMobilisation } from './data.ts';

/** Every change answers the mobilisation as it now is: the page shows it at once, the lists refresh. */
function useChange<Args extends unknown[]>(call: (...args: Args) => Promise<MobilisationDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: Args) => call(...args),
    onSuccess: (detail) => {
      queryClient.setQueryData([...crisisKey, detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: crisisKey });
    },
  });
}

/** The coordination validates or refuses what waits: the proposal or a prolongation. */
export function DecisionCard({ mobilisation }: { mobilisation: Mobilisation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [note, setNote] = useState('');
  const decide = useChange(decideMobilisation);
  const errors = useApiError(decide.error, ['note']);
  return (
    <Card withBorder padding="md" data-testid="decision">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('crisis.detail.decideTitle')}
        </Title>
        {mobilisation.proposedEndsOn ? (
          <Text fw={600}>
            {t('crisis.detail.decideProlongation', {
              date: formatDay(mobilisation.proposedEndsOn, language, 'dayMonth'),
            })}
          </Text>
        ) : null}
        <FormAlert message={errors.general} />
        <Textarea
          label={t('crisis.detail.note')}
          size="md"
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.field('note')}
        />
        <Group grow>
          <Button size="md" loading={decide.isPending} onClick={() => decide.mutate([mobilisation, 'validate', note])}>
            {t('crisis.detail.validate')}
          </Button>
          <Button
            size="md"
            color="red"
            variant="light"
            loading={decide.isPending}
            onClick={() => decide.mutate([mobilisation, 'refuse', note])}
          >
            {t('crisis.detail.refuse')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Prolong (a new end, validated again unless the coordination asks it) or close now. */
export function ProlongOrClose({ mobilisation, decidesAlone }: { mobilisation: Mobilisation; decidesAlone: boolean }) {
  const { t } = useTranslation();
  const [endsOn, setEndsOn] = useState(addDays(mobilisation.endsOn, 28));
  const [note, setNote] = useState('');
  const prolong = useChange(prolongMobilisation);
  const close = useChange(closeMobilisation);
  const errors = useApiError(prolong.error ?? close.error, ['endsOn', 'note']);
  return (
    <Card withBorder padding="md" data-testid="prolong-or-close">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('crisis.detail.prolongTitle')}
        </Title>
        <FormAlert message={errors.general} />
        <TextInput
          type="date"
          label={t('crisis.detail.newEnd')}
          size="md"
          value={endsOn}
          min={addDays(mobilisation.endsOn, 1)}
          onChange={(event) => setEndsOn(event.currentTarget.value)}
          error={errors.field('endsOn')}
        />
        <Textarea
          label={t('crisis.detail.prolongNote')}
          size="md"
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.field('note')}
        />
        <Button size="md" loading={prolong.isPending} onClick={() => prolong.mutate([mobilisation, endsOn, note])}>
          {decidesAlone ? t('crisis.detail.prolongNow') : t('crisis.detail.prolong')}
        </Button>
        <Button
          size="md"
          variant="light"
          color="gray"
          loading={close.isPending}
          onClick={() => close.mutate([mobilisation, note])}
        >
          {t('crisis.detail.close')}
        </Button>
      </Stack>
    </Card>
  );
}
