import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDirectory } from '../../../../core/contracts/directory-search.ts';
import type { Language } from '../../../../core/localized.ts';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { languageName, printQuery } from './data.ts';
import classes from './print.module.css';

const route = getRouteApi('/directory/print');

/** The directory on paper, by need, in French or English: for the local's wall and counter. */
export function PrintPage() {
  const { i18n, t } = useTranslation();
  const { lang } = route.useSearch();
  const navigate = useNavigate();
  const language: Language = lang ?? (i18n.language === 'en' ? 'en' : 'fr');
  const directory = useQuery(printQuery(language));

  useEffect(() => {
    document.title = i18n.getFixedT(language)('printDirectory.title');
  }, [language, i18n]);

  return (
    <main>
      <div className={classes.toolbar}>
        <Group justify="space-between" gap="sm">
          <RouterButton to="/directory" variant="default" leftSection={<IconArrowLeft size={18} aria-hidden />}>
            {t('printDirectory.back')}
          </RouterButton>
          <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            {t('printDirectory.print')}
          </Button>
        </Group>
        <Group mt="sm" gap="sm" align="center">
          <Text fw={600} id="print-language">
            {t('printDirectory.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="print-language"
            value={language}
            onChange={(value) => void navigate({ to: '/directory/print', search: { lang: value as Language } })}
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
      </div>
      {directory.data ? <Sheet directory={directory.data} language={language} /> : <PageLoader />}
    </main>
  );
}

function Sheet({ directory, language }: { directory: PrintableDirectory; language: Language }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const colon = language === 'fr' ? ' : ' : ': ';
  return (
    <article className={classes.sheet} lang={language} data-testid="printable-directory">
      <h1 style={{ fontSize: 24, margin: '0 0 2px' }}>{t('printDirectory.title')}</h1>
      <p style={{ margin: 0 }}>
        {t('printDirectory.subtitle', {
          name: directory.deploymentName,
          date: formatDay(directory.generatedAt, language, 'long'),
        })}
      </p>
      {directory.categories.length === 0 ? <p>{t('printDirectory.empty')}</p> : null}
      {directory.categories.map((category) => (
        <section key={category.code || 'other'}>
          <h2 className={classes.category}>{category.label}</h2>
          <ul className={classes.services}>
            {category.services.map((service) => (
              <li key={service.id} className={classes.service}>
                <p className={classes.name}>
                  {service.name} — {service.organisation}
                </p>
                {service.description ? <p className={classes.muted}>{service.description}</p> : null}
                {service.address ? <p>{service.address}</p> : null}
                {service.phone || service.email ? (
                  <p>{[service.phone, service.email].filter(Boolean).join(' · ')}</p>
                ) : null}
                {service.hours.length ? (
                  <p className={classes.muted}>
                    {t('printDirectory.hours')}
                    {colon}
                    {service.hours.join(' ; ')}
                  </p>
                ) : null}
                <p className={classes.muted}>
                  {[
                    service.free ? t('printDirectory.free') : null,
                    service.availability === 'waitingList'
                      ? service.expectedWaitDays != null
                        ? t('printDirectory.wait', { count: service.expectedWaitDays })
                        : t('printDirectory.waitUnknown')
                      : service.availability !== 'open'
                        ? t(`availability.${service.availability}`)
                        : null,
                    service.languages.length > 1
                      ? t('printDirectory.languages', {
                          list: service.languages.map((code) => languageName(code, language)).join(', '),
                        })
                      : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
