import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { api } from '../../api/client.ts';
import { useSetCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';
import { NewPasswordFields, readPasswordForm } from '../auth/NewPasswordFields.tsx';

const fields = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const setCurrentUser = useSetCurrentUser();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<CurrentUser>('/auth/password', body),
    onSuccess: (user) => setCurrentUser(user),
  });
  const errors = useApiError(change.error, fields);
  const required = useRequiredFields();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const { mismatch: differs, ...body } = readPasswordForm(form, null);
    setMismatch(differs);
    if (required.allFilled(body) && !differs) change.mutate(body, { onSuccess: () => form.reset() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="stretch">
        <FormAlert message={errors.general} />
        <PasswordField
          name="currentPassword"
          label={t('password.current')}
          autoComplete="current-password"
          error={required.error('currentPassword') ?? errors.field('currentPassword')}
          required
        />
        <NewPasswordFields error={required.error('newPassword') ?? errors.field('newPassword')} mismatch={mismatch} />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('password.changeSubmit')}
        </Button>
        <SavedNotice show={change.isSuccess} message={t('password.changed')} />
      </Stack>
    </form>
  );
}
