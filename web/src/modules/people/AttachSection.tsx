import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { attachEncounter } from '../fieldwork/actions.ts';
import { referenceQuery, termLabel } from '../fieldwork/data.ts';
import { anonymousEncountersQuery } from './data.ts';
import { Section } from './Section.tsx';

/** A contact logged as anonymous turns out to be this person: attach it to their record. */
export function AttachSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const [attached, setAttached] = useState<string[]>([]);
  const encounters = useQuery({ ...anonymousEncountersQuery, enabled: open });
  const reference = useQuery(referenceQuery);
  const candidates = (encounters.data ?? []).filter((encounter) => !attached.includes(encounter.id));
  return (
    <Section title={t('person.attachTitle')}>
      <Stack gap="sm">
        <Text>{t('person.attachText')}</Text>
        {!open ? (
          <Button
            styles={wrappingButton}
            variant="light"
            onClick={() => setOpen(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('person.attachShow')}
          </Button>
        ) : encounters.isPending ? (
          <Text c="dimmed">{t('common.loading')}</Text>
        ) : candidates.length === 0 ? (
          <Text c="dimmed">{t('person.attachNone')}</Text>
        ) : (
          candidates.map((encounter) => (
            <Card key={encounter.id} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0}>
                  <Text fw={600}>{formatWhen(encounter.occurredAt, language)}</Text>
                  <Text fz="sm">
                    {encounter.needs.map((code) => termLabel(reference.data, 'need', code, language)).join(' · ') ||
                      t('day.noDetail')}
                  </Text>
                </Stack>
                <Button
                  variant="light"
                  onClick={() =>
                    void attachEncounter(encounter.id, personId, encounter.version).then(() =>
                      setAttached([...attached, encounter.id]),
                    )
                  }
                  aria-label={t('person.attachLabel', { when: formatWhen(encounter.occurredAt, language) })}
                >
                  {t('person.attach')}
                </Button>
              </Group>
            </Card>
          ))
        )}
        {attached.length ? <Text role="status">{t('person.attached', { count: attached.length })}</Text> : null}
      </Stack>
    </Section>
  );
}
