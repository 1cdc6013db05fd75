import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import classes from './layout.module.css';
import type { NavItem } from './navigation.ts';

/** The phone's navigation: big targets where the thumb is, the current page marked for everyone. */
export function BottomTabs({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className={classes.tabs}>
      {items.map(({ to, shortLabelKey, icon: Icon }) => (
        <Link key={to} to={to} className={classes.tab} activeOptions={{ exact: to === '/' }}>
          <Icon size={24} aria-hidden />
          <span className={classes.tabLabel}>{t(shortLabelKey)}</span>
        </Link>
      ))}
    </nav>
  );
}
