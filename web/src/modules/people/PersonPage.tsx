import { Alert, Group, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/contracts/people.ts';
import { ApiError } from '../../api/errors.ts';
import { useCurrentUser } from '../../api/session.ts';
import { ConflictCard, InvalidCard } from '../../offline/OutboxCards.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { outboxQuery, referenceQuery } from '../fieldwork/data.ts';
import { PersonRightsSection } from '../privacy/PersonRightsSection.tsx';
import { BridgingSection } from '../referrals/BridgingSection.tsx';
import { PersonReferrals } from '../referrals/PersonReferrals.tsx';
import { AttachSection } from './AttachSection.tsx';
import { ConsentSection } from './ConsentSection.tsx';
import { personQuery } from './data.ts';
import { MergeSection } from './MergeSection.tsx';
import { PersonForm } from './PersonForm.tsx';
import { RolesSection } from './RolesSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';

const route = getRouteApi('/signed-in/people/$personId');

/** A person only known from this device (created offline) or from the cached team list. */
function provisional(id: string, nickname: string, teamId = ''): Person {
  const now = new Date().toISOString();
  return {
    id,
    teamId,
    nickname,
    identity: null,
    consent: null,
    consentWithdrawnAt: null,
    ageBand: null,
    gender: null,
    languages: [],
    household: null,
    firstContactOn: null,
    firstContactHow: null,
    roles: [],
    mergedIntoId: null,
    lastEncounterAt: null,
    encounterCount: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** A person's page: who they are (as far as they agreed), their roles over time, their timeline. */
export function PersonPage() {
  const { personId } = route.useParams();
  const { t } = useTranslation();
  const user = useCurrentUser();
  // Coordinators (and admins) review who read this person's data.
  const oversees = user.role === 'coordinator' || user.role === 'admin';
  const person = useQuery(personQuery(personId));
  const outbox = useQuery(outboxQuery);
  const reference = useQuery(referenceQuery);
  const mine = (outbox.data ?? []).filter((row) => row.value.item.entityId === personId);
  const created = mine.find((row) => row.value.item.kind === 'person.create');
  const cached = reference.data?.people.find((candidate) => candidate.id === personId);

  if (person.isPending || outbox.isPending) return <PageLoader />;
  const notFound = person.error instanceof ApiError && person.error.status === 404;
  const offline = person.error instanceof ApiError && person.error.status === 0;
  let shown: Person | null = person.data ?? null;
  if (!shown && created) shown = provisional(personId, String(created.value.item.payload.nickname ?? ''));
  if (!shown && offline && cached) shown = provisional(personId, cached.nickname, cached.teamId);
  if (!shown || (notFound && !created))
    return (
      <Stack>
        <PageTitle title={t('person.notFoundTitle')} />
        <Text>{t('person.notFoundText')}</Text>
        <RouterButton to="/people" variant="default" style={{ alignSelf: 'flex-start' }}>
          {t('person.backToPeople')}
        </RouterButton>
        {/* Not in the caller's teams (or gone): another team may follow them — break the glass. */}
        <RouterButton to="/break-glass" search={{ personId }} variant="subtle" style={{ alignSelf: 'flex-start' }}>
          {t('breakGlass.entryLink')}
        </RouterButton>
      </Stack>
    );
  if (shown.mergedIntoId)
    return (
      <Stack>
        <PageTitle title={shown.nickname} />
        <Alert color="gray">
          {t('person.mergedText')}{' '}
          <RouterAnchor to="/people/$personId" params={{ personId: shown.mergedIntoId }}>
            {t('person.mergedLink')}
          </RouterAnchor>
        </Alert>
      </Stack>
    );

  // What this device changed and has not sent yet shows at once.
  const overlay: Partial<Person> = {};
  for (const row of mine)
    if (row.status === 'pending' && row.value.item.kind === 'person.update')
      Object.assign(overlay, row.value.item.payload);
  const current = { ...shown, ...overlay };
  const waitingCreation = Boolean(created && !person.data);

  return (
    <Stack gap="lg">
      <PageTitle
        title={current.nickname}
        description={
          <Group gap={6} component="span">
            <Tag tone={current.consent ? 'blue' : 'gray'}>
              {current.consent ? t('person.identified') : t('person.pseudonymous')}
            </Tag>
            {waitingCreation ? <Tag tone="orange">{t('day.notSent')}</Tag> : null}
          </Group>
        }
      />
      {oversees && person.data ? (
        <RouterButton
          to="/people/$personId/access"
          params={{ personId }}
          variant="light"
          size="md"
          leftSection={<IconHistory size={20} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('breakGlass.historyButton')}
        </RouterButton>
      ) : null}
      {offline ? <Alert color="gray">{t('person.offlineText')}</Alert> : null}
      {mine
        .filter((row) => row.status !== 'pending')
        .map((row) =>
          row.status === 'conflict' ? (
            <ConflictCard key={row.id} operation={row} />
          ) : (
            <InvalidCard key={row.id} operation={row} />
          ),
        )}
      <PersonForm
        key={`${personId}:${person.data?.version ?? 0}`}
        person={current}
        serverVersion={person.data?.version ?? 1}
      />
      <ConsentSection person={current} online={Boolean(person.data)} />
      <RolesSection person={current} online={Boolean(person.data)} />
      <PersonReferrals personId={personId} online={Boolean(person.data)} />
      {person.data ? <BridgingSection personId={personId} /> : null}
      {person.data ? <TimelineSection personId={personId} /> : null}
      {person.data ? <AttachSection personId={personId} /> : null}
      {person.data ? <MergeSection person={person.data} /> : null}
      {person.data && user.role === 'coordinator' ? <PersonRightsSection person={person.data} /> : null}
    </Stack>
  );
}
