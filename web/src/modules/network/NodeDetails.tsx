import { Card, CloseButton, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import type { NetworkNode } from './data.ts';

/** The actor hovered or tapped on the graph: who it is, its numbers, the way to its page. */
export function NodeDetails({ node, onClose }: { node: NetworkNode; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const number = new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: 3 });
  return (
    <Card withBorder padding="sm" radius="md" data-testid="node-details" aria-live="polite">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text fw={700} fz="lg">
            {node.name}
          </Text>
          <Text fz="sm" c="dimmed">
            {[t(`actorKind.${node.kind}`), t(`actorCategory.${node.category}`, { defaultValue: node.category })].join(
              ' · ',
            )}
          </Text>
        </Stack>
        <CloseButton onClick={onClose} aria-label={t('common.close')} size="lg" />
      </Group>
      <Group gap={4} mt={6}>
        {node.bridging ? <Tag tone="grape">{t('network.bridging')}</Tag> : null}
        {node.isolated ? <Tag tone="gray">{t('network.isolated')}</Tag> : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs" spacing="xs">
        <Figure label={t('network.metric.degree')} value={String(node.degree)} />
        <Figure label={t('network.metric.betweenness')} value={number.format(node.betweenness)} />
        <Figure label={t('network.metric.closeness')} value={number.format(node.closeness)} />
        <Figure label={t('network.metric.community')} value={String(node.community + 1)} />
      </SimpleGrid>
      <RouterAnchor to="/directory/actors/$actorId" params={{ actorId: node.id }} mt="xs" fw={600}>
        {t('network.openActor', { name: node.name })}
      </RouterAnchor>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
    </Stack>
  );
}
