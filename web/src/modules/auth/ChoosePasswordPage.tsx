import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import { api } from '../../api/client.ts';
import { useSetCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { NewPasswordFields, readPasswordForm } from './NewPasswordFields.tsx';
import { forgetOneTimePassword, takeOneTimePassword } from './one-time-password.ts';
import { useSignOut } from './use-sign-out.ts';

const fields = ['currentPassword', 'newPassword'] as const;

/** Forced after a first sign-in or a reset: the one-time password is replaced by the person's own. */
export function ChoosePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const setCurrentUser = useSetCurrentUser();
  const signOut = useSignOut();
  const [knownCurrent] = useState(takeOneTimePassword);
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<CurrentUser>('/auth/password', body),
    onSuccess: (user) => {
      forgetOneTimePassword();
      setCurrentUser(user);
      void navigate({ to: '/' });
    },
  });
  const errors = useApiError(change.error, knownCurrent ? ['newPassword'] : fields);
  const required = useRequiredFields();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { mismatch: differs, ...body } = readPasswordForm(event.currentTarget, knownCurrent);
    setMismatch(differs);
    if (required.allFilled(body) && !differs) change.mutate(body);
  };

  return (
    <AuthFrame>
      <PageTitle title={t('password.chooseTitle')} description={t('password.chooseIntro')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={errors.general} />
          {knownCurrent ? null : (
            <PasswordField
              name="currentPassword"
              label={t('password.oneTime')}
              autoComplete="current-password"
              error={required.error('currentPassword') ?? errors.field('currentPassword')}
              required
            />
          )}
          <NewPasswordFields error={required.error('newPassword') ?? errors.field('newPassword')} mismatch={mismatch} />
          <Button type="submit" loading={change.isPending} fullWidth mt="xs">
            {t('password.chooseSubmit')}
          </Button>
          <Button variant="subtle" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            {t('nav.signOut')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
