import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TeamDetail } from '../../../../core/contracts/teams.ts';
import { RoleBadge } from '../../ui/RoleBadge.tsx';
import { Tag } from '../../ui/Tag.tsx';

export function MemberList({ members }: { members: TeamDetail['members'] }) {
  const { t } = useTranslation();
  if (members.length === 0) return <Text>{t('teams.noMembers')}</Text>;
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {members.map((member) => (
        <Group key={member.id} component="li" justify="space-between" gap="xs" py={6}>
          <Stack gap={0}>
            <Text fw={600}>{member.name}</Text>
            <Text fz="sm" c="dimmed">
              {member.email}
            </Text>
          </Stack>
          <Group gap={6}>
            <RoleBadge role={member.role} />
            {member.active ? null : <Tag tone="red">{t('users.inactive')}</Tag>}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
