import { Box, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralStats, SuppressedCount } from '../../../../core/contracts/referral-stats.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { referralStatsQuery } from './data.ts';

type Figures = ReferralStats['totals'];
const periods = ['90', '365', '730'] as const;

/** A count as the server gives it: a number, or "<5" (never computed back into a number). */
const count = (value: SuppressedCount) => String(value);
const countValue = (value: SuppressedCount) => (typeof value === 'number' ? value : 0);

/**
 * "Ce que l'équipe apprend": per service and per need, how many referrals, how many took, how long
 * it took and why it did not. Bars in plain CSS (no chart library in the first load); every number
 * one tap away. Small counts stay "<5" exactly as the API gives them.
 */
export function LearnPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [period, setPeriod] = useState<(typeof periods)[number]>('365');
  const to = localDay();
  const from = localDay(new Date(Date.now() - Number(period) * 86_400_000));
  const stats = useQuery(referralStatsQuery(from, to));

  return (
    <Stack gap="lg">
      <PageTitle title={t('learn.title')} description={t('learn.intro')} />
      <NativeSelect
        label={t('learn.period')}
        size="md"
        value={period}
        onChange={(event) => setPeriod(event.currentTarget.value as (typeof periods)[number])}
        data={periods.map((value) => ({ value, label: t(`learn.periods.${value}`) }))}
        maw={320}
      />
      {stats.isPending ? <PageLoader /> : null}
      {stats.isError ? <Text>{t('common.unexpectedError')}</Text> : null}
      {stats.data ? (
        stats.data.totals.referred === '<5' || countValue(stats.data.totals.referred) > 0 ? (
          <Figures stats={stats.data} language={language} />
        ) : (
          <EmptyMessage title={t('learn.none')}>{t('learn.intro')}</EmptyMessage>
        )
      ) : null}
    </Stack>
  );
}

function Figures({ stats, language }: { stats: ReferralStats; language: 'fr' | 'en' }) {
  const { t } = useTranslation();
  const { totals } = stats;
  const maxReasons = Math.max(1, ...totals.failureReasons.map((row) => countValue(row.count)));
  return (
    <>
      <Section title={t('learn.totals')}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Tile label={t('learn.referred')} value={count(totals.referred)} />
          <Tile label={t('learn.connected')} value={count(totals.connected)} />
          <Tile label={t('learn.rate')} value={rate(totals, t)} />
          <Tile label={t('learn.median')} value={median(totals, t, language)} />
          <Tile label={t('learn.failed')} value={count(totals.failed)} />
          <Tile label={t('learn.open')} value={count(totals.open)} />
        </SimpleGrid>
      </Section>

      <Section title={t('learn.flagged')}>
        {stats.flagged.length === 0 ? <Text c="dimmed">{t('learn.noFlagged')}</Text> : null}
        <Stack gap="xs">
          {stats.flagged.map((service) => (
            <Card key={service.serviceId} withBorder padding="sm" data-testid="flagged-service">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} miw={0}>
                  <Text fw={700}>{service.serviceName}</Text>
                  <Text fz="sm">{service.organisationName}</Text>
                </Stack>
                <Group gap={4} justify="flex-end">
                  {service.flags.map((flag) => (
                    <Tag key={flag} tone={flag === 'saturated' ? 'orange' : 'red'}>
                      {t(`learn.flags.${flag}`)}
                    </Tag>
                  ))}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      </Section>

      <Section title={t('learn.reasons')}>
        {totals.failureReasons.length === 0 ? <Text c="dimmed">{t('learn.noReason')}</Text> : null}
        <Stack gap={6}>
          {totals.failureReasons.map((row) => (
            <Bar
              key={row.reason}
              label={t(`failureReason.${row.reason}`)}
              share={row.count === '<5' ? null : countValue(row.count) / maxReasons}
              value={count(row.count)}
            />
          ))}
        </Stack>
      </Section>

      <Section title={t('learn.byService')}>
        <Text fz="sm" c="dimmed">
          {t('learn.legend')}
        </Text>
        <Stack gap="xs" data-testid="stats-by-service">
          {stats.byService.map((row) => (
            <Row key={row.serviceId} name={row.serviceName} detail={row.organisationName} figures={row} />
          ))}
        </Stack>
      </Section>

      <Section title={t('learn.byNeed')}>
        <Stack gap="xs" data-testid="stats-by-need">
          {stats.byNeed.map((row) => (
            <Row key={row.need} name={row.label[language]} figures={row} />
          ))}
        </Stack>
      </Section>
    </>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function rate(figures: Figures, t: T): string {
  return figures.connectionRate === null || figures.rateSuppressed
    ? t('learn.tooFew')
    : t('learn.rateValue', { value: Math.round(figures.connectionRate * 100) });
}

function median(figures: Figures, t: T, language: 'fr' | 'en'): string {
  return figures.medianDaysToConnection === null || figures.medianSuppressed
    ? t('learn.tooFew')
    : t('learn.days', {
        count: figures.medianDaysToConnection,
        value: new Intl.NumberFormat(language === 'en' ? 'en-CA' : 'fr-CA', { maximumFractionDigits: 1 }).format(
          figures.medianDaysToConnection,
        ),
      });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="xl">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text fz="sm">{label}</Text>
      <Text fz={26} fw={800} lh={1.2}>
        {value}
      </Text>
    </Card>
  );
}

/** A horizontal bar; a suppressed value draws no length, only its "<5". */
function Bar({ label, share, value }: { label: string; share: number | null; value: string }) {
  return (
    <Box>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fz="sm">{label}</Text>
        <Text fz="sm" fw={700}>
          {value}
        </Text>
      </Group>
      <Meter share={share} />
    </Box>
  );
}

function Meter({ share }: { share: number | null }) {
  return (
    <Box h={12} bg="gray.2" style={{ borderRadius: 6, overflow: 'hidden' }} aria-hidden>
      {share === null ? (
        <Box
          h="100%"
          w="100%"
          style={{
            background: 'repeating-linear-gradient(45deg, transparent 0 6px, var(--mantine-color-gray-4) 6px 9px)',
          }}
        />
      ) : (
        <Box h="100%" w={`${Math.round(share * 100)}%`} bg="relais.7" />
      )}
    </Box>
  );
}

/** A service or a need: its connection-rate bar and referral count; tap for every number. */
function Row({ name, detail, figures }: { name: string; detail?: string; figures: Figures }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const shown = figures.connectionRate === null || figures.rateSuppressed ? null : figures.connectionRate;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="stats-row">
      <UnstyledButton
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-label={t('learn.showFigures', { name })}
        w="100%"
        mih={44}
      >
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0} miw={0}>
            <Text fw={700}>{name}</Text>
            {detail ? <Text fz="sm">{detail}</Text> : null}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Text fw={700} fz="lg">
              {count(figures.referred)}
            </Text>
            {open ? <IconChevronUp size={18} aria-hidden /> : <IconChevronDown size={18} aria-hidden />}
          </Group>
        </Group>
        <Group gap="xs" wrap="nowrap" mt={4}>
          <Box style={{ flex: 1 }}>
            <Meter share={shown} />
          </Box>
          <Text fz="sm" w={72} ta="right">
            {rate(figures, t)}
          </Text>
        </Group>
      </UnstyledButton>
      {open ? (
        <Table mt="sm" fz="sm" data-testid="stats-figures">
          <Table.Tbody>
            <Line label={t('learn.referred')} value={count(figures.referred)} />
            <Line label={t('learn.connected')} value={count(figures.connected)} />
            <Line label={t('learn.failed')} value={count(figures.failed)} />
            <Line label={t('learn.expired')} value={count(figures.expired)} />
            <Line label={t('learn.open')} value={count(figures.open)} />
            <Line label={t('learn.rate')} value={rate(figures, t)} />
            <Line label={t('learn.median')} value={median(figures, t, language)} />
            {figures.failureReasons.map((row) => (
              <Line key={row.reason} label={t(`failureReason.${row.reason}`)} value={count(row.count)} />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {label}
      </Table.Th>
      <Table.Td ta="right" fw={700}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
