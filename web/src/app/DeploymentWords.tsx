import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionQuery, settingsQuery } from '../api/session.ts';
import { applyDefaultLanguage, applyVocabulary, chooseLanguage } from '../i18n/index.ts';

/**
 * Keeps the words on screen in step with the deployment (vocabulary preset, default language) and
 * with the signed-in user's own language. Renders nothing.
 */
export function DeploymentWords() {
  const settings = useQuery(settingsQuery).data;
  const userLanguage = useQuery(sessionQuery).data?.user?.language;

  useEffect(() => {
    if (settings) applyVocabulary(settings.vocabulary);
  }, [settings]);

  useEffect(() => {
    if (userLanguage) chooseLanguage(userLanguage);
    else if (settings) applyDefaultLanguage(settings.defaultLanguage);
  }, [userLanguage, settings]);

  return null;
}
