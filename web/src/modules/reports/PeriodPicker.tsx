import { ActionIcon, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type PeriodChoice, resolvePeriod } from '../../../../core/reports/periods.ts';
import { type PeriodType, periodTypes } from '../../../../core/reports/shape.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { choiceOf, shift, today } from './period.ts';

/**
 * The period of a report: its kind (fiscal year from 1 April, calendar year, quarter, month, or
 * any days), then the one shown, stepped with the arrows like the pages of a diary.
 */
export function PeriodPicker({ choice, onChange }: { choice: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const changeType = (type: PeriodType) => onChange(choiceOf({ periodType: type }, type, today()));
  return (
    <Stack gap="xs">
      <NativeSelect
        label={t('reports.period.type')}
        value={choice.type}
        onChange={(event) => changeType(event.currentTarget.value as PeriodType)}
        data={periodTypes.map((type) => ({ value: type, label: t(`reports.period.types.${type}`) }))}
      />
      {choice.type === 'custom' ? (
        <Group grow gap="sm">
          <TextInput
            type="date"
            label={t('reports.period.from')}
            value={choice.from}
            onChange={(event) => event.currentTarget.value && onChange({ ...choice, from: event.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('reports.period.to')}
            value={choice.to}
            onChange={(event) => event.currentTarget.value && onChange({ ...choice, to: event.currentTarget.value })}
          />
        </Group>
      ) : (
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <ActionIcon
            variant="default"
            aria-label={t('reports.period.previous')}
            onClick={() => onChange(shift(choice, -1))}
          >
            <IconChevronLeft aria-hidden />
          </ActionIcon>
          <Text fw={700} ta="center" data-testid="period-label">
            {resolvePeriod(choice).label[language]}
          </Text>
          <ActionIcon
            variant="default"
            aria-label={t('reports.period.next')}
            onClick={() => onChange(shift(choice, 1))}
          >
            <IconChevronRight aria-hidden />
          </ActionIcon>
        </Group>
      )}
    </Stack>
  );
}
