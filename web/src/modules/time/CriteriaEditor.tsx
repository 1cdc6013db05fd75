import { Button, Card, Checkbox, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Mission, missions } from '../../../../core/collective.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { criteriaQuery, saveCriteria, timeKey } from './data.ts';

type Row = { code?: string; label: string; active: boolean };

/** Coordination words a mission's criteria its own way, retires some and adds the team's own. */
export function CriteriaEditor({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const criteria = useQuery(criteriaQuery(teamId));
  const [mission, setMission] = useState<Mission>('networking');
  const [rows, setRows] = useState<Row[]>([]);
  const loaded = criteria.data?.missions.find((m) => m.mission === mission);
  useEffect(() => {
    setRows(loaded?.criteria.map((c) => ({ code: c.code, label: c.label[language], active: c.active })) ?? []);
  }, [loaded, language]);
  const save = useMutation({
    mutationFn: () => saveCriteria({ teamId, mission, criteria: rows.filter((r) => r.code || r.label.trim()) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timeKey }),
  });
  const { general, field } = useApiError(save.error, ['criteria']);
  const change = (k: number, patch: Partial<Row>) =>
    setRows((list) => list.map((row, i) => (i === k ? { ...row, ...patch } : row)));
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('time.criteriaEditor.title')}
        </Title>
        <Text fz="sm">{t('time.criteriaEditor.intro')}</Text>
        <NativeSelect
          size="md"
          label={t('time.criteriaEditor.mission')}
          value={mission}
          onChange={(event) => setMission(event.currentTarget.value as Mission)}
          data={missions.map((m) => ({ value: m, label: t(`time.categories.${m}`) }))}
        />
        {rows.map((row, k) => (
          <Stack key={row.code ?? `new-${k}`} gap={4}>
            <Textarea
              size="md"
              autosize
              minRows={1}
              label={t('time.criteriaEditor.label', { n: k + 1 })}
              value={row.label}
              onChange={(event) => change(k, { label: event.currentTarget.value })}
              error={field(`criteria.${k}.label`) ?? field(`criteria.${k}.code`)}
            />
            <Checkbox
              size="md"
              label={t('time.criteriaEditor.active')}
              checked={row.active}
              onChange={(event) => change(k, { active: event.currentTarget.checked })}
            />
          </Stack>
        ))}
        <FormAlert message={field('criteria') ?? general} />
        <Group gap="xs">
          <Button size="md" variant="default" onClick={() => setRows((list) => [...list, { label: '', active: true }])}>
            + {t('time.criteriaEditor.add')}
          </Button>
          <Button size="md" onClick={() => save.mutate()} loading={save.isPending}>
            {t('time.criteriaEditor.save')}
          </Button>
        </Group>
        <SavedNotice show={save.isSuccess} message={t('time.criteriaEditor.saved')} />
      </Stack>
    </Card>
  );
}
