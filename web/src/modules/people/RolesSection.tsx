import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/contracts/people.ts';
import { type PersonRoleKind, personRoleKinds } from '../../../../core/fieldwork.ts';
import { api } from '../../api/client.ts';
import { formatDay } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { addPersonRole } from '../fieldwork/actions.ts';
import { localDay } from '../fieldwork/data.ts';
import { Section } from './Section.tsx';
import { usePersonCall } from './use-person-call.ts';

/** Roles over time: from participant to volunteer, helper, leader — the trajectory made visible. */
export function RolesSection({ person, online }: { person: Person; online: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [role, setRole] = useState<PersonRoleKind>('participant');
  const end = usePersonCall(person.id, (roleId: string) => {
    const current = person.roles.find((candidate) => candidate.id === roleId);
    return api.patch<Person>(`/people/${person.id}/roles/${roleId}`, {
      baseVersion: current?.version ?? 1,
      endedOn: localDay(),
    });
  });
  return (
    <Section title={t('person.rolesTitle')}>
      <Stack gap="sm">
        {person.roles.length === 0 ? <Text c="dimmed">{t('person.noRole')}</Text> : null}
        {person.roles.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap">
            <Text>
              <Text component="span" fw={700}>
                {t(`personRoles.${item.role}`)}
              </Text>{' '}
              {item.endedOn
                ? t('person.roleFromTo', {
                    from: formatDay(item.startedOn, language),
                    to: formatDay(item.endedOn, language),
                  })
                : t('person.roleSince', { from: formatDay(item.startedOn, language) })}
            </Text>
            {!item.endedOn && online ? (
              <Button
                variant="subtle"
                onClick={() => end.mutate(item.id)}
                loading={end.isPending && end.variables === item.id}
              >
                {t('person.endRole')}
              </Button>
            ) : null}
          </Group>
        ))}
        <Group align="flex-end" wrap="nowrap">
          <NativeSelect
            label={t('person.newRole')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as PersonRoleKind)}
            data={personRoleKinds.map((kind) => ({ value: kind, label: t(`personRoles.${kind}`) }))}
            style={{ flex: 1 }}
          />
          <Button variant="light" onClick={() => void addPersonRole(person.id, role)}>
            {t('person.addRole')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
