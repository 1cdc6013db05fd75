import { Button, Card, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkerSplit } from '../../../../core/contracts/time.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { agreementsQuery, createAgreement, localDay, timeKey } from './data.ts';

/** Coordination records what was agreed (the team's split or one member's), from a date on; the history stays. */
export function AgreementForm({ teamId, workers }: { teamId: string; workers: WorkerSplit[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const history = useQuery(agreementsQuery(teamId));
  const [workerId, setWorkerId] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(localDay());
  const [hostPartner, setHostPartner] = useState<number | string>(20);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      createAgreement({
        teamId,
        workerId: workerId || null,
        effectiveFrom,
        hostPartnerPercent: Number(hostPartner),
        note: note.trim() || null,
      }),
    onSuccess: () => {
      setNote('');
      return queryClient.invalidateQueries({ queryKey: timeKey });
    },
  });
  const { general, field } = useApiError(save.error, ['workerId', 'effectiveFrom', 'hostPartnerPercent', 'note']);
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('time.agreement.title')}
        </Title>
        <Text fz="sm">{t('time.agreement.intro')}</Text>
        <NativeSelect
          size="md"
          label={t('time.agreement.who')}
          value={workerId}
          onChange={(event) => setWorkerId(event.currentTarget.value)}
          data={[
            { value: '', label: t('time.agreement.wholeTeam') },
            ...workers.map((w) => ({ value: w.workerId, label: w.name })),
          ]}
          error={field('workerId')}
        />
        <TextInput
          type="date"
          size="md"
          label={t('time.agreement.from')}
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.currentTarget.value)}
          error={field('effectiveFrom')}
        />
        <NumberInput
          size="md"
          label={t('time.agreement.hostPartner')}
          value={hostPartner}
          onChange={setHostPartner}
          min={0}
          max={100}
          step={5}
          suffix=" %"
          error={field('hostPartnerPercent')}
        />
        <TextInput
          size="md"
          label={t('time.agreement.note')}
          value={note}
          maxLength={500}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        <FormAlert message={general} />
        <Button size="md" onClick={() => save.mutate()} loading={save.isPending}>
          {t('time.agreement.save')}
        </Button>
        <SavedNotice show={save.isSuccess} message={t('time.agreement.saved')} />
        {history.data?.items.length ? (
          <Stack gap={4}>
            <Text fw={600}>{t('time.agreement.history')}</Text>
            {history.data.items.map((a) => (
              <Text key={a.id} fz="sm">
                {t('time.agreement.line', {
                  who: a.workerName ?? t('time.agreement.wholeTeam'),
                  host: a.hostPartnerPercent,
                  hood: 100 - a.hostPartnerPercent,
                  date: formatDay(a.effectiveFrom, language),
                })}
                {a.note ? ` — ${a.note}` : ''}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}
