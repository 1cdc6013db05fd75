import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccessGrant } from '../../../../core/contracts/access-grants.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateTime, formatTime } from '../../ui/format.ts';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { grantsKey, revokeGrant } from './data.ts';

/**
 * Break-the-glass grants as a coordinator reads them: "X a ouvert la fiche de Y (raison) jusqu'à
 * 15 h 30", live ones first with a button that ends them at once.
 */
export function GrantsList({ grants, onRecord = false }: { grants: AccessGrant[]; onRecord?: boolean }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {grants.map((grant) => (
        <GrantItem key={grant.id} grant={grant} onRecord={onRecord} />
      ))}
    </Stack>
  );
}

/** `onRecord`: shown on the person's own page, where a link back to it would go nowhere. */
function GrantItem({ grant, onRecord }: { grant: AccessGrant; onRecord: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeGrant(grant.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: grantsKey });
      void queryClient.invalidateQueries({ queryKey: ['access-history'] });
    },
  });
  const error = useApiError(revoke.error, []);
  const who = grant.userName ?? '—';
  const mayRevoke = grant.live && (user.role === 'admin' || user.role === 'coordinator' || grant.userId === user.id);
  const line = t('breakGlass.liveLine', {
    who,
    person: grant.personNickname ?? t('breakGlass.someone'),
    time: formatTime(grant.expiresAt, language),
  });
  return (
    <Card component="li" withBorder padding="sm" radius="md" data-testid="access-grant">
      <Stack gap={6}>
        {grant.live ? (
          <Alert color="orange" icon={<IconLockOpen aria-hidden />} p="xs">
            <Text fw={700}>{line}</Text>
          </Alert>
        ) : (
          <Text fw={700}>{line}</Text>
        )}
        <Text fz="sm">{t('breakGlass.reasonLine', { reason: grant.reason })}</Text>
        {grant.revokedAt ? (
          <Text fz="sm" c="dimmed">
            {t('breakGlass.revokedBy', {
              name: grant.revokedByName ?? '—',
              when: formatDateTime(grant.revokedAt, language),
            })}
          </Text>
        ) : !grant.live ? (
          <Text fz="sm" c="dimmed">
            {t('breakGlass.endedAt', { when: formatDateTime(grant.expiresAt, language) })}
          </Text>
        ) : null}
        <FormAlert message={error.general} />
        {grant.live && grant.userId === user.id && !onRecord ? (
          <RouterButton
            to="/granted/$personId"
            params={{ personId: grant.personId }}
            size="md"
            variant="light"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('breakGlass.openRecord')}
          </RouterButton>
        ) : null}
        {mayRevoke ? (
          <Button
            size="md"
            color="red"
            variant="light"
            loading={revoke.isPending}
            onClick={() => revoke.mutate()}
            aria-label={grant.userId === user.id ? t('breakGlass.closeNow') : t('breakGlass.revokeAria', { who })}
            style={{ alignSelf: 'flex-start' }}
          >
            {grant.userId === user.id ? t('breakGlass.closeNow') : t('breakGlass.revoke')}
          </Button>
        ) : null}
      </Stack>
    </Card>
  );
}
