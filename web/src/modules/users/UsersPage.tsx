import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../core/contracts/users.ts';
import { roles } from '../../../../core/roles.ts';
import { type UserWithPassword, usersQuery } from '../../api/queries.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { Pager } from '../../ui/Pager.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouteErrorMessage } from '../../ui/RouteErrorMessage.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { EditUserForm } from './EditUserForm.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import { UserRow } from './UserRow.tsx';

const pageSize = 25;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; result: UserWithPassword } | null;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [dialog, setDialog] = useState<Dialog>(null);
  const users = useQuery(
    usersQuery({
      search: debouncedSearch || undefined,
      role: role || undefined,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }),
  );
  const filtering = Boolean(debouncedSearch || role);
  const close = () => setDialog(null);

  return (
    <Stack gap="md">
      <PageTitle
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button leftSection={<IconPlus size={20} aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          type="search"
          label={t('users.search')}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
        />
        <NativeSelect
          label={t('fields.role')}
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('users.allRoles') },
            ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
        />
      </SimpleGrid>
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <RouteErrorMessage error={users.error} />
      ) : users.data.items.length === 0 ? (
        <EmptyMessage title={filtering ? t('users.noMatchTitle') : t('users.emptyTitle')}>
          {filtering ? t('users.noMatchText') : t('users.emptyText')}
        </EmptyMessage>
      ) : (
        <>
          <Text fz="sm" c="dimmed" role="status">
            {t('users.count', { count: users.data.total })}
          </Text>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {users.data.items.map((user) => (
              <UserRow key={user.id} user={user} onEdit={() => setDialog({ kind: 'edit', user })} />
            ))}
          </Stack>
          <Pager total={Math.ceil(users.data.total / pageSize)} value={page} onChange={setPage} />
        </>
      )}
      <FormModal opened={dialog?.kind === 'create'} onClose={close} title={t('users.create')}>
        <CreateUserForm onCreated={(result) => setDialog({ kind: 'password', result })} />
      </FormModal>
      <FormModal opened={dialog?.kind === 'edit'} onClose={close} title={t('users.editTitle')}>
        {dialog?.kind === 'edit' ? (
          <EditUserForm
            user={dialog.user}
            isSelf={dialog.user.id === me.id}
            onSaved={close}
            onPasswordReset={(result) => setDialog({ kind: 'password', result })}
          />
        ) : null}
      </FormModal>
      <FormModal opened={dialog?.kind === 'password'} onClose={close} title={t('users.temporaryTitle')}>
        {dialog?.kind === 'password' ? (
          <TemporaryPassword
            name={dialog.result.user.name}
            email={dialog.result.user.email}
            password={dialog.result.temporaryPassword}
            onDone={close}
          />
        ) : null}
      </FormModal>
    </Stack>
  );
}
