import { Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../core/contracts/teams.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';
import { NameAndCodeFields, useNameAndCode } from './NameAndCodeFields.tsx';

const fields = ['name', 'code'] as const;

/** Create or rename a team. The code follows the name until someone types their own. */
export function TeamForm({ team, onSaved }: { team?: Team; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nameAndCode = useNameAndCode(team);
  const save = useMutation({
    mutationFn: (body: { name: string; code: string }) =>
      team ? api.patch<Team>(`/teams/${team.id}`, body) : api.post<Team>('/teams', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['teams'] });
      void queryClient.invalidateQueries({ queryKey: ['neighbourhoods'] });
      onSaved();
    },
  });
  const errors = useApiError(save.error, fields);
  const required = useRequiredFields();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = { name: nameAndCode.name.trim(), code: nameAndCode.code.trim() };
    if (required.allFilled(body)) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <NameAndCodeFields
          value={nameAndCode}
          nameDescription={t('teams.nameHelp')}
          errorFor={(field) => required.error(field) ?? errors.field(field)}
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {team ? t('common.save') : t('teams.createSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
