import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeSummary } from '../../../../core/contracts/committees.ts';
import { CardLink } from '../../ui/CardLink.tsx';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { CreateCommitteeForm } from './CreateCommitteeForm.tsx';
import { committeeListQuery } from './data.ts';

/** The team's committees and a short form to add one with its member organisations. */
export function CommitteesPage() {
  const { t } = useTranslation();
  const list = useQuery(committeeListQuery);
  const [creating, setCreating] = useState(false);
  if (list.isPending) return <PageLoader />;
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md" pb="xl">
      <PageTitle
        title={t('committees.title')}
        description={t('committees.description')}
        actions={
          creating ? null : (
            <Button size="md" leftSection={<IconPlus size={20} aria-hidden />} onClick={() => setCreating(true)}>
              {t('committees.create')}
            </Button>
          )
        }
      />
      {creating ? <CreateCommitteeForm onCancel={() => setCreating(false)} /> : null}
      {items.length === 0 ? (
        creating ? null : (
          <EmptyMessage title={t('committees.noneTitle')}>{t('committees.noneText')}</EmptyMessage>
        )
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((committee) => (
            <li key={committee.id}>
              <CommitteeCard committee={committee} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function CommitteeCard({ committee }: { committee: CommitteeSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <CardLink
      to="/committees/$committeeId"
      params={{ committeeId: committee.id }}
      withBorder
      padding="md"
      radius="md"
      data-testid="committee-card"
    >
      <Stack gap={2}>
        <Text fw={700} fz="lg">
          {committee.name}
        </Text>
        {committee.purpose ? (
          <Text fz="sm" lineClamp={2}>
            {committee.purpose}
          </Text>
        ) : null}
        <Text fz="sm" c="dimmed">
          {t('committees.memberCount', { count: committee.memberCount })}
          {' · '}
          {committee.lastMeetingOn
            ? t('committees.lastMeeting', { date: formatDay(committee.lastMeetingOn, language) })
            : t('committees.noMeetingYet')}
          {committee.openFollowUps > 0 ? ` · ${t('committees.openFollowUps', { count: committee.openFollowUps })}` : ''}
        </Text>
      </Stack>
    </CardLink>
  );
}
