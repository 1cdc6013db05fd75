import { Box, Button, Checkbox, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import type { NetworkNode } from './data.ts';
import { communityColour, isolatedColour } from './graph-style.ts';

type SortKey = 'name' | 'degree' | 'betweenness' | 'closeness' | 'community';
const numericKeys: SortKey[] = ['degree', 'betweenness', 'closeness', 'community'];
const pageSize = 50;

/**
 * The numbers behind the picture, one actor a row: sortable, narrowed to isolated or bridging
 * actors. Also the whole page when WebGL is missing. A name selects the actor on the graph.
 */
export function MetricsTable({
  nodes,
  selectedId,
  onSelect,
}: {
  nodes: NetworkNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'betweenness', descending: true });
  const [onlyIsolated, setOnlyIsolated] = useState(false);
  const [onlyBridging, setOnlyBridging] = useState(false);
  const [shown, setShown] = useState(pageSize);
  const number = useMemo(
    () => new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 3 }),
    [language],
  );
  const rows = useMemo(() => {
    const kept = nodes.filter((node) => (!onlyIsolated || node.isolated) && (!onlyBridging || node.bridging));
    const direction = sort.descending ? -1 : 1;
    return kept.sort((a, b) => {
      const order =
        sort.key === 'name'
          ? a.name.localeCompare(b.name, language, { numeric: true })
          : (a[sort.key] as number) - (b[sort.key] as number);
      return order * direction || a.name.localeCompare(b.name, language, { numeric: true });
    });
  }, [nodes, onlyIsolated, onlyBridging, sort, language]);

  const header = (key: SortKey) => {
    const active = sort.key === key;
    const Icon = active ? (sort.descending ? IconSortDescending : IconSortAscending) : IconArrowsSort;
    return (
      <Table.Th
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
        ta={numericKeys.includes(key) ? 'right' : undefined}
      >
        <UnstyledButton
          onClick={() =>
            setSort(
              active
                ? { key, descending: !sort.descending }
                : { key, descending: key !== 'name' && key !== 'community' },
            )
          }
          fw={700}
          fz="sm"
          mih={32}
        >
          <Group gap={4} wrap="nowrap">
            {t(`network.metric.${key}`)}
            <Icon size={16} aria-hidden />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="metrics-title">
      <Text component="h2" id="metrics-title" fz="xl" fw={700} m={0}>
        {t('network.metricsTitle')}
      </Text>
      <Text fz="sm" c="dimmed">
        {t('network.metricsHelp')}
      </Text>
      <Group gap="lg">
        <Checkbox
          label={t('network.onlyBridging')}
          checked={onlyBridging}
          onChange={(event) => setOnlyBridging(event.currentTarget.checked)}
        />
        <Checkbox
          label={t('network.onlyIsolated')}
          checked={onlyIsolated}
          onChange={(event) => setOnlyIsolated(event.currentTarget.checked)}
        />
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover data-testid="metrics-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              {header('name')}
              {header('degree')}
              {header('betweenness')}
              {header('closeness')}
              {header('community')}
              <Table.Th>{t('network.marks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shown).map((node) => (
              <Table.Tr
                key={node.id}
                data-selected={node.id === selectedId || undefined}
                bg={node.id === selectedId ? 'yellow.0' : undefined}
              >
                <Table.Td>
                  <Stack gap={0}>
                    <UnstyledButton
                      onClick={() => onSelect(node.id)}
                      fw={600}
                      td="underline"
                      aria-label={t('network.showOnGraph', { name: node.name })}
                    >
                      {node.name}
                    </UnstyledButton>
                    <Text fz="xs" c="dimmed">
                      {t(`actorCategory.${node.category}`, { defaultValue: node.category })}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td ta="right">{node.degree}</Table.Td>
                <Table.Td ta="right">{number.format(node.betweenness)}</Table.Td>
                <Table.Td ta="right">{number.format(node.closeness)}</Table.Td>
                <Table.Td ta="right">
                  <Group gap={6} justify="flex-end" wrap="nowrap">
                    <Box
                      w={12}
                      h={12}
                      style={{
                        borderRadius: 6,
                        background: node.isolated ? isolatedColour : communityColour(node.community),
                      }}
                      aria-hidden
                    />
                    {node.community + 1}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {node.bridging ? <Tag tone="grape">{t('network.bridging')}</Tag> : null}
                    {node.isolated ? <Tag tone="gray">{t('network.isolated')}</Tag> : null}
                    <RouterAnchor to="/directory/actors/$actorId" params={{ actorId: node.id }} fz="sm">
                      {t('network.actorPage')}
                    </RouterAnchor>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? <Text c="dimmed">{t('network.noRows')}</Text> : null}
      {rows.length > shown ? (
        <Button variant="light" onClick={() => setShown(shown + pageSize)} style={{ alignSelf: 'flex-start' }}>
          {t('network.showMore', { count: rows.length - shown })}
        </Button>
      ) : null}
    </Stack>
  );
}
