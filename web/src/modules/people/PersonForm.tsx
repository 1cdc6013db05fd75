import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/contracts/people.ts';
import { ageBands, households } from '../../../../core/fieldwork.ts';
import { type PersonChanges, updatePerson } from '../fieldwork/actions.ts';
import { Section } from './Section.tsx';

type Values = { nickname: string; ageBand: string; gender: string; household: string; languages: string };

function valuesOf(person: Person): Values {
  return {
    nickname: person.nickname,
    ageBand: person.ageBand ?? '',
    gender: person.gender ?? '',
    household: person.household ?? '',
    languages: person.languages.join(', '),
  };
}

/** What the team knows without consent: nickname, age band, gender as said, household, languages. */
export function PersonForm({ person, serverVersion }: { person: Person; serverVersion: number }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(() => valuesOf(person));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const initial = valuesOf(person);
  const set = (key: keyof Values, value: string) => setValues({ ...values, [key]: value });

  const save = async () => {
    const changes: PersonChanges = {};
    if (values.nickname.trim() !== initial.nickname) changes.nickname = values.nickname.trim();
    if (values.ageBand !== initial.ageBand) changes.ageBand = (values.ageBand || null) as Person['ageBand'];
    if (values.gender.trim() !== initial.gender) changes.gender = values.gender.trim() || null;
    if (values.household !== initial.household) changes.household = (values.household || null) as Person['household'];
    if (values.languages !== initial.languages)
      changes.languages = values.languages
        .split(',')
        .map((language) => language.trim())
        .filter(Boolean);
    if (Object.keys(changes).length === 0) return;
    await updatePerson(person.id, serverVersion, changes);
    setSavedAt(new Date().toISOString());
  };

  return (
    <Section title={t('person.aboutTitle')}>
      <Stack gap="sm">
        <TextInput
          label={t('contact.nickname')}
          value={values.nickname}
          maxLength={80}
          required
          onChange={(event) => set('nickname', event.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('contact.ageBand')}
            value={values.ageBand}
            onChange={(event) => set('ageBand', event.currentTarget.value)}
            data={[
              { value: '', label: t('contact.notSaid') },
              ...ageBands.map((band) => ({ value: band, label: t(`ageBands.${band}`) })),
            ]}
          />
          <NativeSelect
            label={t('person.household')}
            value={values.household}
            onChange={(event) => set('household', event.currentTarget.value)}
            data={[
              { value: '', label: t('contact.notSaid') },
              ...households.map((household) => ({ value: household, label: t(`households.${household}`) })),
            ]}
          />
        </SimpleGrid>
        <TextInput
          label={t('contact.gender')}
          description={t('contact.genderHelp')}
          value={values.gender}
          maxLength={40}
          onChange={(event) => set('gender', event.currentTarget.value)}
        />
        <TextInput
          label={t('person.languages')}
          description={t('person.languagesHelp')}
          value={values.languages}
          onChange={(event) => set('languages', event.currentTarget.value)}
        />
        <Group>
          <Button onClick={() => void save()} disabled={!values.nickname.trim()}>
            {t('common.save')}
          </Button>
          {savedAt ? (
            <span role="status" data-testid="person-saved">
              {t('person.savedLocally')}
            </span>
          ) : null}
        </Group>
      </Stack>
    </Section>
  );
}
