import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../core/localized.ts';
import { chooseLanguage } from '../../i18n/index.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { useUpdateMe } from './use-update-me.ts';

/** Switches at once, and saves the choice on the account. */
export function LanguageSetting() {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdateMe();
  const errors = useApiError(update.error, []);
  const choose = (value: string) => {
    const next = value as Language;
    chooseLanguage(next);
    update.mutate({ language: next });
  };
  return (
    <Stack gap="sm">
      <FormAlert message={errors.general} />
      <Radio.Group value={language} onChange={choose} label={t('account.languageLabel')}>
        <Stack gap="sm" mt="xs">
          <Radio value="fr" label="Français" lang="fr" size="md" />
          <Radio value="en" label="English" lang="en" size="md" />
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
