import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticFigures } from '../../../../core/contracts/diagnostic.ts';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';

/**
 * The figures beside the team's text: sector indicators, outreach, open need signals, network.
 * Counts of contacts and people arrive as the server gives them ("<5" stays "<5").
 */
export function FiguresPanel({ figures, frozen }: { figures: DiagnosticFigures; frozen: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: number | string) =>
    typeof value === 'number' ? new Intl.NumberFormat(language === 'en' ? 'en-CA' : 'fr-CA').format(value) : value;
  const { coverage, network } = figures;
  return (
    <Stack gap="md" data-testid="diagnostic-figures">
      <Stack gap={2}>
        <Title order={2} fz="xl">
          {t('diagnostic.figures.title')}
        </Title>
        <Text fz="sm">
          {t('diagnostic.figures.period', {
            from: formatDay(figures.periodFrom, language),
            to: formatDay(figures.periodTo, language),
          })}
        </Text>
        <Text fz="sm" c="dimmed">
          {t(frozen ? 'diagnostic.figures.frozen' : 'diagnostic.figures.live', {
            date: formatDay(figures.computedAt, language),
          })}
        </Text>
      </Stack>

      <Block title={t('diagnostic.figures.indicators')}>
        {figures.indicators.length === 0 ? (
          <Text c="dimmed">{t('diagnostic.figures.noIndicators')}</Text>
        ) : (
          <Table fz="sm" verticalSpacing={6}>
            <Table.Tbody>
              {figures.indicators.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Th scope="row" fw={400}>
                    <Text fz="sm" fw={600}>
                      {row.label[language]}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {row.year} · {t(`diagnostic.figures.methods.${row.method}`)} ·{' '}
                      {t('diagnostic.figures.sectors', { count: row.sectors })}
                      {row.source ? ` · ${row.source}` : ''}
                    </Text>
                  </Table.Th>
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {number(row.value)}
                    {row.unit ? ` ${row.unit}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>

      <Block title={t('diagnostic.figures.coverage')}>
        <SimpleGrid cols={2} spacing="xs">
          <Tile label={t('diagnostic.figures.sessions')} value={number(coverage.sessions)} />
          <Tile label={t('diagnostic.figures.encounters')} value={number(coverage.encounters)} />
          <Tile
            label={t('diagnostic.figures.lastVisit')}
            value={coverage.lastVisit ? formatDay(coverage.lastVisit, language) : t('diagnostic.figures.never')}
          />
          <Tile label={t('diagnostic.figures.places')} value={number(coverage.places)} />
        </SimpleGrid>
        {coverage.placesNotVisited.length ? (
          <Text fz="sm">
            {t('diagnostic.figures.notVisited', { names: coverage.placesNotVisited.map((p) => p.name).join(', ') })}
          </Text>
        ) : null}
      </Block>

      <Block title={t('diagnostic.figures.signals')}>
        {figures.signals.length === 0 ? <Text c="dimmed">{t('diagnostic.figures.noSignals')}</Text> : null}
        <Stack gap={6}>
          {figures.signals.map((signal) => (
            <Group key={signal.id} justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={0}>
                <Text fw={600}>{signal.needLabel[language]}</Text>
                <Text fz="xs">
                  {t('diagnostic.signals.encounters')} {number(signal.encounters)} · {t('diagnostic.signals.people')}{' '}
                  {number(signal.people)}
                </Text>
              </Stack>
              <Tag tone={signal.status === 'new' ? 'orange' : 'blue'}>
                {t(`diagnostic.signals.statuses.${signal.status}`)}
              </Tag>
            </Group>
          ))}
        </Stack>
      </Block>

      <Block title={t('diagnostic.figures.network')}>
        <SimpleGrid cols={{ base: 3, xs: 5 }} spacing="xs">
          <Tile label={t('diagnostic.figures.actors')} value={number(network.actors)} />
          <Tile label={t('diagnostic.figures.ties')} value={number(network.ties)} />
          <Tile label={t('diagnostic.figures.isolated')} value={number(network.isolated)} />
          <Tile label={t('diagnostic.figures.bridging')} value={number(network.bridging)} />
          <Tile label={t('diagnostic.figures.communities')} value={number(network.communities)} />
        </SimpleGrid>
        {network.bridgingOrganisations.length ? (
          <Text fz="sm">
            {t('diagnostic.figures.bridgingOrganisations', { names: network.bridgingOrganisations.join(', ') })}
          </Text>
        ) : null}
      </Block>
    </Stack>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="sm" radius="md" component="section">
      <Stack gap="xs">
        <Title order={3} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0} p={6} bg="gray.0" style={{ borderRadius: 8 }}>
      <Text fz="lg" fw={800} lh={1.2}>
        {value}
      </Text>
      <Text fz="xs">{label}</Text>
    </Stack>
  );
}
