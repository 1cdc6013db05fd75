import { Button, Chip, Collapse, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { derivedTieKinds, tieKinds } from '../../../../core/network.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import { allEdgeKinds, type EdgeKind } from './data.ts';

type FilterValues = { kinds?: EdgeKind[]; neighbourhoodId?: string; derived?: false };

/**
 * What the graph holds: kinds of tie (those entered by hand, those derived from activity), one
 * neighbourhood, and whether derived ties count at all. The dates sit before these (`children`).
 */
export function NetworkFilters({
  values,
  onChange,
  children,
}: {
  values: FilterValues;
  onChange: (next: FilterValues) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  // On a phone the eight kinds fold away, so the graph is on the first screen.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [kindsOpen, setKindsOpen] = useState(wide);
  const derivedOn = values.derived !== false;
  const chosen = values.kinds?.length ? values.kinds : allEdgeKinds;
  const shownCount = chosen.filter((kind) => derivedOn || (tieKinds as readonly string[]).includes(kind)).length;
  const setKinds = (kinds: string[]) => {
    const next = allEdgeKinds.filter((kind) => kinds.includes(kind));
    onChange({ ...values, kinds: next.length === allEdgeKinds.length || next.length === 0 ? undefined : next });
  };
  return (
    <Stack gap="sm" component="section" aria-label={t('network.filters')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        {children}
        <NativeSelect
          label={t('network.neighbourhood')}
          size="md"
          value={values.neighbourhoodId ?? ''}
          onChange={(event) => onChange({ ...values, neighbourhoodId: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('network.allNeighbourhoods') },
            ...(neighbourhoods.data?.items ?? []).map((hood) => ({ value: hood.id, label: hood.name })),
          ]}
          miw={200}
        />
        <Switch
          size="md"
          label={t('network.derivedTies')}
          checked={derivedOn}
          onChange={(event) => onChange({ ...values, derived: event.currentTarget.checked ? undefined : false })}
          mb={8}
        />
      </Group>
      <Button
        variant="subtle"
        size="compact-md"
        onClick={() => setKindsOpen(!kindsOpen)}
        aria-expanded={kindsOpen}
        rightSection={kindsOpen ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('network.kindsShown', { count: shownCount, total: derivedOn ? allEdgeKinds.length : tieKinds.length })}
      </Button>
      <Collapse expanded={kindsOpen}>
        <Chip.Group multiple value={[...chosen]} onChange={setKinds}>
          <Stack gap={6}>
            <Text fz="sm" fw={600} id="hand-kinds">
              {t('network.handKinds')}
            </Text>
            <Group gap={6} role="group" aria-labelledby="hand-kinds">
              {tieKinds.map((kind) => (
                <Chip key={kind} value={kind} size="sm">
                  {t(`network.tieKind.${kind}`)}
                </Chip>
              ))}
            </Group>
            {derivedOn ? (
              <>
                <Text fz="sm" fw={600} id="derived-kinds">
                  {t('network.derivedKinds')}
                </Text>
                <Group gap={6} role="group" aria-labelledby="derived-kinds">
                  {derivedTieKinds.map((kind) => (
                    <Chip key={kind} value={kind} size="sm">
                      {t(`network.tieKind.${kind}`)}
                    </Chip>
                  ))}
                </Group>
              </>
            ) : null}
          </Stack>
        </Chip.Group>
      </Collapse>
    </Stack>
  );
}
