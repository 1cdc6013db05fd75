import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Neighbourhood } from '../../../../core/contracts/teams.ts';
import { api } from '../../api/client.ts';
import { teamsQuery } from '../../api/queries.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { codeFromName } from '../../ui/format.ts';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';

const fields = ['name', 'code', 'teamId'] as const;

type Props = {
  neighbourhood?: Pick<Neighbourhood, 'id' | 'name' | 'code' | 'teamId'>;
  teamId?: string;
  onSaved: () => void;
};

/** Create a neighbourhood for a team, or rename it or hand it to another team. */
export function NeighbourhoodForm({ neighbourhood, teamId, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useQuery(teamsQuery).data ?? [];
  const [name, setName] = useState(neighbourhood?.name ?? '');
  const [code, setCode] = useState(neighbourhood?.code ?? '');
  const [codeTouched, setCodeTouched] = useState(Boolean(neighbourhood));
  const [team, setTeam] = useState(neighbourhood?.teamId ?? teamId ?? teams[0]?.id ?? '');
  const save = useMutation({
    mutationFn: (body: { name: string; code: string; teamId: string }) =>
      neighbourhood
        ? api.patch<Neighbourhood>(`/neighbourhoods/${neighbourhood.id}`, body)
        : api.post<Neighbourhood>('/neighbourhoods', body),
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
    if (required.allFilled(body)) save.mutate({ ...body, teamId: team });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <TextInput
          label={t('fields.name')}
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
        <NativeSelect
          label={t('teams.servedBy')}
          value={team}
          onChange={(event) => setTeam(event.currentTarget.value)}
          data={teams.map((item) => ({ value: item.id, label: item.name }))}
          error={errors.field('teamId')}
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {neighbourhood ? t('common.save') : t('teams.createNeighbourhoodSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
