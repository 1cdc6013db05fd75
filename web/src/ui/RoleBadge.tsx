import { useTranslation } from 'react-i18next';
import type { Role } from '../../../core/roles.ts';
import { Tag, type TagTone } from './Tag.tsx';

const tones: Record<Role, TagTone> = { worker: 'green', organizer: 'blue', coordinator: 'grape', admin: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return <Tag tone={tones[role]}>{t(`roles.${role}`)}</Tag>;
}
