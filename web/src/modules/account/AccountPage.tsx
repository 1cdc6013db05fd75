import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { useSyncState } from '../../offline/use-sync-state.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import { useSignOut } from '../auth/use-sign-out.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { LanguageSetting } from './LanguageSetting.tsx';
import { ProfileForm } from './ProfileForm.tsx';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="lg" mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const sync = useSyncState();
  const unsent = sync.pending + sync.invalid + sync.conflict;
  const [confirming, setConfirming] = useState(false);
  return (
    <Stack gap="lg" maw={640}>
      <PageTitle title={t('account.title')} />
      <Group gap="sm">
        <Text>{user.email}</Text>
        <RoleBadge role={user.role} />
      </Group>
      {user.teams.length > 0 ? (
        <Text>{t('account.teams', { teams: user.teams.map((team) => team.name).join(', ') })}</Text>
      ) : null}
      <Section title={t('account.profile')}>
        <ProfileForm name={user.name} />
      </Section>
      <Section title={t('account.language')}>
        <LanguageSetting />
      </Section>
      <Section title={t('account.password')}>
        <ChangePasswordForm />
      </Section>
      {confirming ? (
        <Alert color="red" variant="light" title={t('account.unsentTitle', { count: unsent })}>
          <Stack gap="sm">
            <Text>{t('account.unsentText')}</Text>
            <Group>
              <Button color="red.8" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                {t('account.signOutAnyway')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('sync.cancel')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Button
          variant="outline"
          color="red.8"
          leftSection={<IconLogout size={20} aria-hidden />}
          onClick={() => (unsent > 0 ? setConfirming(true) : signOut.mutate())}
          loading={signOut.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('nav.signOut')}
        </Button>
      )}
    </Stack>
  );
}
