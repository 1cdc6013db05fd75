import { Button, Card, Group, NumberInput, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { saveThresholds, signalSettingsQuery, signalsKey } from './data.ts';

const fields = ['windowDays', 'minEncounters', 'minPeople', 'minRisePercent'] as const;
type Values = Record<(typeof fields)[number], number | ''>;

/** The coordinator's thresholds: what a need must reach before it becomes a signal. */
export function ThresholdsForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(signalSettingsQuery);
  const [values, setValues] = useState<Values | null>(null);
  useEffect(() => {
    if (settings.data && !values)
      setValues({
        windowDays: settings.data.windowDays,
        minEncounters: settings.data.minEncounters,
        minPeople: settings.data.minPeople,
        minRisePercent: settings.data.minRisePercent ?? '',
      });
  }, [settings.data, values]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      saveThresholds({
        teamId: settings.data!.teamId,
        windowDays: Number(v.windowDays),
        minEncounters: Number(v.minEncounters),
        minPeople: Number(v.minPeople),
        minRisePercent: v.minRisePercent === '' ? null : Number(v.minRisePercent),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signalsKey }),
  });
  const { general, field } = useApiError(save.error, fields);
  if (!values) return null;
  const set = (name: keyof Values) => (value: number | string) =>
    setValues({ ...values, [name]: value === '' ? '' : Number(value) });
  return (
    <Card withBorder padding="md" radius="md" component="section">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(values);
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('diagnostic.signals.thresholds')}
          </Title>
          <FormAlert message={general} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {fields.map((name) => (
              <NumberInput
                key={name}
                size="md"
                label={t(`diagnostic.signals.${name}`)}
                description={name === 'minRisePercent' ? t('diagnostic.signals.minRiseHelp') : undefined}
                value={values[name]}
                onChange={set(name)}
                min={0}
                allowDecimal={false}
                error={field(name)}
              />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" size="md" loading={save.isPending}>
              {t('diagnostic.signals.saveThresholds')}
            </Button>
            <SavedNotice show={save.isSuccess} />
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
