import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralSlip } from '../../../../core/contracts/referrals.ts';
import type { Language } from '../../../../core/localized.ts';
import { ApiError } from '../../api/errors.ts';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { slipQuery } from './data.ts';
import classes from './slip.module.css';

const route = getRouteApi('/referrals/$referralId/slip');

/**
 * The referral slip, in the language the worker chooses for the partner: printed (A5, A6) or shown
 * on the phone. No navigation around it; only what the person agreed to pass on.
 */
export function SlipPage() {
  const { i18n, t } = useTranslation();
  const { referralId } = route.useParams();
  const { lang } = route.useSearch();
  const navigate = useNavigate();
  const language: Language = lang ?? (i18n.language === 'en' ? 'en' : 'fr');
  const slip = useQuery(slipQuery(referralId));

  useEffect(() => {
    if (slip.data) document.title = `${slip.data.slipNumber} · ${i18n.getFixedT(language)('slip.title')}`;
  }, [slip.data, language, i18n]);

  return (
    <main>
      <div className={classes.toolbar}>
        <Group justify="space-between" gap="sm">
          <RouterButton
            to="/referrals/$referralId"
            params={{ referralId }}
            variant="default"
            leftSection={<IconArrowLeft size={18} aria-hidden />}
          >
            {t('slip.back')}
          </RouterButton>
          <Button leftSection={<IconPrinter size={18} aria-hidden />} onClick={() => window.print()}>
            {t('slip.print')}
          </Button>
        </Group>
        <Group mt="sm" gap="sm" align="center">
          <Text fw={600} id="slip-language">
            {t('slip.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="slip-language"
            value={language}
            onChange={(value) =>
              void navigate({
                to: '/referrals/$referralId/slip',
                params: { referralId },
                search: { lang: value as Language },
              })
            }
            data={[
              { value: 'fr', label: 'Français' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
      </div>
      {slip.isPending ? (
        <PageLoader />
      ) : slip.data ? (
        <Slip slip={slip.data} language={language} />
      ) : (
        <div className={classes.sheet}>
          <Text>
            {slip.error instanceof ApiError && slip.error.status === 404
              ? t('referrals.notFoundText')
              : t('common.unexpectedError')}
          </Text>
        </div>
      )}
    </main>
  );
}

function Slip({ slip, language }: { slip: ReferralSlip; language: Language }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const { service } = slip;
  // French puts a space before the colon; English does not.
  const colon = language === 'fr' ? ' : ' : ': ';
  const hours = service.hours.filter((row) => row.weekday || row.description);
  const contact = [service.phone ? t('slip.phone', { phone: service.phone }) : null, service.email, service.url].filter(
    Boolean,
  );
  return (
    <article className={classes.sheet} lang={language} data-testid="referral-slip">
      <h1 style={{ fontSize: 22, margin: '0 0 4px' }}>{t('slip.title')}</h1>
      <p style={{ margin: 0 }}>{t('slip.intro', { team: slip.team.name })}</p>

      <div className={classes.label}>{t('slip.number')}</div>
      <div className={classes.number} data-testid="slip-sheet-number">
        {slip.slipNumber}
      </div>
      <div style={{ marginTop: 4 }}>
        {t('slip.date')}
        {colon}
        {formatDay(slip.referredAt, language)}
      </div>

      <div className={classes.block}>
        <div className={classes.label}>{t('slip.service')}</div>
        <p>
          <strong>{service.name}</strong>
          <br />
          {service.organisationName}
        </p>
        {service.locations.length ? (
          <>
            <div className={classes.label}>{t('slip.where')}</div>
            {service.locations.map((location) => (
              <p key={[location.name, location.address, location.city].join('|')}>
                {[location.name, location.address, [location.city, location.postalCode].filter(Boolean).join(' ')]
                  .filter(Boolean)
                  .join(', ')}
              </p>
            ))}
          </>
        ) : null}
        {hours.length ? (
          <>
            <div className={classes.label}>{t('slip.hours')}</div>
            <ul>
              {hours.map((row) => (
                <li key={[row.weekday, row.opensAt, row.closesAt, row.description].join('|')}>
                  {row.weekday ? `${t(`weekday.${row.weekday}`)} ${row.opensAt ?? ''}–${row.closesAt ?? ''}` : null}
                  {row.description ? ` ${row.description}` : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {contact.length ? (
          <>
            <div className={classes.label}>{t('slip.contact')}</div>
            <p>{contact.join(' · ')}</p>
          </>
        ) : null}
        {service.applicationProcess ? (
          <>
            <div className={classes.label}>{t('slip.howToApply')}</div>
            <p>{service.applicationProcess}</p>
          </>
        ) : null}
        {service.requiredDocuments.length ? (
          <>
            <div className={classes.label}>{t('slip.documents')}</div>
            <ul>
              {service.requiredDocuments.map((document) => (
                <li key={document}>{document}</li>
              ))}
            </ul>
          </>
        ) : null}

        <div className={classes.label}>{t('slip.needs')}</div>
        <p>{slip.needs.map((need) => need.label[language]).join(' · ')}</p>

        <div className={classes.label}>{t('slip.person')}</div>
        {slip.person.name || slip.person.phone || slip.sharedItems.length ? (
          <>
            {slip.person.name ? (
              <p>
                {t('slip.personName')}
                {colon}
                {slip.person.name}
              </p>
            ) : null}
            {slip.person.phone ? (
              <p>
                {t('slip.personPhone')}
                {colon}
                {slip.person.phone}
              </p>
            ) : null}
            <p>
              {t('slip.shared')}
              {colon}
              {slip.sharedItems.map((item) => t(`sharedItem.${item}`)).join(' · ') || '—'}
            </p>
          </>
        ) : (
          <p>{t('slip.sharedNothing')}</p>
        )}

        <div className={classes.label}>{t('slip.from')}</div>
        <p>
          {[slip.worker?.firstName, slip.team.name].filter(Boolean).join(', ')}
          {slip.team.phone ? ` · ${t('slip.phone', { phone: slip.team.phone })}` : null}
        </p>
      </div>
      <p className={classes.partner}>{t('slip.forPartner', { number: slip.slipNumber })}</p>
    </article>
  );
}
