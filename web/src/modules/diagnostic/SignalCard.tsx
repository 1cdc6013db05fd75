import { Box, Button, Card, Group, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Count, NeedSignal, NeedSignalStatus } from '../../../../core/contracts/signals.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { Tag, type TagTone } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { AdvocacyEditor } from './AdvocacyEditor.tsx';
import { changeSignal, signalsKey } from './data.ts';

const tones: Record<NeedSignalStatus, TagTone> = {
  new: 'orange',
  acknowledged: 'blue',
  takenUp: 'green',
  dismissed: 'gray',
};

/** The moves offered from each status; a closed signal can be reopened. */
const moves: Record<NeedSignalStatus, NeedSignalStatus[]> = {
  new: ['acknowledged', 'takenUp', 'dismissed'],
  acknowledged: ['takenUp', 'dismissed'],
  takenUp: ['new'],
  dismissed: ['new'],
};

export const shownCount = (value: Count) => String(value);

/** A need that recurs in a neighbourhood: its figures, how it moved, and its status in one tap. */
export function SignalCard({ signal, canChange }: { signal: NeedSignal; canChange: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const change = useMutation({
    mutationFn: (status: NeedSignalStatus) => changeSignal(signal, status, note),
    onSuccess: () => {
      setNote('');
      setNoteOpen(false);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: signalsKey }),
  });
  const conflict = change.error instanceof ApiError && change.error.status === 409;
  const { general } = useApiError(conflict ? null : change.error, []);
  const name = signal.needLabel[language];
  return (
    <Card withBorder padding="md" radius="md" data-testid="need-signal">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={0} miw={0}>
            <Title order={2} fz="lg">
              {name}
            </Title>
            <Text fz="sm">{signal.neighbourhoodName}</Text>
          </Stack>
          <Tag tone={tones[signal.status]}>{t(`diagnostic.signals.statuses.${signal.status}`)}</Tag>
        </Group>
        <Group gap="lg" wrap="nowrap">
          <Figure label={t('diagnostic.signals.encounters')} value={shownCount(signal.encounters)} />
          <Figure label={t('diagnostic.signals.people')} value={shownCount(signal.people)} />
          <Figure label={t('diagnostic.signals.previous')} value={shownCount(signal.previousEncounters)} />
        </Group>
        <Text fz="sm" c="dimmed">
          {t('diagnostic.signals.window', {
            from: formatDay(signal.windowStart, language),
            to: formatDay(signal.windowEnd, language),
          })}
        </Text>
        <Sparkline points={signal.history} label={t('diagnostic.signals.trend')} />
        {signal.statusChangedAt && signal.status !== 'new' ? (
          <Text fz="sm">
            {t('diagnostic.signals.changedBy', {
              status: t(`diagnostic.signals.statuses.${signal.status}`),
              name: signal.statusChangedBy ?? '—',
              date: formatDay(signal.statusChangedAt, language),
            })}
            {signal.statusNote ? ` — « ${signal.statusNote} »` : ''}
          </Text>
        ) : null}
        <AdvocacyEditor signal={signal} canChange={canChange} />
        {conflict ? <FormAlert message={t('diagnostic.signals.conflict')} /> : <FormAlert message={general} />}
        {canChange ? (
          <>
            {noteOpen ? (
              <Textarea
                label={t('diagnostic.signals.note')}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
                autosize
                minRows={2}
                size="md"
              />
            ) : (
              <UnstyledButton onClick={() => setNoteOpen(true)} mih={44} c="relais.8" fw={600}>
                + {t('diagnostic.signals.addNote')}
              </UnstyledButton>
            )}
            <Group gap="xs" grow preventGrowOverflow={false}>
              {moves[signal.status].map((status) => (
                <Button
                  key={status}
                  size="md"
                  variant={status === 'dismissed' ? 'default' : 'light'}
                  loading={change.isPending && change.variables === status}
                  onClick={() => change.mutate(status)}
                  styles={wrappingButton}
                  aria-label={`${t(`diagnostic.signals.moves.${status}`)} — ${name}`}
                >
                  {t(`diagnostic.signals.moves.${status}`)}
                </Button>
              ))}
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xl" fw={800} lh={1.1}>
        {value}
      </Text>
      <Text fz="xs">{label}</Text>
    </Stack>
  );
}

/** Bars of the encounters at each detection; a "<5" point draws a short hatched bar, never a number. */
function Sparkline({ points, label }: { points: NeedSignal['history']; label: string }) {
  if (points.length < 2) return null;
  const values = points.map((p) => (typeof p.encounters === 'number' ? p.encounters : null));
  const max = Math.max(5, ...values.map((v) => v ?? 0));
  return (
    <Box>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <svg
        viewBox={`0 0 ${points.length * 10} 32`}
        width="100%"
        height="32"
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label} : ${points.map((p) => String(p.encounters)).join(', ')}`}
      >
        {values.map((value, i) => {
          const height = value === null ? 6 : Math.max(2, (value / max) * 30);
          return (
            <rect
              key={points[i]!.on}
              x={i * 10 + 1}
              y={32 - height}
              width={8}
              height={height}
              fill={value === null ? 'var(--mantine-color-gray-4)' : 'var(--mantine-color-relais-6)'}
            />
          );
        })}
      </svg>
    </Box>
  );
}
