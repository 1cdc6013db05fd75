import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import type { RegisterFilter } from './rights-data.ts';

/** A register's team (when the coordinator has several), its period, and the CSV of what is shown. */
export function RegisterFilters({
  filter,
  onChange,
  csvUrl,
}: {
  filter: RegisterFilter;
  onChange: (filter: RegisterFilter) => void;
  csvUrl: string;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      {user.teams.length > 1 ? (
        <NativeSelect
          label={t('rights.team')}
          value={filter.teamId}
          onChange={(event) => onChange({ ...filter, teamId: event.currentTarget.value })}
          data={user.teams.map((team) => ({ value: team.id, label: team.name }))}
          size="md"
        />
      ) : null}
      <TextInput
        type="date"
        label={t('rights.from')}
        value={filter.from ?? ''}
        onChange={(event) => onChange({ ...filter, from: event.currentTarget.value || undefined })}
        size="md"
        w={160}
      />
      <TextInput
        type="date"
        label={t('rights.to')}
        value={filter.to ?? ''}
        onChange={(event) => onChange({ ...filter, to: event.currentTarget.value || undefined })}
        size="md"
        w={160}
      />
      <Button
        component="a"
        href={csvUrl}
        download
        size="md"
        variant="light"
        leftSection={<IconDownload size={20} aria-hidden />}
      >
        {t('rights.exportCsv')}
      </Button>
    </Group>
  );
}
