import { Button, Checkbox, Collapse, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditActions } from '../../../../core/audit-actions.ts';
import { teamsQuery, usersQuery } from '../../api/queries.ts';
import { auditEntityTypes } from './audit-filters.ts';
import type { AuditSearch } from './routes.ts';

type Props = { search: AuditSearch; onChange: (next: AuditSearch) => void };

/** Every filter the API offers; each change goes to the address, so a filtered view can be shared. */
export function AuditFiltersForm({ search, onChange }: Props) {
  const { t } = useTranslation();
  const people = useQuery(usersQuery({ limit: 200 })).data?.items ?? [];
  const teams = useQuery(teamsQuery).data ?? [];
  const set = (patch: AuditSearch) => onChange({ ...search, ...patch, page: undefined });
  const any = { value: '', label: t('audit.any') };
  const active = [
    search.action,
    search.entityType,
    search.actorId,
    search.teamId,
    search.breakGlass,
    search.from,
    search.to,
  ].filter(Boolean).length;
  const isDesktop = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [opened, setOpened] = useState(isDesktop || active > 0);
  return (
    <Stack gap="sm">
      <Button
        variant="default"
        leftSection={<IconFilter size={20} aria-hidden />}
        onClick={() => setOpened((open) => !open)}
        aria-expanded={opened}
        aria-controls="audit-filters"
        style={{ alignSelf: 'flex-start' }}
      >
        {t('audit.filters', { count: active })}
      </Button>
      <Collapse expanded={opened} id="audit-filters">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="sm">
          <Checkbox
            size="md"
            label={t('breakGlass.filterOnly')}
            checked={search.breakGlass ?? false}
            onChange={(event) => set({ breakGlass: event.currentTarget.checked || undefined })}
            style={{ alignSelf: 'center' }}
          />
          <NativeSelect
            label={t('breakGlass.team')}
            value={search.teamId ?? ''}
            onChange={(event) => set({ teamId: event.currentTarget.value || undefined })}
            data={[any, ...teams.map((team) => ({ value: team.id, label: team.name }))]}
          />
          <NativeSelect
            label={t('audit.action')}
            value={search.action ?? ''}
            onChange={(event) => set({ action: (event.currentTarget.value || undefined) as AuditSearch['action'] })}
            data={[any, ...auditActions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))]}
          />
          <NativeSelect
            label={t('audit.entity')}
            value={search.entityType ?? ''}
            onChange={(event) => set({ entityType: event.currentTarget.value || undefined })}
            data={[any, ...auditEntityTypes.map((type) => ({ value: type, label: t(`audit.entities.${type}`) }))]}
          />
          <NativeSelect
            label={t('audit.actor')}
            value={search.actorId ?? ''}
            onChange={(event) => set({ actorId: event.currentTarget.value || undefined })}
            data={[any, ...people.map((person) => ({ value: person.id, label: person.name }))]}
          />
          <TextInput
            type="date"
            label={t('audit.from')}
            value={search.from ?? ''}
            onChange={(event) => set({ from: event.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label={t('audit.to')}
            value={search.to ?? ''}
            onChange={(event) => set({ to: event.currentTarget.value || undefined })}
          />
          <Button variant="default" onClick={() => onChange({})} style={{ alignSelf: 'flex-end' }}>
            {t('audit.clear')}
          </Button>
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}
