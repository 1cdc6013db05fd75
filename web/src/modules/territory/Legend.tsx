import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../core/contracts/territory.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { formatNumber } from './format.ts';
import { fillOf } from './map/colors.ts';
import { noValueFill } from './map/map-layers.ts';

function Swatch({ color, border }: { color: string; border?: string }) {
  return (
    <Box
      aria-hidden
      w={22}
      h={16}
      style={{ background: color, border: border ?? '1px solid #5f5a50', borderRadius: 3, flexShrink: 0 }}
    />
  );
}

/** The classes of the map with their numbers ("31 000 à 41 000"), darkest for more need. */
export function QuintileLegend({ indicator, breaks }: { indicator: Indicator; breaks: number[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const classes = [...breaks.map((_, index) => index), breaks.length].map((index) => {
    const representative =
      index === 0 ? (breaks[0] ?? 0) : index === breaks.length ? Number.POSITIVE_INFINITY : breaks[index]!;
    const range =
      breaks.length === 0
        ? t('territory.legend.all')
        : index === 0
          ? t('territory.legend.upTo', { value: n(breaks[0]!) })
          : index === breaks.length
            ? t('territory.legend.above', { value: n(breaks[index - 1]!) })
            : t('territory.legend.between', { from: n(breaks[index - 1]!), to: n(breaks[index]!) });
    return { color: fillOf(representative, breaks, indicator.need), range };
  });
  return (
    <Stack gap={6} component="figure" m={0} aria-label={t('territory.legend.title')}>
      <Text fz="sm" fw={700} component="figcaption">
        {indicator.unit ? t('territory.legend.titleWithUnit', { unit: indicator.unit }) : t('territory.legend.title')}
      </Text>
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {classes.map((entry) => (
          <Group component="li" key={entry.range} gap="xs" wrap="nowrap">
            <Swatch color={entry.color} />
            <Text fz="sm">{entry.range}</Text>
          </Group>
        ))}
        <Group component="li" gap="xs" wrap="nowrap">
          <Swatch color={noValueFill} />
          <Text fz="sm">{t('territory.legend.noValue')}</Text>
        </Group>
      </Stack>
      <Text fz="xs" c="dimmed">
        {indicator.need ? t(`territory.legend.need.${indicator.need}`) : t('territory.legend.need.none')}
      </Text>
    </Stack>
  );
}

/** A line of the legend for what is drawn over the classes (outlines, places, a zone). */
export function LegendLine({ color, label, line }: { color: string; label: string; line?: 'dashed' | 'solid' }) {
  return (
    <Group gap="xs" wrap="nowrap">
      {line ? (
        <Box aria-hidden w={22} h={0} style={{ borderTop: `3px ${line} ${color}`, flexShrink: 0 }} />
      ) : (
        <Box
          aria-hidden
          w={14}
          h={14}
          style={{ background: color, borderRadius: 99, border: '2px solid white', outline: '1px solid #999' }}
        />
      )}
      <Text fz="sm">{label}</Text>
    </Group>
  );
}
