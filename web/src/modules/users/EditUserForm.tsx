import { Button, Divider, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../core/contracts/users.ts';
import type { Role } from '../../../../core/roles.ts';
import { api } from '../../api/client.ts';
import type { UserWithPassword } from '../../api/queries.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { TeamChoices } from './TeamChoices.tsx';

const fields = ['name', 'role', 'active', 'teamIds'] as const;

type Props = { user: User; isSelf: boolean; onSaved: () => void; onPasswordReset: (reset: UserWithPassword) => void };

export function EditUserForm({ user, isSelf, onSaved, onPasswordReset }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role>(user.role);
  const [teamIds, setTeamIds] = useState(user.teams.map((team) => team.id));
  const [active, setActive] = useState(user.active);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['users'] });
    void queryClient.invalidateQueries({ queryKey: ['teams'] });
  };
  const save = useMutation({
    mutationFn: (body: { name: string; role: Role; active: boolean; teamIds: string[] }) =>
      api.patch<User>(`/users/${user.id}`, body),
    onSuccess: () => {
      refresh();
      onSaved();
    },
  });
  const reset = useMutation({
    mutationFn: () => api.post<UserWithPassword>(`/users/${user.id}/reset-password`),
    onSuccess: (answer) => {
      refresh();
      onPasswordReset(answer);
    },
  });
  const errors = useApiError(save.error ?? reset.error, fields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    save.mutate({ name, role, active, teamIds: role === 'admin' ? [] : teamIds });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert message={errors.general} />
        <Text c="dimmed">{user.email}</Text>
        <TextInput
          name="name"
          label={t('fields.name')}
          defaultValue={user.name}
          error={errors.field('name')}
          required
        />
        <RoleSelect value={role} onChange={setRole} error={errors.field('role')} />
        {role === 'admin' ? null : (
          <TeamChoices value={teamIds} onChange={setTeamIds} error={errors.field('teamIds')} />
        )}
        <Switch
          size="md"
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
          label={t('users.activeLabel')}
          description={t('users.activeHelp')}
          disabled={isSelf}
          error={errors.field('active')}
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
        <Divider />
        <Group justify="space-between" align="center">
          <Text fz="sm" maw={360}>
            {t('users.resetHelp')}
          </Text>
          {confirmingReset ? (
            <Button color="red.8" onClick={() => reset.mutate()} loading={reset.isPending}>
              {t('users.resetConfirm')}
            </Button>
          ) : (
            <Button variant="outline" onClick={() => setConfirmingReset(true)}>
              {t('users.resetSubmit')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
