import { Button, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useUpdateMe } from './use-update-me.ts';

export function ProfileForm({ name }: { name: string }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const errors = useApiError(update.error, ['name']);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update.mutate({ name: String(new FormData(event.currentTarget).get('name') ?? '').trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" align="flex-start">
        <FormAlert message={errors.general} />
        <TextInput
          name="name"
          label={t('fields.name')}
          defaultValue={name}
          autoComplete="name"
          error={errors.field('name')}
          w="100%"
          required
        />
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
        <SavedNotice show={update.isSuccess && update.variables?.name !== undefined} />
      </Stack>
    </form>
  );
}
