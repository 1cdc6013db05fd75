import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NavItem } from './navigation.ts';

function isCurrent(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function SideNav({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map(({ to, labelKey, icon: Icon }) => {
        const current = isCurrent(pathname, to);
        return (
          <li key={to}>
            <NavLink
              component={Link}
              to={to}
              label={t(labelKey)}
              leftSection={<Icon size={22} aria-hidden />}
              active={current}
              aria-current={current ? 'page' : undefined}
              h={48}
              fw={current ? 700 : 500}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          </li>
        );
      })}
    </Stack>
  );
}
