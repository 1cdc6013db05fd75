import {
  Alert,
  Button,
  Card,
  Checkbox,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { durationChips, type TimeCategory, timeCategories } from '../../../../core/collective.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { ApiError } from '../../api/errors.ts';
import { enqueue } from '../../offline/outbox.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { ActivityChoice } from './ActivityChoice.tsx';
import { createTimeEntry, criteriaQuery, formatMinutes, localDay, type TimeEntryDraft, timeKey } from './data.ts';

type Outcome = { minutes: number; category: TimeCategory; outsideMandate: boolean; offline: boolean };

/**
 * Time in a few taps: the mission, a duration chip, what made it fit the mission ("fait sens
 * quand") or that nothing did. Without network it waits in the outbox like any field write.
 */
export function QuickTimeEntry({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const criteria = useQuery(criteriaQuery(teamId));
  const [onDate, setOnDate] = useState(localDay());
  const [category, setCategory] = useState<TimeCategory | null>(null);
  const [minutes, setMinutes] = useState<number>(60);
  const [ticked, setTicked] = useState<string[]>([]);
  const [noneApply, setNoneApply] = useState(false);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const [activityId, setActivityId] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [missing, setMissing] = useState(false);

  const save = useMutation({
    mutationFn: async (draft: TimeEntryDraft): Promise<Outcome> => {
      const base = { minutes: draft.minutes, category: draft.category };
      try {
        const entry = await createTimeEntry(draft);
        return { ...base, outsideMandate: entry.outsideMandate, offline: false };
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 0) throw error;
        const { id, ...payload } = draft;
        await enqueue('timeEntry.create', id, payload);
        return { ...base, outsideMandate: draft.category !== 'hostPartner' && draft.noneApply, offline: true };
      }
    },
    onSuccess: (result) => {
      setOutcome(result);
      setTicked([]);
      setNoneApply(false);
      setNote('');
      setNoteOpen(false);
      setActivityId('');
      void queryClient.invalidateQueries({ queryKey: timeKey });
    },
  });
  const { general, field } = useApiError(save.error, ['onDate', 'criteria', 'note', 'activityId']);

  const mission = category && category !== 'hostPartner' ? category : null;
  const missionCriteria =
    criteria.data?.missions.find((m) => m.mission === mission)?.criteria.filter((c) => c.active) ?? [];

  const submit = () => {
    if (!category) return;
    if (mission && ticked.length === 0 && !noneApply) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setOutcome(null);
    save.mutate({
      id: uuidv7(),
      teamId,
      onDate,
      minutes,
      category,
      criteria: mission ? ticked : [],
      noneApply: mission ? noneApply : false,
      note: note.trim() || null,
      activityId: mission && activityId ? activityId : null,
    });
  };

  const toggle = (code: string, on: boolean) => {
    setNoneApply(false);
    setMissing(false);
    setTicked((list) => (on ? [...list, code] : list.filter((c) => c !== code)));
  };

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('time.entry.title')}
        </Title>
        <Stack gap={6} role="group" aria-label={t('time.entry.mission')}>
          <Text fw={600}>{t('time.entry.mission')}</Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={8}>
            {timeCategories.map((value) => (
              <Button
                key={value}
                size="md"
                variant={category === value ? 'filled' : 'default'}
                aria-pressed={category === value}
                onClick={() => {
                  setCategory(value);
                  setTicked([]);
                  setNoneApply(false);
                  setMissing(false);
                  setOutcome(null);
                }}
                styles={{ ...wrappingButton, label: { ...wrappingButton.label, textAlign: 'left' } }}
                justify="flex-start"
              >
                {t(`time.categories.${value}`)}
              </Button>
            ))}
          </SimpleGrid>
        </Stack>
        <Stack gap={6} role="group" aria-label={t('time.entry.duration')}>
          <Text fw={600}>{t('time.entry.duration')}</Text>
          <SimpleGrid cols={4} spacing={8}>
            {durationChips.map((value) => (
              <Button
                key={value}
                size="md"
                px={4}
                variant={minutes === value ? 'filled' : 'default'}
                aria-pressed={minutes === value}
                onClick={() => setMinutes(value)}
                styles={wrappingButton}
              >
                {t(`time.entry.durations.${value}`)}
              </Button>
            ))}
          </SimpleGrid>
        </Stack>
        {mission ? (
          <Stack gap={8} role="group" aria-label={t('time.entry.criteria')}>
            <Text fw={600}>{t('time.entry.criteria')}</Text>
            <Text fz="sm" c="dimmed">
              {t('time.entry.criteriaHelp')}
            </Text>
            {missionCriteria.map((criterion) => (
              <Checkbox
                key={criterion.code}
                size="md"
                label={criterion.label[language]}
                checked={ticked.includes(criterion.code)}
                onChange={(event) => toggle(criterion.code, event.currentTarget.checked)}
              />
            ))}
            <Checkbox
              size="md"
              color="orange.8"
              label={t('time.entry.noneApply')}
              checked={noneApply}
              onChange={(event) => {
                setNoneApply(event.currentTarget.checked);
                setMissing(false);
                if (event.currentTarget.checked) setTicked([]);
              }}
              error={missing ? t('time.entry.pickCriterion') : field('criteria')}
            />
          </Stack>
        ) : null}
        {mission ? (
          <ActivityChoice teamId={teamId} value={activityId} onChange={setActivityId} error={field('activityId')} />
        ) : null}
        <TextInput
          type="date"
          size="md"
          label={t('time.entry.date')}
          value={onDate}
          max={localDay()}
          onChange={(event) => setOnDate(event.currentTarget.value || localDay())}
          error={field('onDate')}
        />
        {noteOpen ? (
          <Textarea
            size="md"
            label={t('time.entry.note')}
            description={t('time.entry.noteHelp')}
            value={note}
            maxLength={1000}
            autosize
            minRows={2}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={field('note')}
          />
        ) : (
          <UnstyledButton onClick={() => setNoteOpen(true)} mih={44} c="relais.8" fw={600}>
            + {t('time.entry.addNote')}
          </UnstyledButton>
        )}
        <FormAlert message={general} />
        <Button size="lg" onClick={submit} disabled={!category} loading={save.isPending}>
          {t('time.entry.save', { duration: formatMinutes(minutes) })}
        </Button>
        <div role="status" aria-live="polite">
          {outcome ? (
            <Stack gap="xs">
              <Alert color="relais" variant="light" icon={<IconCheck aria-hidden />} data-testid="time-saved">
                {t('time.entry.saved', {
                  duration: formatMinutes(outcome.minutes),
                  category: t(`time.categories.${outcome.category}`),
                })}
                {outcome.offline ? ` ${t('time.entry.savedOffline')}` : ''}
              </Alert>
              {outcome.outsideMandate ? (
                <Alert
                  color="orange"
                  variant="light"
                  icon={<IconAlertTriangle aria-hidden />}
                  data-testid="time-outside"
                >
                  <Text c="#6b2a00">{t('time.entry.outside')}</Text>
                </Alert>
              ) : null}
            </Stack>
          ) : null}
        </div>
      </Stack>
    </Card>
  );
}
