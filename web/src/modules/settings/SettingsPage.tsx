import { Button, Card, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicSettings } from '../../../../core/contracts/settings.ts';
import type { Language } from '../../../../core/localized.ts';
import { type VocabularyPreset, vocabularyPresets, vocabularyTerms } from '../../../../core/vocabulary.ts';
import { api } from '../../api/client.ts';
import { settingsQuery, usePublicSettings } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';

const fields = ['deploymentName', 'vocabulary', 'defaultLanguage'] as const;

/** Shows a preset by the words it uses, which is what people will see. */
function PresetExample({ preset, language }: { preset: VocabularyPreset; language: Language }) {
  const words = vocabularyTerms[preset][language];
  return <Text fz="sm" c="dimmed">{`${words.worker} · ${words.team} · ${words.person}`}</Text>;
}

function SettingsForm({ settings }: { settings: PublicSettings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [vocabulary, setVocabulary] = useState(settings.vocabulary);
  const [defaultLanguage, setDefaultLanguage] = useState(settings.defaultLanguage);
  const save = useMutation({
    mutationFn: (body: Partial<PublicSettings>) => api.patch<PublicSettings>('/settings', body),
    onSuccess: (saved) => queryClient.setQueryData(settingsQuery.queryKey, saved),
  });
  const errors = useApiError(save.error, fields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const deploymentName = String(new FormData(event.currentTarget).get('deploymentName') ?? '').trim();
    save.mutate({ deploymentName, vocabulary, defaultLanguage });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={640}>
        <FormAlert message={errors.general} />
        <TextInput
          name="deploymentName"
          label={t('settings.deploymentName')}
          description={t('settings.deploymentNameHelp')}
          defaultValue={settings.deploymentName}
          error={errors.field('deploymentName')}
          required
        />
        <Radio.Group
          value={vocabulary}
          onChange={(value) => setVocabulary(value as VocabularyPreset)}
          label={t('settings.vocabulary')}
          description={t('settings.vocabularyHelp')}
          error={errors.field('vocabulary')}
        >
          <Stack gap="sm" mt="sm">
            {vocabularyPresets.map((preset) => (
              <Card key={preset} withBorder padding="sm" radius="md">
                <Radio
                  value={preset}
                  size="md"
                  label={t(`settings.presets.${preset}`)}
                  description={<PresetExample preset={preset} language={language} />}
                />
              </Card>
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group
          value={defaultLanguage}
          onChange={(value) => setDefaultLanguage(value as Language)}
          label={t('settings.defaultLanguage')}
          description={t('settings.defaultLanguageHelp')}
          error={errors.field('defaultLanguage')}
        >
          <Stack gap="sm" mt="sm">
            <Radio value="fr" label="Français" lang="fr" size="md" />
            <Radio value="en" label="English" lang="en" size="md" />
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('common.save')}
        </Button>
        <SavedNotice show={save.isSuccess} />
      </Stack>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = usePublicSettings();
  return (
    <Stack gap="md">
      <PageTitle title={t('settings.title')} description={t('settings.intro')} />
      {settings ? <SettingsForm settings={settings} /> : <PageLoader />}
    </Stack>
  );
}
