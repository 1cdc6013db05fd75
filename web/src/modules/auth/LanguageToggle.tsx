import { Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { chooseLanguage } from '../../i18n/index.ts';
import { useLanguage } from '../../ui/use-language.ts';

/** Before sign-in: one tap to the other language, named in that language. */
export function LanguageToggle() {
  const language = useLanguage();
  const other = language === 'fr' ? 'en' : 'fr';
  return (
    <Button
      variant="subtle"
      leftSection={<IconLanguage size={20} aria-hidden />}
      lang={other}
      onClick={() => chooseLanguage(other)}
    >
      {other === 'en' ? 'English' : 'Français'}
    </Button>
  );
}
