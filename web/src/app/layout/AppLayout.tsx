import { Anchor, AppShell, Container } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { onOutboxChange } from '../../offline/outbox.ts';
import { rememberUser } from '../../offline/session-cache.ts';
import { onApplied, startSync } from '../../offline/sync.ts';
import { queryClient } from '../query-client.ts';
import { AppHeader } from './AppHeader.tsx';
import { BottomTabs } from './BottomTabs.tsx';
import classes from './layout.module.css';
import { navigationFor } from './navigation.ts';
import { SideNav } from './SideNav.tsx';

/** Phone: header and a tab bar at the thumb. Desktop (≥ 48em): a side navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isDesktop = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const items = navigationFor(user.role);
  const fieldRole = user.role !== 'admin';

  // The outbox is sent while someone of a field team is signed in (admins write no field data).
  useEffect(() => {
    if (!fieldRole) return;
    let stop = () => {};
    let stopped = false;
    void rememberUser(user).then(() => {
      if (!stopped) stop = startSync();
    });
    // What changed on the server is read again; the reference lists (an audited read) keep their
    // five minutes: people made here are already known to this device.
    const stopApplied = onApplied(
      () =>
        void queryClient.invalidateQueries({
          queryKey: ['fieldwork'],
          predicate: (query) => query.queryKey[1] !== 'reference',
        }),
    );
    const stopOutbox = onOutboxChange(() => void queryClient.invalidateQueries({ queryKey: ['outbox'] }));
    return () => {
      stopped = true;
      stop();
      stopApplied();
      stopOutbox();
    };
  }, [user, fieldRole]);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: true } }}
      footer={{ height: 64, collapsed: isDesktop }}
      padding={0}
    >
      <Anchor href="#main" className={classes.skipLink}>
        {t('nav.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <AppHeader user={user} showSync={fieldRole} />
      </AppShell.Header>
      {isDesktop ? (
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <SideNav items={items.main} />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="md" px={{ base: 'md', sm: 'xl' }} py={{ base: 'md', sm: 'xl' }}>
          <Outlet />
        </Container>
      </AppShell.Main>
      {isDesktop ? null : (
        <AppShell.Footer>
          <BottomTabs items={items.tabs} />
        </AppShell.Footer>
      )}
    </AppShell>
  );
}
