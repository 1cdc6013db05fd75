import { useCurrentUser } from '../../api/session.ts';
import { MyDayPage } from '../fieldwork/MyDayPage.tsx';
import { AdminHome } from './AdminHome.tsx';
import { CoordinatorHome } from './CoordinatorHome.tsx';

/** Each role lands on what it needs first. */
export function HomePage() {
  const user = useCurrentUser();
  if (user.role === 'admin') return <AdminHome user={user} />;
  if (user.role === 'coordinator') return <CoordinatorHome user={user} />;
  return <MyDayPage user={user} />;
}
