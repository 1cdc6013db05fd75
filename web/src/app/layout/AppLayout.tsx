import { Anchor, AppShell, Container } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
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
        <AppHeader user={user} />
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
          <BottomTabs items={items.main} />
        </AppShell.Footer>
      )}
    </AppShell>
  );
}
