import { Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MobilisationDetail, MyWorkItem } from '../../../../core/contracts/crisis.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay, formatWhen } from '../../ui/format.ts';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { crisisKey } from './data.ts';

/**
 * The caller's own contacts and sessions of those days, each with a switch: on, it counts as crisis
 * work; off, as the usual work. Tagging is automatic; this is for what the automatic rule got wrong.
 */
export function MyWorkSection({ detail }: { detail: MobilisationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const tag = useMutation({
    mutationFn: (item: MyWorkItem) =>
      api.post('/crisis-mobilisations/tag', {
        kind: item.kind,
        id: item.id,
        mobilisationId: item.tagged ? null : detail.id,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...crisisKey, detail.id] }),
  });
  const errors = useApiError(tag.error, []);
  if (detail.myWork.length === 0) return null;
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {t('crisis.myWork.title')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('crisis.myWork.help')}
      </Text>
      <FormAlert message={errors.general} />
      {detail.myWork.map((item) => {
        const what =
          item.kind === 'encounter'
            ? t('crisis.myWork.encounter', { when: formatWhen(item.at, language) })
            : t('crisis.myWork.session', { title: item.label ?? '', when: formatDay(item.at, language, 'dayMonth') });
        return (
          <Card key={item.id} withBorder padding="sm" data-testid="my-work">
            <Group justify="space-between" wrap="nowrap">
              <Text miw={0}>{what}</Text>
              <Switch
                size="lg"
                checked={item.tagged}
                disabled={tag.isPending}
                onChange={() => tag.mutate(item)}
                aria-label={t('crisis.myWork.toggle', { what })}
              />
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
