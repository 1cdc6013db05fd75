import { useCurrentUser } from '../../api/session.ts';
import { AdminHome } from './AdminHome.tsx';
import { CoordinatorHome } from './CoordinatorHome.tsx';
import { FieldHome } from './FieldHome.tsx';

/** Each role lands on what it needs first. */
export function HomePage() {
  const user = useCurrentUser();
  if (user.role === 'admin') return <AdminHome user={user} />;
  if (user.role === 'coordinator') return <CoordinatorHome user={user} />;
  return <FieldHome user={user} />;
}
