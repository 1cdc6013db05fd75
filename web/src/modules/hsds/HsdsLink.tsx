import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { RouterButton } from '../../ui/RouterButton.tsx';

/** From the directory to its HSDS exchange page, for those who may import: coordinators and admins. */
export function HsdsLink() {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  if (role !== 'coordinator' && role !== 'admin') return null;
  return (
    <RouterButton to="/directory/hsds" variant="default" leftSection={<IconArrowsExchange size={18} aria-hidden />}>
      {t('hsds.link')}
    </RouterButton>
  );
}
