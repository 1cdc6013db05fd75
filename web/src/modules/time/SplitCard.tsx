import { Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { missions, type TimeCategory, timeCategories } from '../../../../core/collective.ts';
import type { TimeAgreement, WorkerSplit } from '../../../../core/contracts/time.ts';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { categoryColours, formatMinutes } from './data.ts';

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** What was agreed, as shares of the whole time: by mission when set, else host partner / neighbourhood. */
function agreedShares(agreed: TimeAgreement): { key: TimeCategory | 'neighbourhood'; value: number }[] {
  const host = { key: 'hostPartner' as const, value: agreed.hostPartnerPercent };
  if (agreed.missionPercents)
    return [...missions.map((m) => ({ key: m, value: agreed.missionPercents?.[m] ?? 0 })), host];
  return [{ key: 'neighbourhood', value: 100 - agreed.hostPartnerPercent }, host];
}

/**
 * One worker's period: a stacked bar of what they did by mission and host partner, the agreed
 * bar under it, then the figures (hours and shares), and the time flagged outside the mandate.
 */
export function SplitCard({ split }: { split: WorkerSplit }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = split.totalMinutes;
  const label = (key: TimeCategory | 'neighbourhood') =>
    key === 'neighbourhood' ? t('time.neighbourhood') : t(`time.short.${key}`);
  const actualParts = timeCategories
    .filter((c) => split.minutes[c] > 0)
    .map((c) => `${label(c)} ${percent(split.minutes[c], total)} %`)
    .join(', ');
  const agreed = split.agreed;
  const neighbourhoodMinutes = total - split.minutes.hostPartner;
  return (
    <Card withBorder radius="md" padding="md" data-testid="worker-split">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={3} fz="lg">
            {split.name}
          </Title>
          <Text fw={600}>{t('time.split.total', { hours: formatMinutes(total) })}</Text>
        </Group>
        {total === 0 ? (
          <Text c="dimmed">{t('time.split.nothing')}</Text>
        ) : (
          <Stack gap={4}>
            <Text fz="sm" fw={600}>
              {t('time.split.actual')}
            </Text>
            <Progress.Root size={28} title={t('time.split.barLabel', { name: split.name, parts: actualParts })}>
              {timeCategories.map((c) =>
                split.minutes[c] > 0 ? (
                  <Progress.Section
                    key={c}
                    value={(split.minutes[c] / total) * 100}
                    color={categoryColours[c]}
                    aria-label={`${t('time.split.actual')} — ${label(c)} ${percent(split.minutes[c], total)} %`}
                  />
                ) : null,
              )}
            </Progress.Root>
          </Stack>
        )}
        {agreed ? (
          <Stack gap={4}>
            <Text fz="sm" fw={600}>
              {t('time.split.agreed')} ({t('time.split.since', { date: formatDay(agreed.effectiveFrom, language) })})
            </Text>
            <Progress.Root size={14}>
              {agreedShares(agreed).map((s) => (
                <Progress.Section
                  key={s.key}
                  value={s.value}
                  color={s.key === 'neighbourhood' ? 'teal.7' : categoryColours[s.key]}
                  style={{ opacity: 0.75 }}
                  aria-label={`${t('time.split.agreed')} — ${label(s.key)} ${s.value} %`}
                />
              ))}
            </Progress.Root>
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('time.split.noAgreement')}
          </Text>
        )}
        {total > 0 ? (
          <Table fz="sm" verticalSpacing={4} horizontalSpacing={4}>
            <Table.Tbody>
              {timeCategories.map((c) => (
                <Table.Tr key={c}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Swatch colour={categoryColours[c]} />
                      {t(`time.short.${c}`)}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatMinutes(split.minutes[c])}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {percent(split.minutes[c], total)} %
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Swatch colour="teal.7" />
                    {t('time.neighbourhood')}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{formatMinutes(neighbourhoodMinutes)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {percent(neighbourhoodMinutes, total)} %{agreed ? ` / ${100 - agreed.hostPartnerPercent} %` : ''}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : null}
        {split.outsideMandateMinutes > 0 ? (
          <div>
            <Tag tone="orange">
              {t('time.split.outside', {
                hours: formatMinutes(split.outsideMandateMinutes),
                percent: percent(split.outsideMandateMinutes, total),
              })}
            </Tag>
          </div>
        ) : null}
      </Stack>
    </Card>
  );
}

function Swatch({ colour }: { colour: string }) {
  const [name, shade] = colour.split('.');
  return (
    <span
      aria-hidden
      style={{
        width: 12,
        height: 12,
        borderRadius: 3,
        flexShrink: 0,
        background: `var(--mantine-color-${name}-${shade})`,
      }}
    />
  );
}
