import { Button, Card, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, PersonSummary } from '../../../../core/contracts/people.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { peopleSearchQuery } from './data.ts';
import { Section } from './Section.tsx';
import { usePersonCall } from './use-person-call.ts';

/** Two records for one human being: the other one is absorbed into this one, no encounter lost. */
export function MergeSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const found = useQuery({ ...peopleSearchQuery(search.trim()), enabled: search.trim().length >= 2 });
  const merge = usePersonCall(person.id, (absorbedId: string) =>
    api.post<Person>(`/people/${person.id}/merge`, { absorbedId }),
  );
  const failure = useApiError(merge.error, []);
  const candidates = (found.data?.items ?? []).filter((candidate) => candidate.id !== person.id);
  return (
    <Section title={t('person.mergeTitle')}>
      <Stack gap="sm">
        <Text>{t('person.mergeText', { nickname: person.nickname })}</Text>
        <TextInput
          type="search"
          label={t('person.mergeSearch')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {merge.isSuccess ? <Text role="status">{t('person.merged')}</Text> : null}
        {candidates.map((candidate) => (
          <Card key={candidate.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{candidate.nickname}</Text>
              <Button
                variant="light"
                onClick={() => setChosen(candidate)}
                aria-label={t('person.mergeChooseLabel', { nickname: candidate.nickname })}
              >
                {t('person.mergeChoose')}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <Modal
        opened={chosen !== null}
        onClose={() => setChosen(null)}
        title={t('person.mergeConfirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack gap="sm">
          <FormAlert message={failure.general} />
          <Text>{t('person.mergeConfirmText', { absorbed: chosen?.nickname ?? '', survivor: person.nickname })}</Text>
          <Group>
            <Button
              color="red.8"
              loading={merge.isPending}
              onClick={() =>
                chosen &&
                merge.mutate(chosen.id, {
                  onSuccess: () => {
                    setChosen(null);
                    setSearch('');
                  },
                })
              }
            >
              {t('person.mergeYes')}
            </Button>
            <Button variant="default" onClick={() => setChosen(null)}>
              {t('sync.cancel')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Section>
  );
}
