import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../../../core/roles.ts';

export function RoleSelect({
  value,
  onChange,
  error,
}: {
  value: Role;
  onChange: (role: Role) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('fields.role')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as Role)}
      data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      error={error}
    />
  );
}
