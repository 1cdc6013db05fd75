import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../../../core/contracts/time.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { activityListQuery } from '../activities/data.ts';
import { formatMinutes, removeTimeEntry, timeKey } from './data.ts';

/** The period's entries, newest first, each with the criteria it met or its drift flag. */
export function EntriesList({ entries, showWorker }: { entries: TimeEntry[]; showWorker: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const activities = useQuery(activityListQuery);
  const activityTitle = (id: string | null) => activities.data?.items.find((activity) => activity.id === id)?.title;
  const remove = useMutation({
    mutationFn: removeTimeEntry,
    onSettled: () => {
      setConfirming(null);
      return queryClient.invalidateQueries({ queryKey: timeKey });
    },
  });
  const { general } = useApiError(remove.error, []);
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('time.entries.title')}
      </Title>
      <FormAlert message={general} />
      {entries.length === 0 ? (
        <EmptyMessage title={t('time.entries.none')}>{t('time.entries.noneHelp')}</EmptyMessage>
      ) : null}
      {entries.map((entry) => {
        const category = t(`time.categories.${entry.category}`);
        const duration = formatMinutes(entry.minutes);
        const mayRemove = entry.workerId === user.id || user.role === 'coordinator';
        return (
          <Card key={entry.id} withBorder radius="md" padding="sm" data-testid="time-entry">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text fw={700}>
                    {duration} · {category}
                  </Text>
                  <Text fz="sm" c="dimmed">
                    {formatDay(entry.onDate, language)}
                    {showWorker ? ` · ${entry.workerName}` : ''}
                  </Text>
                </Stack>
                {entry.outsideMandate ? <Tag tone="orange">{t('time.entries.outside')}</Tag> : null}
              </Group>
              {entry.criteria.length ? (
                <Stack gap={2} component="ul" m={0} pl="md">
                  {entry.criteria.map((c) => (
                    <Text key={c.code} component="li" fz="sm">
                      {c.label[language]}
                    </Text>
                  ))}
                </Stack>
              ) : null}
              {entry.activityId && activityTitle(entry.activityId) ? (
                <Text fz="sm">{t('time.entries.forActivity', { title: activityTitle(entry.activityId) })}</Text>
              ) : null}
              {entry.note ? <Text fz="sm">« {entry.note} »</Text> : null}
              {mayRemove ? (
                confirming === entry.id ? (
                  <Group gap="xs">
                    <Text fz="sm">{t('time.entries.removeConfirm')}</Text>
                    <Button
                      size="sm"
                      color="red"
                      loading={remove.isPending}
                      onClick={() => remove.mutate(entry.id)}
                      aria-label={t('time.entries.removeLabel', {
                        duration,
                        category,
                        date: formatDay(entry.onDate, language),
                      })}
                    >
                      {t('time.entries.remove')}
                    </Button>
                    <Button size="sm" variant="default" onClick={() => setConfirming(null)}>
                      {t('sync.cancel')}
                    </Button>
                  </Group>
                ) : (
                  <Button
                    size="sm"
                    variant="subtle"
                    color="gray"
                    w="fit-content"
                    onClick={() => setConfirming(entry.id)}
                    aria-label={t('time.entries.removeLabel', {
                      duration,
                      category,
                      date: formatDay(entry.onDate, language),
                    })}
                  >
                    {t('time.entries.remove')}
                  </Button>
                )
              ) : null}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
