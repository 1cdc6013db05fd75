import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../core/localized.ts';
import type { Role } from '../../../../core/roles.ts';
import { api } from '../../api/client.ts';
import type { UserWithPassword } from '../../api/queries.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { TeamChoices } from './TeamChoices.tsx';

const fields = ['name', 'email', 'role', 'language', 'teamIds'] as const;

/** Most new accounts are field workers who speak the deployment's language: those are the defaults. */
export function CreateUserForm({ onCreated }: { onCreated: (created: UserWithPassword) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>('worker');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [language, setLanguage] = useState<Language>(useLanguage());
  const create = useMutation({
    mutationFn: (body: { name: string; email: string; role: Role; language: Language; teamIds: string[] }) =>
      api.post<UserWithPassword>('/users', body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      onCreated(created);
    },
  });
  const errors = useApiError(create.error, fields);
  const required = useRequiredFields();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const person = { name: String(form.get('name') ?? '').trim(), email: String(form.get('email') ?? '').trim() };
    if (required.allFilled(person)) create.mutate({ ...person, role, language, teamIds });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <TextInput
          name="name"
          label={t('fields.name')}
          autoComplete="off"
          error={required.error('name') ?? errors.field('name')}
          required
          data-autofocus
        />
        <TextInput
          name="email"
          type="email"
          label={t('fields.email')}
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          error={required.error('email') ?? errors.field('email')}
          required
        />
        <RoleSelect value={role} onChange={setRole} error={errors.field('role')} />
        {role === 'admin' ? null : (
          <TeamChoices value={teamIds} onChange={setTeamIds} error={errors.field('teamIds')} />
        )}
        <NativeSelect
          label={t('fields.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as Language)}
          data={[
            { value: 'fr', label: 'Français' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('users.createSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
