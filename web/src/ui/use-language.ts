import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/localized.ts';

export function useLanguage(): Language {
  return useTranslation().i18n.language === 'en' ? 'en' : 'fr';
}
