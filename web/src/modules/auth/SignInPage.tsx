import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../../core/contracts/auth.ts';
import { api } from '../../api/client.ts';
import { useSetCurrentUser } from '../../api/session.ts';
import { queryClient } from '../../app/query-client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PasswordField } from '../../ui/PasswordField.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';
import { AuthFrame } from './AuthFrame.tsx';
import { rememberOneTimePassword } from './one-time-password.ts';

const fields = ['email', 'password'] as const;

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = useSearch({ from: '/sign-in' });
  const setCurrentUser = useSetCurrentUser();
  const signIn = useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api.post<SessionState>('/auth/sign-in', credentials),
    onSuccess: (session, credentials) => {
      // Nothing cached for someone else may show to this person.
      queryClient.removeQueries({ predicate: (query) => !['session', 'settings'].includes(String(query.queryKey[0])) });
      setCurrentUser(session.user);
      if (session.user?.mustChangePassword) {
        rememberOneTimePassword(credentials.password);
        void navigate({ to: '/choose-password' });
      } else void navigate({ to: redirect ?? '/' });
    },
  });
  const errors = useApiError(signIn.error, fields);
  const required = useRequiredFields();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = { email: String(form.get('email') ?? '').trim(), password: String(form.get('password') ?? '') };
    if (required.allFilled(credentials)) signIn.mutate(credentials);
  };

  return (
    <AuthFrame>
      <PageTitle title={t('signIn.title')} description={t('signIn.intro')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert message={errors.general} />
          <TextInput
            name="email"
            type="email"
            label={t('fields.email')}
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            error={required.error('email') ?? errors.field('email')}
            required
          />
          <PasswordField
            name="password"
            label={t('fields.password')}
            autoComplete="current-password"
            error={required.error('password') ?? errors.field('password')}
            required
          />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
