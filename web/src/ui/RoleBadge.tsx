import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/roles.ts';

const colors: Record<Role, string> = { worker: 'relais', organizer: 'blue', coordinator: 'grape', admin: 'dark' };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[role]} variant="light" tt="none" fz="sm" styles={{ label: { overflow: 'visible' } }}>
      {t(`roles.${role}`)}
    </Badge>
  );
}
