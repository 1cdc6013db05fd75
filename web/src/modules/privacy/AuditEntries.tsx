import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { breakGlassActions } from '../../../../core/audit-actions.ts';
import type { AuditEntry } from '../../../../core/contracts/audit.ts';
import { teamsQuery } from '../../api/queries.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { describeDetails } from './audit-details.ts';

const failures = new Set(['sign_in_failed']);

function useEntryWords() {
  const { t } = useTranslation();
  const language = useLanguage();
  const teams = useQuery(teamsQuery).data ?? [];
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  return (entry: AuditEntry) => ({
    when: formatDateTime(entry.at, language),
    // No author and no address: the entry was written by the CLI or at start-up, not over HTTP.
    who: entry.actorName ?? t(entry.ip ? 'audit.nobody' : 'audit.system'),
    action: t(`audit.actions.${entry.action}`),
    what: [
      t(`audit.entities.${entry.entityType}`, { defaultValue: entry.entityType }),
      // The nickname only when the server sent it (the reader may read that person); else a short id.
      entry.personId ? (entry.personNickname ?? `#${entry.personId.slice(-6)}`) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    details: [
      entry.reason ? t('audit.reason', { reason: entry.reason }) : '',
      describeDetails(entry.details, t, teamNames),
    ]
      .filter(Boolean)
      .join(' · '),
    from: entry.ip ?? '',
  });
}

/** Failures in red; break-the-glass (grants, reads under them, an admin's reasoned read) in orange. */
function ActionBadge({ entry, label }: { entry: AuditEntry; label: string }) {
  const glass =
    breakGlassActions.includes(entry.action) ||
    (entry.action === 'read' && entry.actorRole === 'admin' && entry.reason);
  return <Tag tone={failures.has(entry.action) ? 'red' : glass ? 'orange' : 'gray'}>{label}</Tag>;
}

/** A table where there is room for one; a card per entry on a phone. */
export function AuditEntries({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const wordsOf = useEntryWords();
  const roomForTable = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!roomForTable) {
    return (
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {entries.map((entry) => {
          const words = wordsOf(entry);
          return (
            <Card key={entry.id} withBorder padding="sm" radius="md" component="li">
              <Group justify="space-between" gap="xs">
                <Text fw={700}>{words.who}</Text>
                <ActionBadge entry={entry} label={words.action} />
              </Group>
              <Text fz="sm">
                {words.what}
                {words.details ? ` · ${words.details}` : ''}
              </Text>
              <Text fz="sm" c="dimmed">
                {words.when}
                {words.from ? ` · ${words.from}` : ''}
              </Text>
            </Card>
          );
        })}
      </Stack>
    );
  }
  return (
    <Table striped withTableBorder verticalSpacing="sm">
      <Table.Caption>{t('audit.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('audit.when')}</Table.Th>
          <Table.Th scope="col">{t('audit.actor')}</Table.Th>
          <Table.Th scope="col">{t('audit.action')}</Table.Th>
          <Table.Th scope="col">{t('audit.entity')}</Table.Th>
          <Table.Th scope="col">{t('audit.details')}</Table.Th>
          <Table.Th scope="col">{t('audit.fromAddress')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => {
          const words = wordsOf(entry);
          return (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{words.when}</Table.Td>
              <Table.Td>{words.who}</Table.Td>
              <Table.Td>
                <ActionBadge entry={entry} label={words.action} />
              </Table.Td>
              <Table.Td>{words.what}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{words.details}</Table.Td>
              <Table.Td>{words.from}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
