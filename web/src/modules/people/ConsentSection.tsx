import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/contracts/people.ts';
import { type ConsentScope, consentScopes } from '../../../../core/fieldwork.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { Section } from './Section.tsx';
import { usePersonCall } from './use-person-call.ts';

type Identity = { firstName: string; lastName: string; phone: string; email: string };
const identityKeys = ['firstName', 'lastName', 'phone', 'email'] as const;

function identityOf(person: Person): Identity {
  return {
    firstName: person.identity?.firstName ?? '',
    lastName: person.identity?.lastName ?? '',
    phone: person.identity?.phone ?? '',
    email: person.identity?.email ?? '',
  };
}

/**
 * Identity exists only under a recorded consent: the fields are not even shown before. Withdrawing
 * erases them. Needs the network: consent is recorded on the server, by whom and when.
 */
export function ConsentSection({ person, online }: { person: Person; online: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<'view' | 'record' | 'edit' | 'withdraw'>('view');
  const [scope, setScope] = useState<ConsentScope>('identity');
  const [identity, setIdentity] = useState<Identity>(() => identityOf(person));
  const filled = () =>
    Object.fromEntries(identityKeys.map((key) => [key, identity[key].trim() || null])) as Record<string, string | null>;

  const record = usePersonCall(person.id, () =>
    api.post<Person>(`/people/${person.id}/consent`, { scope, baseVersion: person.version, ...filled() }),
  );
  const edit = usePersonCall(person.id, () =>
    api.patch<Person>(`/people/${person.id}`, { baseVersion: person.version, ...filled() }),
  );
  const withdraw = usePersonCall(person.id, () =>
    api.post<Person>(`/people/${person.id}/consent/withdraw`, { baseVersion: person.version }),
  );
  const failure = useApiError(record.error ?? edit.error ?? withdraw.error, identityKeys);
  const done = () => setMode('view');
  const fields = (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      {identityKeys.map((key) => (
        <TextInput
          key={key}
          label={t(`person.identity.${key}`)}
          type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
          value={identity[key]}
          error={failure.field(key)}
          onChange={(event) => setIdentity({ ...identity, [key]: event.currentTarget.value })}
        />
      ))}
    </SimpleGrid>
  );

  return (
    <Section title={t('person.consentTitle')}>
      <Stack gap="sm">
        <FormAlert message={failure.general} />
        {!online ? <Text c="dimmed">{t('person.consentNeedsNetwork')}</Text> : null}
        {person.consent ? (
          <>
            <Text>
              {t('person.consentGiven', {
                date: formatDay(person.consent.givenAt, language),
                scope: t(`person.scope.${person.consent.scope}`),
              })}
            </Text>
            {mode === 'edit' ? (
              <>
                {fields}
                <Group>
                  <Button onClick={() => edit.mutate(undefined, { onSuccess: done })} loading={edit.isPending}>
                    {t('common.save')}
                  </Button>
                  <Button variant="default" onClick={done}>
                    {t('sync.cancel')}
                  </Button>
                </Group>
              </>
            ) : (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4}>
                {identityKeys.map((key) => (
                  <Text key={key}>
                    <Text component="span" fw={600}>
                      {t(`person.identity.${key}`)} :
                    </Text>{' '}
                    {person.identity?.[key] ?? '—'}
                  </Text>
                ))}
              </SimpleGrid>
            )}
            {mode === 'withdraw' ? (
              <Alert color="red" variant="light">
                <Stack gap="xs">
                  <Text>{t('person.withdrawConfirm')}</Text>
                  <Group>
                    <Button
                      color="red.8"
                      onClick={() => withdraw.mutate(undefined, { onSuccess: done })}
                      loading={withdraw.isPending}
                    >
                      {t('person.withdrawYes')}
                    </Button>
                    <Button variant="default" onClick={done}>
                      {t('sync.cancel')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : null}
            {mode === 'view' && online ? (
              <Group>
                <Button variant="light" onClick={() => setMode('edit')}>
                  {t('person.editIdentity')}
                </Button>
                <Button variant="subtle" color="red" onClick={() => setMode('withdraw')}>
                  {t('person.withdraw')}
                </Button>
              </Group>
            ) : null}
          </>
        ) : mode === 'record' ? (
          <>
            <Radio.Group
              label={t('person.scopeLabel')}
              value={scope}
              onChange={(value) => setScope(value as ConsentScope)}
            >
              <Stack gap="xs" mt="xs">
                {consentScopes.map((candidate) => (
                  <Radio key={candidate} value={candidate} label={t(`person.scope.${candidate}`)} size="md" />
                ))}
              </Stack>
            </Radio.Group>
            {fields}
            <Group>
              <Button onClick={() => record.mutate(undefined, { onSuccess: done })} loading={record.isPending}>
                {t('person.recordConsent')}
              </Button>
              <Button variant="default" onClick={done}>
                {t('sync.cancel')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text>{person.consentWithdrawnAt ? t('person.consentWithdrawn') : t('person.noConsent')}</Text>
            {online ? (
              <Button
                styles={wrappingButton}
                variant="light"
                onClick={() => setMode('record')}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('person.recordConsent')}
              </Button>
            ) : null}
          </>
        )}
      </Stack>
    </Section>
  );
}
