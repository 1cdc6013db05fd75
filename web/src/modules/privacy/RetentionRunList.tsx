import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PurgeRun } from '../../../../core/contracts/retention.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';

/** Per rule, how many records went (or would go), before which date, and the oldest one. */
export function PurgeResults({ run }: { run: PurgeRun }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table verticalSpacing="xs" fz="sm">
      <Table.Tbody>
        {run.results.map((result) => (
          <Table.Tr key={result.kind}>
            <Table.Td>
              <Text fz="sm" fw={600}>
                {t(`retention.short.${result.kind}`)}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('retention.before', { date: formatDay(result.cutoff, language) })}
                {result.oldest ? ` · ${t('retention.oldest', { date: formatDay(result.oldest, language) })}` : ''}
              </Text>
            </Table.Td>
            <Table.Td ta="right" fw={700} fz="md" data-testid={`count-${result.kind}`}>
              {result.count === 0 ? t('retention.nothing') : result.count}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RunCard({ run }: { run: PurgeRun }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = run.results.reduce((sum, result) => sum + result.count, 0);
  return (
    <Card withBorder radius="md" padding="sm" component="li">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={700}>{formatDateTime(run.startedAt, language)}</Text>
          <Badge variant={run.dryRun ? 'outline' : 'light'} color={run.error ? 'red' : undefined}>
            {run.dryRun ? t('retention.dry') : t('retention.real')}
          </Badge>
        </Group>
        <Text fz="sm" c="dimmed">
          {t(`retention.trigger.${run.trigger}`, { name: run.actorName ?? '—' })} ·{' '}
          {t('retention.total', { count: total })}
        </Text>
        {run.error ? (
          <Text fz="sm" c="red">
            {t('retention.failed', { error: run.error })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

export function RetentionRunList({ runs }: { runs: PurgeRun[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="retention-log">
      <Title order={2} fz="xl" id="retention-log">
        {t('retention.logTitle')}
      </Title>
      {runs.length === 0 ? (
        <EmptyMessage title={t('retention.logEmpty')}>{t('retention.logEmptyHelp')}</EmptyMessage>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {runs.map((run) => (
            <RunCard key={run.id} run={run} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
