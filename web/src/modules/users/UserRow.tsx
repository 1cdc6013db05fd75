import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../core/contracts/users.ts';
import { formatDateTime } from '../../ui/format.ts';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';

/** One account as a card: reads the same on a phone and a desktop. */
export function UserRow({ user, onEdit }: { user: User; onEdit: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Group gap="xs">
            <Text fw={700} fz="lg">
              {user.name}
            </Text>
            <RoleBadge role={user.role} />
            {user.active ? null : <Tag tone="red">{t('users.inactive')}</Tag>}
          </Group>
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {user.email}
          </Text>
          <Text fz="sm" c="dimmed">
            {user.teams.length ? user.teams.map((team) => team.name).join(', ') : t('users.noTeam')}
            {' · '}
            {user.lastSignInAt
              ? t('users.lastSignIn', { when: formatDateTime(user.lastSignInAt, language) })
              : t('users.neverSignedIn')}
          </Text>
        </Stack>
        <Button
          variant="light"
          leftSection={<IconPencil size={18} aria-hidden />}
          onClick={onEdit}
          aria-label={t('users.editNamed', { name: user.name })}
        >
          {t('common.edit')}
        </Button>
      </Group>
    </Card>
  );
}
