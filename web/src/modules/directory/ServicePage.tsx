import { Anchor, Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconMapPin } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../core/contracts/directory.ts';
import { type Availability, availabilities } from '../../../../core/directory.ts';
import { api } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateTime, formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { referenceQuery, termLabel } from '../fieldwork/data.ts';
import { Section } from '../people/Section.tsx';
import { ContactLinks } from './ContactLinks.tsx';
import { directoryKey, languageName, neighbourhoodsQuery, serviceQuery, statusHistoryQuery } from './data.ts';
import { AvailabilityTag, clockText, useCanEditDirectory } from './parts.tsx';

const route = getRouteApi('/signed-in/directory/services/$serviceId');

/** Everything the directory knows of a service (HSDS), its availability and how it changed. */
export function ServicePage() {
  const { t } = useTranslation();
  const { serviceId } = route.useParams();
  const service = useQuery(serviceQuery(serviceId));
  if (service.isPending) return <PageLoader />;
  if (service.error || !service.data)
    return (
      <EmptyMessage
        title={
          service.error instanceof ApiError && service.error.status === 404
            ? t('service.notFound')
            : t('common.errorTitle')
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
  return <ServiceView service={service.data} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="sm" fw={700} c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function ServiceView({ service }: { service: Service }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canEdit = useCanEditDirectory();
  const reference = useQuery(referenceQuery);
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  const ages =
    service.minimumAge != null && service.maximumAge != null
      ? t('service.ageRange', { min: service.minimumAge, max: service.maximumAge })
      : service.minimumAge != null
        ? t('service.ageFrom', { min: service.minimumAge })
        : service.maximumAge != null
          ? t('service.ageTo', { max: service.maximumAge })
          : null;
  const weekly = service.schedules.filter((s) => s.weekday && s.opensAt && s.closesAt);
  const notes = service.schedules.filter((s) => !(s.weekday && s.opensAt));
  const servedNames = service.neighbourhoodIds.map(
    (id) => neighbourhoods.data?.items.find((n) => n.id === id)?.name ?? '…',
  );

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
        title={service.name}
        description={
          <>
            {t('service.organisation')}{' '}
            <Link to="/directory/actors/$actorId" params={{ actorId: service.organisation.id }}>
              {service.organisation.name}
            </Link>
          </>
        }
        actions={
          canEdit ? (
            <RouterButton
              to="/directory/services/$serviceId/edit"
              params={{ serviceId: service.id }}
              variant="light"
              leftSection={<IconEdit size={18} aria-hidden />}
            >
              {t('service.edit')}
            </RouterButton>
          ) : null
        }
      />
      {service.openNow || service.free || service.hsdsStatus !== 'active' ? (
        <Group gap={6}>
          {service.openNow ? <Tag tone="blue">{t('directory.open')}</Tag> : null}
          {service.free ? <Tag tone="gray">{t('service.free')}</Tag> : null}
          {service.hsdsStatus !== 'active' ? (
            <Tag tone="red">{t(`service.hsdsStatus.${service.hsdsStatus}`)}</Tag>
          ) : null}
        </Group>
      ) : null}
      {service.alert ? (
        <Text fw={600} c="orange.9">
          {service.alert}
        </Text>
      ) : null}
      <AvailabilitySection service={service} canEdit={canEdit} />
      <Section title={t('service.about')}>
        <Stack gap="sm">
          {service.description ? <Text style={{ whiteSpace: 'pre-line' }}>{service.description}</Text> : null}
          {service.needs.length ? (
            <Field label={t('service.needs')}>
              <Group gap={6}>
                {service.needs.map((code) => (
                  <Tag key={code} tone="green">
                    {termLabel(reference.data, 'need', code, language)}
                  </Tag>
                ))}
              </Group>
            </Field>
          ) : null}
          {service.eligibilityDescription ? (
            <Field label={t('service.eligibility')}>{service.eligibilityDescription}</Field>
          ) : null}
          {service.audiences.length ? (
            <Field label={t('service.audiences')}>{service.audiences.map((a) => t(`audience.${a}`)).join(', ')}</Field>
          ) : null}
          {ages ? <Field label={t('service.ages')}>{ages}</Field> : null}
          {service.languages.length ? (
            <Field label={t('service.languages')}>
              {service.languages.map((code) => languageName(code, language)).join(', ')}
            </Field>
          ) : null}
          {service.interpretationServices ? (
            <Field label={t('service.interpretation')}>{service.interpretationServices}</Field>
          ) : null}
          {service.free !== null || service.feesDescription ? (
            <Field label={t('service.fees')}>
              {[
                service.free === true ? t('service.free') : service.free === false ? t('service.notFree') : null,
                service.feesDescription,
              ]
                .filter(Boolean)
                .join(' — ')}
            </Field>
          ) : null}
          {service.applicationProcess ? (
            <Field label={t('service.apply')}>
              <Text style={{ whiteSpace: 'pre-line' }}>{service.applicationProcess}</Text>
            </Field>
          ) : null}
          {service.requiredDocuments.length ? (
            <Field label={t('service.documents')}>
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {service.requiredDocuments.map((document) => (
                  <li key={document}>{document}</li>
                ))}
              </ul>
            </Field>
          ) : null}
          {service.waitTime ? <Field label={t('service.waitTime')}>{service.waitTime}</Field> : null}
          {service.phone || service.email || service.url ? (
            <Stack gap={4}>
              <ContactLinks
                phone={service.phone}
                email={service.email}
                website={service.url}
                websiteLabel={t('service.website')}
              />
            </Stack>
          ) : null}
        </Stack>
      </Section>
      <Section title={t('service.hours')}>
        {weekly.length === 0 && notes.length === 0 ? <Text c="dimmed">{t('service.noHours')}</Text> : null}
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {weekly.map((s) => (
            <li key={s.id}>
              <Text>
                <strong>{t(`weekday.${s.weekday}`)}</strong> {clockText(s.opensAt as string, language)}–
                {clockText(s.closesAt as string, language)}
                {s.locationId && service.locations.length > 1
                  ? ` · ${service.locations.find((l) => l.id === s.locationId)?.name ?? ''}`
                  : ''}
              </Text>
            </li>
          ))}
          {notes.map((s) => (
            <li key={s.id}>
              <Text>{s.description}</Text>
            </li>
          ))}
        </Stack>
      </Section>
      {service.locations.length ? (
        <Section title={t('service.locations')}>
          <Stack gap="sm">
            {service.locations.map((l) => (
              <Stack key={l.id} gap={2}>
                {l.name ? <Text fw={700}>{l.name}</Text> : null}
                <Text>{[l.address, l.city, l.postalCode].filter(Boolean).join(', ')}</Text>
                {l.accessibility ? (
                  <Text fz="sm">
                    {t('service.accessibility')} : {l.accessibility}
                  </Text>
                ) : null}
                {l.transportation ? (
                  <Text fz="sm">
                    {t('service.transportation')} : {l.transportation}
                  </Text>
                ) : null}
                {l.latitude != null && l.longitude != null ? (
                  <Anchor
                    href={`https://www.openstreetmap.org/?mlat=${l.latitude}&mlon=${l.longitude}#map=17/${l.latitude}/${l.longitude}`}
                    target="_blank"
                    rel="noreferrer"
                    fz="sm"
                  >
                    <Group gap={4}>
                      <IconMapPin size={16} aria-hidden />
                      {t('service.map')}
                    </Group>
                  </Anchor>
                ) : null}
              </Stack>
            ))}
          </Stack>
        </Section>
      ) : null}
      {service.contacts.length ? (
        <Section title={t('service.contacts')}>
          <Stack gap="sm">
            {service.contacts.map((c) => (
              <Stack key={c.id} gap={0}>
                <Text fw={700}>{[c.name, c.title].filter(Boolean).join(', ')}</Text>
                {c.phone ? <Anchor href={`tel:${c.phone}`}>{c.phone}</Anchor> : null}
                {c.email ? <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor> : null}
              </Stack>
            ))}
          </Stack>
        </Section>
      ) : null}
      {servedNames.length ? (
        <Section title={t('service.neighbourhoods')}>
          <Text>{servedNames.join(', ')}</Text>
        </Section>
      ) : null}
      <StatusHistory serviceId={service.id} />
    </Stack>
  );
}

/** Two taps: the new availability, then save (with the expected wait for a waiting list). */
function AvailabilitySection({ service, canEdit }: { service: Service; canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Availability | null>(null);
  const [waitDays, setWaitDays] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const record = useMutation({
    mutationFn: (status: Availability) =>
      api.post<Service>(`/services/${service.id}/statuses`, {
        status,
        expectedWaitDays: status === 'waitingList' && waitDays !== '' ? Number(waitDays) : null,
        note: note.trim() || null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(serviceQuery(service.id).queryKey, updated);
      void queryClient.invalidateQueries({ queryKey: directoryKey });
      setChosen(null);
      setNote('');
      setWaitDays('');
      setSaved(true);
    },
  });
  const errors = useApiError(record.error, ['expectedWaitDays', 'note']);

  return (
    <Section title={t('service.availability')}>
      <Stack gap="sm">
        <Text>
          <AvailabilityTag availability={service.availability} waitDays={service.expectedWaitDays} />{' '}
          {t('service.since', { date: formatDay(service.availabilitySince, language, 'long') })}
        </Text>
        {canEdit ? (
          <>
            <Text fw={600} id="change-availability">
              {t('service.changeStatus')}
            </Text>
            <SimpleGrid cols={2} spacing="xs" role="group" aria-labelledby="change-availability">
              {availabilities.map((status) => (
                <Button
                  key={status}
                  size="md"
                  variant={chosen === status ? 'filled' : 'default'}
                  aria-pressed={chosen === status}
                  onClick={() => {
                    setSaved(false);
                    setChosen(status);
                  }}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
                  h="auto"
                  mih={48}
                >
                  {t(`availability.${status}`)}
                </Button>
              ))}
            </SimpleGrid>
            {chosen ? (
              <Stack gap="xs">
                {chosen === 'waitingList' ? (
                  <NumberInput
                    label={t('service.expectedWait')}
                    min={0}
                    max={3650}
                    value={waitDays}
                    onChange={setWaitDays}
                    error={errors.field('expectedWaitDays')}
                    allowDecimal={false}
                  />
                ) : null}
                <TextInput
                  label={t('service.statusNote')}
                  value={note}
                  maxLength={1000}
                  onChange={(event) => setNote(event.currentTarget.value)}
                />
                <FormAlert message={errors.general} />
                <Button size="md" loading={record.isPending} onClick={() => record.mutate(chosen)}>
                  {t('service.recordStatus')} : {t(`availability.${chosen}`)}
                </Button>
              </Stack>
            ) : null}
            <SavedNotice show={saved} message={t('service.statusSaved')} />
          </>
        ) : null}
      </Stack>
    </Section>
  );
}

function StatusHistory({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const history = useQuery(statusHistoryQuery(serviceId));
  return (
    <Section title={t('service.history')}>
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="status-history">
        {(history.data?.items ?? []).map((entry) => (
          <li key={entry.id}>
            <Group gap={6} wrap="wrap">
              <Text fz="sm" c="dimmed" miw={120}>
                {formatDateTime(entry.effectiveAt, language)}
              </Text>
              <AvailabilityTag availability={entry.status} waitDays={entry.expectedWaitDays} />
              {entry.recordedBy ? (
                <Text fz="sm" c="dimmed">
                  {t('service.recordedBy', { name: entry.recordedBy.name })}
                </Text>
              ) : null}
            </Group>
            {entry.note ? <Text fz="sm">{entry.note}</Text> : null}
          </li>
        ))}
      </Stack>
    </Section>
  );
}
