import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MobilisationDetail } from '../../../../core/contracts/crisis.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { formatMinutes } from '../time/data.ts';
import { mobilisationQuery } from './data.ts';
import { DecisionCard, ProlongOrClose } from './MobilisationActions.tsx';
import { MobilisationTags } from './MobilisationCard.tsx';
import { MyWorkSection } from './MyWorkSection.tsx';

/** One mobilisation: what and why, who, its reminder, the decision or prolongation, its history, the work tagged. */
export function MobilisationPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/signed-in/crisis/$id' });
  const query = useQuery(mobilisationQuery(id));
  if (query.isPending) return <PageLoader />;
  if (query.isError || !query.data) return <FormAlert message={t('common.unexpectedError')} />;
  return <Mobilisation detail={query.data} />;
}

function Mobilisation({ detail }: { detail: MobilisationDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const takesPart = detail.participants.some((p) => p.userId === user.id);
  const coordination =
    user.role === 'admin' || (user.role === 'coordinator' && user.teams.some((team) => team.id === detail.teamId));
  const mayAct =
    detail.status === 'validated' &&
    !detail.proposedEndsOn &&
    (takesPart || coordination || detail.proposedBy?.userId === user.id);
  return (
    <Stack gap="md">
      <Link to="/crisis">{t('crisis.detail.back')}</Link>
      <PageTitle title={detail.title} />
      <MobilisationTags mobilisation={detail} />
      {detail.reminder ? (
        <Alert
          color={detail.reminder === 'endPassed' ? 'red' : 'orange'}
          icon={<IconAlarm aria-hidden />}
          role="status"
        >
          {t(`crisis.detail.${detail.reminder}Text`, { date: formatDay(detail.endsOn, language, 'dayMonth') })}
        </Alert>
      ) : null}
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Text fw={600}>
            {t('crisis.dates', {
              from: formatDay(detail.startsOn, language, 'dayMonth'),
              to: formatDay(detail.endedOn ?? detail.endsOn, language, 'medium'),
            })}
            {' · '}
            {t('crisis.share', { percent: detail.sharePercent })}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('crisis.reason')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.reason}</Text>
          <Text fz="sm" c="dimmed">
            {t('crisis.people')}
          </Text>
          <Text>{detail.participants.map((p) => p.name).join(', ')}</Text>
          {detail.proposedBy ? (
            <Text fz="sm" c="dimmed">
              {t('crisis.proposedBy', { name: detail.proposedBy.name })}
            </Text>
          ) : null}
          {detail.decisionNote ? (
            <>
              <Text fz="sm" c="dimmed">
                {t('crisis.detail.decisionNote')}
              </Text>
              <Text data-testid="decision-note">{detail.decisionNote}</Text>
            </>
          ) : null}
        </Stack>
      </Card>
      {detail.canDecide ? <DecisionCard mobilisation={detail} /> : null}
      {mayAct ? <ProlongOrClose mobilisation={detail} decidesAlone={coordination && !takesPart} /> : null}
      <Stack gap="xs" component="section">
        <Title order={2} fz="xl">
          {t('crisis.detail.tagged')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('crisis.detail.taggedHelp')}
        </Text>
        <SimpleGrid cols={2} spacing="sm">
          <Figure label={t('crisis.detail.encounters')} value={detail.tagged.encounters} testId="tagged-encounters" />
          <Figure
            label={t('crisis.detail.activitySessions')}
            value={detail.tagged.activitySessions}
            testId="tagged-sessions"
          />
          <Figure
            label={t('crisis.detail.timeGiven')}
            value={formatMinutes(detail.tagged.minutes)}
            testId="tagged-time"
          />
        </SimpleGrid>
      </Stack>
      <MyWorkSection detail={detail} />
      <Stack gap="xs" component="section">
        <Title order={2} fz="xl">
          {t('crisis.detail.history')}
        </Title>
        {detail.history.map((event) => (
          <Card key={`${event.kind}-${event.at}`} withBorder padding="sm" data-testid="history-event">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2} miw={0}>
                <Text fw={600}>{t(`crisis.detail.events.${event.kind}`)}</Text>
                {event.endsOn ? (
                  <Text fz="sm">
                    {t('crisis.detail.until', { date: formatDay(event.endsOn, language, 'dayMonth') })}
                  </Text>
                ) : null}
                {event.note && event.kind !== 'proposed' ? <Text fz="sm">{event.note}</Text> : null}
              </Stack>
              <Stack gap={2} align="flex-end">
                <Text fz="sm">{formatDateTime(event.at, language)}</Text>
                {event.by ? (
                  <Text fz="sm" c="dimmed">
                    {event.by}
                  </Text>
                ) : null}
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

function Figure({ label, value, testId }: { label: string; value: number | string; testId: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text fz="sm">{label}</Text>
    </Card>
  );
}
