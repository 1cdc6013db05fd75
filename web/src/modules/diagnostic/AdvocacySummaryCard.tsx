import { Button, Card, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../ui/use-language.ts';
import { advocacySummaryUrl } from './data.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The anonymous summary for partners: a period (the last twelve months by default) and two downloads. */
export function AdvocacySummaryCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = new Date();
  const [to, setTo] = useState(isoDay(today));
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 364 * 86_400_000)));
  const valid = Boolean(from && to && from <= to);
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('advocacy.summary.title')}
        </Title>
        <Text fz="sm">{t('advocacy.summary.help')}</Text>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            size="md"
            type="date"
            label={t('advocacy.summary.from')}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <TextInput
            size="md"
            type="date"
            label={t('advocacy.summary.to')}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={from && to && from > to ? t('advocacy.summary.from') : undefined}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {(['pdf', 'csv'] as const).map((format) => (
            <Button
              key={format}
              size="md"
              variant={format === 'pdf' ? 'filled' : 'default'}
              component="a"
              href={valid ? advocacySummaryUrl(format, from, to, language) : undefined}
              download
              data-disabled={!valid || undefined}
              leftSection={<IconDownload size={18} aria-hidden />}
            >
              {t(`advocacy.summary.${format}`)}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
