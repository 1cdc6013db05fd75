import { Alert, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../core/contracts/referrals.ts';
import { ApiError } from '../../api/errors.ts';
import { InvalidCard } from '../../offline/OutboxCards.tsx';
import { useSyncState } from '../../offline/use-sync-state.ts';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { outboxQuery, referenceQuery, termLabel } from '../fieldwork/data.ts';
import { pendingReferrals, recentServicesQuery, referralQuery } from './data.ts';
import { StatusTag } from './parts.tsx';
import { CheckBackPanel, MovePanel, NotePanel, PartnerPanel } from './ReferralActions.tsx';

const route = getRouteApi('/signed-in/referrals/$referralId');

/** One referral: its slip number, where it stands, the allowed next moves, and every dated change. */
export function ReferralPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { referralId } = route.useParams();
  const { created } = route.useSearch();
  const referral = useQuery(referralQuery(referralId));
  const outbox = useQuery(outboxQuery);
  const reference = useQuery(referenceQuery);
  const recent = useQuery(recentServicesQuery);
  const sync = useSyncState();
  const pending = pendingReferrals(outbox.data).find((candidate) => candidate.id === referralId);
  const needLabel = (code: string) => termLabel(reference.data, 'need', code, language);

  if (referral.isPending && !pending) return <PageLoader />;

  // Made on this phone, not on the server yet: what the worker chose, and the slip number to come.
  if (!referral.data && pending) {
    const service = recent.data?.find((choice) => choice.id === pending.serviceId);
    const operation = outbox.data?.find((row) => row.value.item.entityId === referralId);
    return (
      <Stack gap="lg">
        <PageTitle
          title={service?.name ?? t('referrals.kindCreate')}
          description={service?.organisationName ?? undefined}
        />
        {created ? (
          <Alert color="relais" variant="light" role="status" data-testid="referral-saved">
            {sync.online && sync.problem !== 'network' ? t('referrals.created') : t('referrals.createdOffline')}
          </Alert>
        ) : null}
        {operation && operation.status !== 'pending' ? <InvalidCard operation={operation} /> : null}
        <SlipBox referralId={referralId} slipNumber={null} />
        <Facts label={t('referrals.person')}>
          {pending.personId ? t('day.knownPerson') : t('referrals.anonymous')}
        </Facts>
        <Facts label={t('referrals.needsShort')}>{pending.needs.map(needLabel).join(' · ')}</Facts>
        <span>
          <Tag tone="orange">{t('referrals.waiting')}</Tag>
        </span>
      </Stack>
    );
  }

  // Just synced: the outbox let it go and the server's copy is on its way.
  if (!referral.data && referral.isFetching) return <PageLoader />;
  if (!referral.data) {
    const notFound = referral.error instanceof ApiError && referral.error.status === 404;
    return (
      <Stack>
        <PageTitle title={t('referrals.notFoundTitle')} />
        <Text>{notFound ? t('referrals.notFoundText') : t('common.unexpectedError')}</Text>
        <RouterButton to="/referrals" variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('referrals.backToList')}
        </RouterButton>
      </Stack>
    );
  }

  const current = referral.data;
  const online = sync.online && sync.problem !== 'network' && !referral.isError;
  return (
    <Stack gap="lg">
      <PageTitle title={current.service.name} description={current.service.organisationName} />
      {created ? (
        <Alert color="relais" variant="light" role="status" data-testid="referral-saved">
          {t('referrals.created')}
        </Alert>
      ) : null}
      <SlipBox referralId={current.id} slipNumber={current.slipNumber} />

      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Group gap="xs">
            <StatusTag status={current.status} />
            {current.failureReason ? <Text fz="sm">{t(`failureReason.${current.failureReason}`)}</Text> : null}
            {current.service.availability !== 'open' ? (
              <Tag tone="orange">{t(`availability.${current.service.availability}`)}</Tag>
            ) : null}
          </Group>
          <Facts label={t('referrals.person')}>
            {current.person ? (
              <RouterAnchor to="/people/$personId" params={{ personId: current.person.id }}>
                {current.person.nickname}
              </RouterAnchor>
            ) : (
              t('referrals.anonymous')
            )}
          </Facts>
          <Facts label={t('referrals.needsShort')}>{current.needs.map(needLabel).join(' · ')}</Facts>
          <Facts label={t('referrals.shared')}>
            {current.sharedItems.length
              ? current.sharedItems.map((item) => t(`sharedItem.${item}`)).join(' · ')
              : t('referrals.sharedNothing')}
          </Facts>
          <Text fz="sm" c="dimmed">
            {t('referrals.referredOn', { date: formatDay(current.referredAt, language) })}
          </Text>
        </Stack>
      </Card>

      {current.checkBackDue ? (
        <Alert color="orange" variant="light" data-testid="check-back-due">
          {t('referrals.checkBackDue', { day: current.checkBackDue.day })}
        </Alert>
      ) : null}

      {online ? (
        <>
          <MovePanel referral={current} />
          <PartnerPanel referral={current} />
          <CheckBackPanel referral={current} />
        </>
      ) : (
        <Alert color="gray">{t('referrals.offlineActions')}</Alert>
      )}

      <History referral={current} />
      {online ? <NotePanel referral={current} /> : null}
    </Stack>
  );
}

function Facts({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text fz="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/** The number the person gives the partner; offline, the server makes it at the next sync. */
function SlipBox({ referralId, slipNumber }: { referralId: string; slipNumber: string | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" bg="relais.0">
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={0}>
          <Text fz="sm" fw={600}>
            {t('referrals.slipNumber')}
          </Text>
          {slipNumber ? (
            <Text fz={28} fw={800} ff="monospace" data-testid="slip-number">
              {slipNumber}
            </Text>
          ) : (
            <>
              <Text fz="lg" fw={700} data-testid="slip-number">
                {t('referrals.slipAtSync')}
              </Text>
              <Text fz="sm">{t('referrals.slipAtSyncHelp')}</Text>
            </>
          )}
        </Stack>
        {slipNumber ? (
          <RouterButton
            to="/referrals/$referralId/slip"
            params={{ referralId }}
            variant="default"
            leftSection={<IconPrinter size={20} aria-hidden />}
          >
            {t('referrals.printSlip')}
          </RouterButton>
        ) : null}
      </Group>
    </Card>
  );
}

function History({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="xs" component="section">
      <Title order={2} fz="lg">
        {t('referrals.history')}
      </Title>
      <Timeline bulletSize={16} lineWidth={2} data-testid="referral-history">
        {referral.events.map((event) => (
          <Timeline.Item
            key={event.id}
            title={
              event.kind === 'status' && event.status
                ? t(`referralStatus.${event.status}`)
                : t(`referrals.event.${event.kind}`)
            }
          >
            <Stack gap={0}>
              <Text fz="sm">
                {[
                  formatDateTime(event.occurredAt, language),
                  event.recordedBy ? t('referrals.by', { name: event.recordedByName ?? '' }) : t('referrals.byRelais'),
                ].join(' · ')}
              </Text>
              {event.reason ? <Text fz="sm">{t(`failureReason.${event.reason}`)}</Text> : null}
              {event.fromPartner ? (
                <span>
                  <Tag tone="blue">{t('referrals.byPartner')}</Tag>
                </span>
              ) : null}
              {event.note ? <Text fz="sm">{language === 'fr' ? `« ${event.note} »` : `“${event.note}”`}</Text> : null}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </Stack>
  );
}
