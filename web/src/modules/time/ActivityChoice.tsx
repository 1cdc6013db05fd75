import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { activityListQuery } from '../activities/data.ts';

/**
 * Which of the team's collective activities the time went to, if any: the time then counts for
 * that activity too. Hidden while the team has none.
 */
export function ActivityChoice({
  teamId,
  value,
  onChange,
  error,
}: {
  teamId: string;
  value: string;
  onChange: (activityId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const activities = useQuery(activityListQuery);
  const ofTeam = (activities.data?.items ?? []).filter((activity) => activity.teamId === teamId);
  if (ofTeam.length === 0) return null;
  return (
    <NativeSelect
      size="md"
      label={t('time.entry.activity')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data={[
        { value: '', label: t('time.entry.noActivity') },
        ...ofTeam.map((activity) => ({ value: activity.id, label: activity.title })),
      ]}
    />
  );
}
