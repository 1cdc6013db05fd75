import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { myDayQuery } from '../fieldwork/data.ts';

/**
 * On the day of a worker or a coordinator: the crisis mobilisations whose end is within a week or
 * past, each with a way to prolong or close it. Nothing ends by itself; this is the reminder.
 * Reads the day the page already loads (same query), so it costs no extra call.
 */
export function CrisisReminders({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const day = useQuery({ ...myDayQuery, enabled: user.teams.length > 0 && user.role !== 'admin' });
  // A day cached offline before this section existed has none.
  const reminders = day.data?.crisisReminders ?? [];
  if (reminders.length === 0) return null;
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {t('crisis.reminders.title')}
      </Title>
      {reminders.map((reminder) => (
        <Alert
          key={reminder.id}
          color={reminder.state === 'endPassed' ? 'red' : 'orange'}
          icon={<IconAlarm aria-hidden />}
          data-testid="crisis-reminder"
        >
          <Stack gap="xs">
            <Text fw={700}>{reminder.title}</Text>
            <Text fz="sm">
              {reminder.state === 'endPassed'
                ? t('crisis.reminders.endPassed', { count: -reminder.daysLeft })
                : reminder.daysLeft === 0
                  ? t('crisis.reminders.endsToday')
                  : t('crisis.reminders.endingSoon', { count: reminder.daysLeft })}
            </Text>
            <RouterButton to="/crisis/$id" params={{ id: reminder.id }} size="md" variant="white">
              {t('crisis.reminders.open')}
            </RouterButton>
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}
