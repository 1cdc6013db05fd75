import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { liveGrantsQuery } from './data.ts';
import { GrantsList } from './GrantsList.tsx';

/**
 * On the day of a coordinator: who outside the team is reading one of its people right now, why,
 * until when, with a way to end it. On a worker's day: the accesses they hold themselves.
 */
export function OpenGrantsCard({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const grants = useQuery(liveGrantsQuery).data?.items ?? [];
  const shown = user.role === 'coordinator' ? grants : grants.filter((grant) => grant.userId === user.id);
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="open-grants">
      <Title order={2} fz="xl" id="open-grants">
        {t('breakGlass.liveTitle')}
      </Title>
      <GrantsList grants={shown} />
    </Stack>
  );
}
