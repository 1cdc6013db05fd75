import { Checkbox, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { teamsQuery } from '../../api/queries.ts';

/** Teams as checkboxes: a person is usually in one or two, and a tap beats a dropdown. */
export function TeamChoices({
  value,
  onChange,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const teams = useQuery(teamsQuery).data ?? [];
  return (
    <Checkbox.Group value={value} onChange={onChange} label={t('users.teams')} error={error}>
      {teams.length === 0 ? (
        <Text fz="sm" mt="xs">
          {t('users.noTeamsYet')}
        </Text>
      ) : (
        <Stack gap="sm" mt="xs">
          {teams.map((team) => (
            <Checkbox key={team.id} value={team.id} label={team.name} size="md" />
          ))}
        </Stack>
      )}
    </Checkbox.Group>
  );
}
