import {
  IconAddressBook,
  IconArrowForwardUp,
  IconBuildingCommunity,
  IconChartBar,
  IconHome,
  IconList,
  IconListSearch,
  IconMap2,
  IconSettings,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Role } from '../../../../core/roles.ts';

export type NavItem = {
  to:
    | '/'
    | '/account'
    | '/people'
    | '/directory'
    | '/referrals'
    | '/neighbourhood'
    | '/reports'
    | '/taxonomies'
    | '/admin/users'
    | '/admin/teams'
    | '/audit'
    | '/admin/settings';
  labelKey: string;
  /** A shorter word for the phone's tab bar, where five tabs share 390 pixels. */
  shortLabelKey: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
};

const home = (labelKey: string): NavItem => ({ to: '/', labelKey, shortLabelKey: labelKey, icon: IconHome });
const account: NavItem = {
  to: '/account',
  labelKey: 'nav.account',
  shortLabelKey: 'nav.account',
  icon: IconUserCircle,
};

const people: NavItem = { to: '/people', labelKey: 'nav.people', shortLabelKey: 'nav.people', icon: IconAddressBook };
const directory: NavItem = {
  to: '/directory',
  labelKey: 'directory.title',
  shortLabelKey: 'directory.titleShort',
  icon: IconBuildingCommunity,
};
const referrals: NavItem = {
  to: '/referrals',
  labelKey: 'referrals.title',
  shortLabelKey: 'referrals.titleShort',
  icon: IconArrowForwardUp,
};
const neighbourhood: NavItem = {
  to: '/neighbourhood',
  labelKey: 'neighbourhood.title',
  shortLabelKey: 'neighbourhood.titleShort',
  icon: IconMap2,
};
const reports: NavItem = {
  to: '/reports',
  labelKey: 'nav.reports',
  shortLabelKey: 'nav.reportsShort',
  icon: IconChartBar,
};
const taxonomies: NavItem = {
  to: '/taxonomies',
  labelKey: 'nav.taxonomies',
  shortLabelKey: 'nav.taxonomiesShort',
  icon: IconList,
};

/** The audit log: all of it for admins, their teams' part for coordinators (same page). */
const audit = (): NavItem => ({
  to: '/audit',
  labelKey: 'nav.audit',
  shortLabelKey: 'nav.auditShort',
  icon: IconListSearch,
});

const adminItems: NavItem[] = [
  home('nav.home'),
  { to: '/admin/users', labelKey: 'nav.users', shortLabelKey: 'nav.usersShort', icon: IconUsers },
  { to: '/admin/teams', labelKey: 'nav.teams', shortLabelKey: 'nav.teamsShort', icon: IconUsersGroup },
  audit(),
  { to: '/admin/settings', labelKey: 'nav.settings', shortLabelKey: 'nav.settingsShort', icon: IconSettings },
];

/**
 * What each role reaches from the navigation: `main` in the side bar, `tabs` on a phone (five at
 * most in 390 pixels). The account is always one tap away in the header.
 */
export function navigationFor(role: Role): { main: NavItem[]; tabs: NavItem[]; account: NavItem } {
  if (role === 'admin') {
    // Admins run the deployment from a desk; on a phone the directory stays one tap away from home.
    const main = [...adminItems.slice(0, 1), directory, reports, ...adminItems.slice(1)];
    return { main, tabs: adminItems, account };
  }
  // Five tabs on a phone; coordinators reach the lists (taxonomies) from the side bar and their home.
  if (role === 'coordinator') {
    const tabs = [home('nav.myTeams'), people, directory, referrals, neighbourhood];
    return { main: [...tabs, reports, taxonomies, audit()], tabs, account };
  }
  const tabs = [home('nav.myDay'), people, directory, referrals, neighbourhood];
  return { main: [...tabs, reports], tabs, account };
}
