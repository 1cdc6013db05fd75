import { Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { saveThresholds, signalSettingsQuery, signalsKey } from './data.ts';

const fields = ['windowDays', 'minEncounters', 'minPeople', 'minRisePercent'] as const;
type Values = Record<(typeof fields)[number], number | ''>;

/** The coordinator's thresholds: what a need must reach before it becomes a signal (one team at a time). */
export function ThresholdsForm() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  return (
    <Card withBorder padding="md" radius="md" component="section">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('diagnostic.signals.thresholds')}
        </Title>
        {user.teams.length > 1 ? (
          <NativeSelect
            size="md"
            label={t('diagnostic.signals.team')}
            value={teamId}
            onChange={(event) => setTeamId(event.currentTarget.value)}
            data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        ) : null}
        {teamId ? <TeamThresholds key={teamId} teamId={teamId} /> : null}
      </Stack>
    </Card>
  );
}

function TeamThresholds({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(signalSettingsQuery(teamId));
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
        teamId,
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
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(values);
      }}
    >
      <Stack gap="sm">
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
  );
}
