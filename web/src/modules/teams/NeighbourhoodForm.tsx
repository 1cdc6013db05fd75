import { Button, NativeSelect, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Neighbourhood } from '../../../../core/contracts/teams.ts';
import { api } from '../../api/client.ts';
import { teamsQuery } from '../../api/queries.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useRequiredFields } from '../../ui/use-required-fields.ts';
import { NameAndCodeFields, useNameAndCode } from './NameAndCodeFields.tsx';

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
  const nameAndCode = useNameAndCode(neighbourhood);
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
    const body = { name: nameAndCode.name.trim(), code: nameAndCode.code.trim() };
    if (required.allFilled(body)) save.mutate({ ...body, teamId: team });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <NameAndCodeFields value={nameAndCode} errorFor={(field) => required.error(field) ?? errors.field(field)} />
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
