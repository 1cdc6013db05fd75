import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../core/contracts/teams.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { codeFromName } from '../../ui/format.ts';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';

const fields = ['name', 'code'] as const;

/** Create or rename a team. The code follows the name until someone types their own. */
export function TeamForm({ team, onSaved }: { team?: Team; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team?.name ?? '');
  const [code, setCode] = useState(team?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(Boolean(team));
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
    const body = { name: name.trim(), code: code.trim() };
    if (required.allFilled(body)) save.mutate(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <TextInput
          label={t('fields.name')}
          description={t('teams.nameHelp')}
          value={name}
          onChange={(event) => {
            const next = event.currentTarget.value;
            setName(next);
            if (!codeTouched) setCode(codeFromName(next));
          }}
          error={required.error('name') ?? errors.field('name')}
          required
          data-autofocus
        />
        <TextInput
          label={t('fields.code')}
          description={t('fields.codeHelp')}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setCodeTouched(true);
          }}
          autoCapitalize="none"
          spellCheck={false}
          error={required.error('code') ?? errors.field('code')}
          required
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {team ? t('common.save') : t('teams.createSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
