import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../ui/PasswordField.tsx';

const minimumPasswordLength = 10;

/** New password twice; says the rule before anyone breaks it. */
export function NewPasswordFields({ error, mismatch }: { error?: string; mismatch: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordField
        name="newPassword"
        label={t('password.new')}
        description={t('password.rule', { count: minimumPasswordLength })}
        autoComplete="new-password"
        error={error}
        required
      />
      <PasswordField
        name="confirmPassword"
        label={t('password.confirm')}
        autoComplete="new-password"
        error={mismatch ? t('password.mismatch') : undefined}
        required
      />
    </Stack>
  );
}

/** Reads the three password fields of a form; checks on this side what needs no server. */
export function readPasswordForm(form: HTMLFormElement, knownCurrent: string | null) {
  const data = new FormData(form);
  const newPassword = String(data.get('newPassword') ?? '');
  return {
    currentPassword: knownCurrent ?? String(data.get('currentPassword') ?? ''),
    newPassword,
    mismatch: newPassword !== String(data.get('confirmPassword') ?? ''),
  };
}
