import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Actor } from '../../../../core/contracts/directory.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { ActorTies } from '../network/ActorTies.tsx';
import { Section } from '../people/Section.tsx';
import { ContactLinks } from './ContactLinks.tsx';
import { actorQuery, directoryKey, languageName, neighbourhoodsQuery } from './data.ts';
import { AvailabilityTag, useCanEditDirectory } from './parts.tsx';

const route = getRouteApi('/signed-in/directory/actors/$actorId');

/** An organisation or a key person: who they are, how to reach them, what they offer. */
export function ActorPage() {
  const { t } = useTranslation();
  const { actorId } = route.useParams();
  const actor = useQuery(actorQuery(actorId));
  if (actor.isPending) return <PageLoader />;
  if (actor.error || !actor.data)
    return (
      <EmptyMessage
        title={
          actor.error instanceof ApiError && actor.error.status === 404 ? t('actor.notFound') : t('common.errorTitle')
        }
        action={
          <RouterButton to="/directory" variant="light">
            {t('directory.back')}
          </RouterButton>
        }
      >
        {t('directory.intro')}
      </EmptyMessage>
    );
  return <ActorView actor={actor.data} />;
}

function ActorView({ actor }: { actor: Actor }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canEdit = useCanEditDirectory();
  const queryClient = useQueryClient();
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  const setActive = useMutation({
    mutationFn: (active: boolean) =>
      active
        ? api.patch<Actor>(`/actors/${actor.id}`, { baseVersion: actor.version, active: true })
        : api.post<Actor>(`/actors/${actor.id}/deactivate`, { baseVersion: actor.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(actorQuery(actor.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: directoryKey });
    },
  });
  const contact = actor.contact;
  const address = contact ? [contact.address, contact.city, contact.postalCode].filter(Boolean).join(', ') : '';
  const served = actor.neighbourhoodIds.map((id) => neighbourhoods.data?.items.find((n) => n.id === id)?.name ?? '…');

  return (
    <Stack gap="md">
      <Group>
        <RouterButton
          to="/directory"
          variant="subtle"
          size="compact-md"
          leftSection={<IconArrowLeft size={18} aria-hidden />}
        >
          {t('directory.back')}
        </RouterButton>
      </Group>
      <PageTitle
        title={actor.name}
        description={[t(`actorKind.${actor.kind}`), t(`actorCategory.${actor.category}`)].join(' · ')}
        actions={
          canEdit ? (
            <RouterButton
              to="/directory/actors/$actorId/edit"
              params={{ actorId: actor.id }}
              variant="light"
              leftSection={<IconEdit size={18} aria-hidden />}
            >
              {t('actor.edit')}
            </RouterButton>
          ) : null
        }
      />
      {!actor.active || actor.isHostPartner ? (
        <Group gap={6}>
          {!actor.active ? <Tag tone="red">{t('directory.inactive')}</Tag> : null}
          {actor.isHostPartner ? <Tag tone="blue">{t('actor.hostPartner')}</Tag> : null}
        </Group>
      ) : null}
      {actor.description ? <Text style={{ whiteSpace: 'pre-line' }}>{actor.description}</Text> : null}
      <Section title={t('actor.contact')}>
        {contact && (contact.phone || contact.email || contact.website || address) ? (
          <Stack gap={4}>
            <ContactLinks phone={contact.phone} email={contact.email} website={contact.website} />
            {address ? <Text>{address}</Text> : null}
          </Stack>
        ) : (
          <Text c="dimmed">
            {actor.kind === 'keyPerson' && !actor.consent ? t('actor.noContact') : t('actor.noContactOrganisation')}
          </Text>
        )}
        {actor.consent ? (
          <Text fz="sm" c="dimmed" mt="xs">
            {t('actor.consentGiven', { date: formatDay(actor.consent.givenAt, language, 'long') })}
          </Text>
        ) : null}
      </Section>
      {actor.languages.length || served.length || actor.hostedWorkers.length ? (
        <Card withBorder padding="md">
          <Stack gap="xs">
            {actor.languages.length ? (
              <Text>
                <strong>{t('actor.languages')}</strong> :{' '}
                {actor.languages.map((code) => languageName(code, language)).join(', ')}
              </Text>
            ) : null}
            {served.length ? (
              <Text>
                <strong>{t('actor.neighbourhoods')}</strong> : {served.join(', ')}
              </Text>
            ) : null}
            {actor.hostedWorkers.length ? (
              <Text>{t('actor.hosts', { names: actor.hostedWorkers.map((w) => w.name).join(', ') })}</Text>
            ) : null}
          </Stack>
        </Card>
      ) : null}
      {actor.kind === 'organisation' ? (
        <Section title={t('actor.services')}>
          <Stack gap="xs">
            {actor.services.length === 0 ? <Text c="dimmed">{t('actor.noServices')}</Text> : null}
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {actor.services.map((service) => (
                <li key={service.id}>
                  <Card
                    withBorder
                    padding="sm"
                    renderRoot={(props) => (
                      <Link
                        to="/directory/services/$serviceId"
                        params={{ serviceId: service.id }}
                        {...props}
                        style={{ color: 'inherit', textDecoration: 'none' }}
                      />
                    )}
                  >
                    <Stack gap={4} align="flex-start">
                      <Text fw={700}>{service.name}</Text>
                      <AvailabilityTag availability={service.availability} waitDays={service.expectedWaitDays} />
                    </Stack>
                  </Card>
                </li>
              ))}
            </Stack>
            {canEdit && actor.active ? (
              <RouterButton
                to="/directory/services/new"
                search={{ actorId: actor.id }}
                variant="light"
                leftSection={<IconPlus size={18} aria-hidden />}
              >
                {t('directory.addService')}
              </RouterButton>
            ) : null}
          </Stack>
        </Section>
      ) : null}
      <ActorTies actor={actor} />
      {canEdit ? (
        <Group>
          <Button
            variant="subtle"
            color={actor.active ? 'red' : undefined}
            loading={setActive.isPending}
            onClick={() => {
              if (!actor.active || window.confirm(t('actor.deactivateConfirm', { name: actor.name })))
                setActive.mutate(!actor.active);
            }}
          >
            {actor.active ? t('actor.deactivate') : t('actor.reactivate')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
