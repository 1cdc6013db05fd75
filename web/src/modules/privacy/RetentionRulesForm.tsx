import { Button, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionKind, RetentionSettings } from '../../../../core/contracts/retention.ts';
import { FormCard } from '../../ui/FormCard.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { retentionKey, saveRetentionRules } from './retention-data.ts';

const hours = Array.from({ length: 24 }, (_, hour) => String(hour));

/** One number per rule, in its own unit, with its default and bounds under it; and the purge hour. */
export function RetentionRulesForm({ settings }: { settings: RetentionSettings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [amounts, setAmounts] = useState<Record<string, number | ''>>(
    Object.fromEntries(settings.rules.map((rule) => [rule.kind, rule.amount])),
  );
  const [purgeHour, setPurgeHour] = useState(String(settings.purgeHour));
  const save = useMutation({
    mutationFn: () =>
      saveRetentionRules({
        rules: Object.fromEntries(
          settings.rules.map((rule) => [
            rule.kind,
            amounts[rule.kind] === '' ? Number.NaN : Number(amounts[rule.kind]),
          ]),
        ) as Record<RetentionKind, number>,
        purgeHour: Number(purgeHour),
      }),
    onSuccess: (saved) => queryClient.setQueryData([...retentionKey, 'rules'], saved),
  });
  const fieldNames = [...settings.rules.map((rule) => `rules.${rule.kind}`), 'purgeHour'];
  const errors = useApiError(save.error, fieldNames);
  return (
    <FormCard
      id="retention-rules"
      title={t('retention.rulesTitle')}
      error={errors.general}
      onSubmit={() => save.mutate()}
    >
      <Stack gap="md">
        {settings.rules.map((rule) => {
          const unit = t(`retention.unit.${rule.unit}`);
          return (
            <NumberInput
              key={rule.kind}
              size="md"
              label={t(`retention.rules.${rule.kind}`)}
              description={t('retention.bounds', { default: rule.defaultAmount, min: rule.min, max: rule.max, unit })}
              rightSection={
                <Text fz="sm" c="dimmed" pr="xs">
                  {unit}
                </Text>
              }
              rightSectionWidth={64}
              min={rule.min}
              max={rule.max}
              allowDecimal={false}
              clampBehavior="none"
              value={amounts[rule.kind]}
              onChange={(value) => setAmounts({ ...amounts, [rule.kind]: value === '' ? '' : Number(value) })}
              error={errors.field(`rules.${rule.kind}`)}
            />
          );
        })}
        <NativeSelect
          size="md"
          label={t('retention.purgeHour')}
          description={t('retention.purgeHourHelp', { zone: settings.timeZone })}
          data={hours.map((hour) => ({ value: hour, label: `${hour.padStart(2, '0')} h 00` }))}
          value={purgeHour}
          onChange={(event) => setPurgeHour(event.currentTarget.value)}
          error={errors.field('purgeHour')}
        />
        <Text fz="sm" c="dimmed">
          {settings.nextPurgeAt
            ? t('retention.nextPurge', { when: formatDateTime(settings.nextPurgeAt, language) })
            : t('retention.noNextPurge')}
        </Text>
        <Button type="submit" size="md" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
        <SavedNotice show={save.isSuccess} />
      </Stack>
    </FormCard>
  );
}
