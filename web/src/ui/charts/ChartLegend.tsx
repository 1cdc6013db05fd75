import { Group, Text } from '@mantine/core';
import { colourOf } from './palette.ts';

/** The colour key under a chart with several series; one series needs none. */
export function ChartLegend({ labels }: { labels: string[] }) {
  if (labels.length < 2) return null;
  return (
    <Group gap="sm" mt={4}>
      {labels.map((label, index) => (
        <Group key={label} gap={6} wrap="nowrap">
          <span
            aria-hidden
            style={{ width: 14, height: 14, borderRadius: 3, background: colourOf(index), display: 'inline-block' }}
          />
          <Text fz="sm">{label}</Text>
        </Group>
      ))}
    </Group>
  );
}
