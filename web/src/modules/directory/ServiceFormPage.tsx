import {
  Accordion,
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../core/contracts/directory.ts';
import { type Audience, audiences } from '../../../../core/directory.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { activeTerms, referenceQuery } from '../fieldwork/data.ts';
import {
  actorQuery,
  directoryKey,
  languageList,
  neighbourhoodsQuery,
  organisationsQuery,
  serviceQuery,
} from './data.ts';

const editRoute = getRouteApi('/signed-in/directory/services/$serviceId/edit');
const newRoute = getRouteApi('/signed-in/directory/services/new');

type Hours = {
  key: string;
  weekday: string;
  opensAt: string;
  closesAt: string;
  description: string;
  locationId: string | null;
};
type Place = {
  id: string;
  name: string;
  address: string;
  city: string;
  postalCode: string;
  accessibility: string;
  transportation: string;
  latitude: number | null;
  longitude: number | null;
};
type Person = { key: string; name: string; title: string; phone: string; email: string };

type Values = {
  actorId: string;
  name: string;
  needs: string[];
  description: string;
  phone: string;
  languages: string;
  eligibilityDescription: string;
  audiences: Audience[];
  minimumAge: number | string;
  maximumAge: number | string;
  free: boolean;
  feesDescription: string;
  applicationProcess: string;
  requiredDocuments: string;
  url: string;
  email: string;
  alert: string;
  hours: Hours[];
  locations: Place[];
  contacts: Person[];
  neighbourhoodIds: string[];
};

function valuesOf(service: Service | undefined, actorId: string | undefined): Values {
  return {
    actorId: service?.organisation.id ?? actorId ?? '',
    name: service?.name ?? '',
    needs: service?.needs ?? [],
    description: service?.description ?? '',
    phone: service?.phone ?? '',
    languages: (service?.languages ?? ['fr']).join(', '),
    eligibilityDescription: service?.eligibilityDescription ?? '',
    audiences: service?.audiences ?? [],
    minimumAge: service?.minimumAge ?? '',
    maximumAge: service?.maximumAge ?? '',
    free: service?.free ?? true,
    feesDescription: service?.feesDescription ?? '',
    applicationProcess: service?.applicationProcess ?? '',
    requiredDocuments: (service?.requiredDocuments ?? []).join('\n'),
    url: service?.url ?? '',
    email: service?.email ?? '',
    alert: service?.alert ?? '',
    hours: (service?.schedules ?? []).map((s) => ({
      key: s.id,
      weekday: s.weekday ? String(s.weekday) : '',
      opensAt: s.opensAt ?? '',
      closesAt: s.closesAt ?? '',
      description: s.description ?? '',
      locationId: s.locationId,
    })),
    locations: (service?.locations ?? []).map((l) => ({
      id: l.id,
      name: l.name ?? '',
      address: l.address ?? '',
      city: l.city ?? '',
      postalCode: l.postalCode ?? '',
      accessibility: l.accessibility ?? '',
      transportation: l.transportation ?? '',
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    contacts: (service?.contacts ?? []).map((c) => ({
      key: c.id,
      name: c.name ?? '',
      title: c.title ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    neighbourhoodIds: service?.neighbourhoodIds ?? [],
  };
}

const orNull = (value: string) => value.trim() || null;
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

function bodyOf(values: Values) {
  return {
    actorId: values.actorId,
    name: values.name.trim(),
    needs: values.needs,
    description: orNull(values.description),
    phone: orNull(values.phone),
    languages: languageList(values.languages),
    eligibilityDescription: orNull(values.eligibilityDescription),
    audiences: values.audiences,
    minimumAge: numberOrNull(values.minimumAge),
    maximumAge: numberOrNull(values.maximumAge),
    free: values.free,
    feesDescription: orNull(values.feesDescription),
    applicationProcess: orNull(values.applicationProcess),
    requiredDocuments: values.requiredDocuments
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    url: orNull(values.url),
    email: orNull(values.email),
    alert: orNull(values.alert),
    schedules: values.hours
      .filter((h) => h.weekday || h.description.trim())
      .map((h) => ({
        weekday: h.weekday ? Number(h.weekday) : null,
        opensAt: h.opensAt || null,
        closesAt: h.closesAt || null,
        description: orNull(h.description),
        locationId: h.locationId,
      })),
    locations: values.locations.map((l) => ({
      id: l.id,
      name: orNull(l.name),
      address: orNull(l.address),
      city: orNull(l.city),
      postalCode: orNull(l.postalCode),
      accessibility: orNull(l.accessibility),
      transportation: orNull(l.transportation),
      latitude: l.latitude,
      longitude: l.longitude,
    })),
    contacts: values.contacts
      .filter((c) => c.name.trim() || c.phone.trim() || c.email.trim())
      .map((c) => ({ name: orNull(c.name), title: orNull(c.title), phone: orNull(c.phone), email: orNull(c.email) })),
    neighbourhoodIds: values.neighbourhoodIds,
  };
}

const formFields = [
  'actorId',
  'name',
  'needs',
  'description',
  'phone',
  'languages',
  'eligibilityDescription',
  'minimumAge',
  'maximumAge',
  'feesDescription',
  'applicationProcess',
  'url',
  'email',
  'alert',
];

export function NewServicePage() {
  const { actorId } = newRoute.useSearch();
  // Coming from an organisation's page: it is chosen already, whatever the list's first page holds.
  const preset = useQuery({ ...actorQuery(actorId ?? ''), enabled: Boolean(actorId) });
  if (actorId && preset.isPending) return <PageLoader />;
  const organisation = preset.data ? { id: preset.data.id, name: preset.data.name } : undefined;
  return <ServiceForm key="new" initial={valuesOf(undefined, actorId)} organisation={organisation} />;
}

export function EditServicePage() {
  const { serviceId } = editRoute.useParams();
  const service = useQuery(serviceQuery(serviceId));
  if (!service.data) return <PageLoader />;
  return (
    <ServiceForm
      key={service.data.id}
      service={service.data}
      initial={valuesOf(service.data, undefined)}
      organisation={service.data.organisation}
    />
  );
}

/** The few fields that find a service first; everything HSDS describes folded below. */
function ServiceForm({
  service,
  initial,
  organisation,
}: {
  service?: Service;
  initial: Values;
  organisation?: { id: string; name: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(initial);
  const [organisationSearch, setOrganisationSearch] = useState('');
  const reference = useQuery(referenceQuery);
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  const organisations = useQuery(organisationsQuery(organisationSearch));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: () =>
      service
        ? api.patch<Service>(`/services/${service.id}`, { baseVersion: service.version, ...bodyOf(values) })
        : api.post<Service>('/services', { id: uuidv7(), ...bodyOf(values) }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(serviceQuery(saved.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: directoryKey });
      await navigate({ to: '/directory/services/$serviceId', params: { serviceId: saved.id } });
    },
  });
  const errors = useApiError(save.error, formFields);

  const organisationOptions = [
    ...(organisation ? [{ value: organisation.id, label: organisation.name }] : []),
    ...(organisations.data?.items ?? [])
      .filter((o) => o.id !== organisation?.id)
      .map((o) => ({ value: o.id, label: o.city ? `${o.name} (${o.city})` : o.name })),
  ];
  const needTerms = activeTerms(reference.data, 'need');

  const updateHours = (key: string, change: Partial<Hours>) =>
    set(
      'hours',
      values.hours.map((h) => (h.key === key ? { ...h, ...change } : h)),
    );
  const updatePlace = (id: string, change: Partial<Place>) =>
    set(
      'locations',
      values.locations.map((l) => (l.id === id ? { ...l, ...change } : l)),
    );
  const updatePerson = (key: string, change: Partial<Person>) =>
    set(
      'contacts',
      values.contacts.map((c) => (c.key === key ? { ...c, ...change } : c)),
    );

  return (
    <Stack gap="md">
      <PageTitle title={service ? t('serviceForm.editTitle') : t('serviceForm.newTitle')} description={service?.name} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <Select
            label={t('serviceForm.organisation')}
            description={t('serviceForm.organisationHelp')}
            searchable
            required
            data={organisationOptions}
            value={values.actorId || null}
            onChange={(value) => set('actorId', value ?? '')}
            onSearchChange={setOrganisationSearch}
            filter={({ options }) => options}
            nothingFoundMessage="—"
            error={errors.field('actorId')}
          />
          <TextInput
            label={t('serviceForm.name')}
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.field('name')}
          />
          <Stack gap={4}>
            <Text fw={500} fz="sm" id="service-needs">
              {t('serviceForm.needs')}
            </Text>
            <Chip.Group multiple value={values.needs} onChange={(needs) => set('needs', needs)}>
              <Group gap={6} role="group" aria-labelledby="service-needs">
                {needTerms.map((term) => (
                  <Chip key={term.code} value={term.code} size="sm">
                    {term.label[language]}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          <Textarea
            label={t('serviceForm.description')}
            autosize
            minRows={2}
            maxLength={8000}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.field('description')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('serviceForm.phone')}
              type="tel"
              value={values.phone}
              onChange={(event) => set('phone', event.currentTarget.value)}
              error={errors.field('phone')}
            />
            <TextInput
              label={t('serviceForm.languages')}
              description={t('serviceForm.languagesHelp')}
              value={values.languages}
              onChange={(event) => set('languages', event.currentTarget.value)}
              error={errors.field('languages')}
            />
          </SimpleGrid>
          <Accordion variant="separated" multiple>
            <Accordion.Item value="details">
              <Accordion.Control>{t('serviceForm.details')}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Textarea
                    label={t('serviceForm.eligibility')}
                    autosize
                    minRows={2}
                    value={values.eligibilityDescription}
                    onChange={(event) => set('eligibilityDescription', event.currentTarget.value)}
                    error={errors.field('eligibilityDescription')}
                  />
                  <Stack gap={4}>
                    <Text fw={500} fz="sm" id="service-audiences">
                      {t('serviceForm.audiences')}
                    </Text>
                    <Chip.Group
                      multiple
                      value={values.audiences}
                      onChange={(chosen) => set('audiences', chosen as Audience[])}
                    >
                      <Group gap={6} role="group" aria-labelledby="service-audiences">
                        {audiences.map((audience) => (
                          <Chip key={audience} value={audience} size="sm">
                            {t(`audience.${audience}`)}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                  </Stack>
                  <SimpleGrid cols={2} spacing="sm">
                    <NumberInput
                      label={t('serviceForm.minimumAge')}
                      min={0}
                      max={130}
                      allowDecimal={false}
                      value={values.minimumAge}
                      onChange={(value) => set('minimumAge', value)}
                      error={errors.field('minimumAge')}
                    />
                    <NumberInput
                      label={t('serviceForm.maximumAge')}
                      min={0}
                      max={130}
                      allowDecimal={false}
                      value={values.maximumAge}
                      onChange={(value) => set('maximumAge', value)}
                      error={errors.field('maximumAge')}
                    />
                  </SimpleGrid>
                  <Checkbox
                    label={t('serviceForm.free')}
                    checked={values.free}
                    onChange={(event) => set('free', event.currentTarget.checked)}
                  />
                  <TextInput
                    label={t('serviceForm.fees')}
                    value={values.feesDescription}
                    onChange={(event) => set('feesDescription', event.currentTarget.value)}
                    error={errors.field('feesDescription')}
                  />
                  <Textarea
                    label={t('serviceForm.apply')}
                    autosize
                    minRows={2}
                    value={values.applicationProcess}
                    onChange={(event) => set('applicationProcess', event.currentTarget.value)}
                    error={errors.field('applicationProcess')}
                  />
                  <Textarea
                    label={t('serviceForm.documents')}
                    description={t('serviceForm.documentsHelp')}
                    autosize
                    minRows={2}
                    value={values.requiredDocuments}
                    onChange={(event) => set('requiredDocuments', event.currentTarget.value)}
                  />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    <TextInput
                      label={t('serviceForm.url')}
                      type="url"
                      placeholder="https://"
                      value={values.url}
                      onChange={(event) => set('url', event.currentTarget.value)}
                      error={errors.field('url')}
                    />
                    <TextInput
                      label={t('serviceForm.email')}
                      type="email"
                      value={values.email}
                      onChange={(event) => set('email', event.currentTarget.value)}
                      error={errors.field('email')}
                    />
                  </SimpleGrid>
                  <TextInput
                    label={t('serviceForm.alert')}
                    value={values.alert}
                    onChange={(event) => set('alert', event.currentTarget.value)}
                    error={errors.field('alert')}
                  />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="hours">
              <Accordion.Control>{t('serviceForm.hours')}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {values.hours.map((h, i) => (
                    <Card key={h.key} withBorder padding="xs">
                      <Stack gap="xs">
                        <Group align="flex-end" gap="xs" wrap="nowrap">
                          <NativeSelect
                            label={t('serviceForm.weekday')}
                            value={h.weekday}
                            onChange={(event) => updateHours(h.key, { weekday: event.currentTarget.value })}
                            data={[
                              { value: '', label: '—' },
                              ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}`) })),
                            ]}
                            error={errors.field(`schedules.${i}.weekday`)}
                            style={{ flex: 1 }}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="xl"
                            aria-label={t('serviceForm.remove')}
                            onClick={() =>
                              set(
                                'hours',
                                values.hours.filter((x) => x.key !== h.key),
                              )
                            }
                          >
                            <IconTrash size={20} aria-hidden />
                          </ActionIcon>
                        </Group>
                        <SimpleGrid cols={2} spacing="xs">
                          <TextInput
                            type="time"
                            label={t('serviceForm.opensAt')}
                            value={h.opensAt}
                            onChange={(event) => updateHours(h.key, { opensAt: event.currentTarget.value })}
                            error={errors.field(`schedules.${i}.opensAt`)}
                          />
                          <TextInput
                            type="time"
                            label={t('serviceForm.closesAt')}
                            value={h.closesAt}
                            onChange={(event) => updateHours(h.key, { closesAt: event.currentTarget.value })}
                            error={errors.field(`schedules.${i}.closesAt`)}
                          />
                        </SimpleGrid>
                        <TextInput
                          label={t('serviceForm.hoursNote')}
                          value={h.description}
                          onChange={(event) => updateHours(h.key, { description: event.currentTarget.value })}
                          error={errors.field(`schedules.${i}.description`)}
                        />
                      </Stack>
                    </Card>
                  ))}
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={18} aria-hidden />}
                    onClick={() =>
                      set('hours', [
                        ...values.hours,
                        {
                          key: uuidv7(),
                          weekday: '1',
                          opensAt: '09:00',
                          closesAt: '17:00',
                          description: '',
                          locationId: null,
                        },
                      ])
                    }
                  >
                    {t('serviceForm.addHours')}
                  </Button>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="locations">
              <Accordion.Control>{t('serviceForm.locations')}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {values.locations.map((l, i) => (
                    <Card key={l.id} withBorder padding="xs">
                      <Stack gap="xs">
                        <Group align="flex-end" gap="xs" wrap="nowrap">
                          <TextInput
                            label={t('serviceForm.locationName')}
                            value={l.name}
                            onChange={(event) => updatePlace(l.id, { name: event.currentTarget.value })}
                            style={{ flex: 1 }}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            size="xl"
                            aria-label={t('serviceForm.remove')}
                            onClick={() => {
                              set(
                                'locations',
                                values.locations.filter((x) => x.id !== l.id),
                              );
                              set(
                                'hours',
                                values.hours.map((h) => (h.locationId === l.id ? { ...h, locationId: null } : h)),
                              );
                            }}
                          >
                            <IconTrash size={20} aria-hidden />
                          </ActionIcon>
                        </Group>
                        <TextInput
                          label={t('serviceForm.address')}
                          value={l.address}
                          onChange={(event) => updatePlace(l.id, { address: event.currentTarget.value })}
                        />
                        <SimpleGrid cols={2} spacing="xs">
                          <TextInput
                            label={t('serviceForm.city')}
                            value={l.city}
                            onChange={(event) => updatePlace(l.id, { city: event.currentTarget.value })}
                          />
                          <TextInput
                            label={t('serviceForm.postalCode')}
                            value={l.postalCode}
                            onChange={(event) => updatePlace(l.id, { postalCode: event.currentTarget.value })}
                          />
                        </SimpleGrid>
                        <TextInput
                          label={t('serviceForm.accessibility')}
                          value={l.accessibility}
                          onChange={(event) => updatePlace(l.id, { accessibility: event.currentTarget.value })}
                        />
                        <TextInput
                          label={t('serviceForm.transportation')}
                          value={l.transportation}
                          onChange={(event) => updatePlace(l.id, { transportation: event.currentTarget.value })}
                        />
                        <SimpleGrid cols={2} spacing="xs">
                          <NumberInput
                            label={t('serviceForm.latitude')}
                            decimalScale={6}
                            min={-90}
                            max={90}
                            value={l.latitude ?? ''}
                            onChange={(value) => updatePlace(l.id, { latitude: value === '' ? null : Number(value) })}
                            error={errors.field(`locations.${i}.latitude`)}
                          />
                          <NumberInput
                            label={t('serviceForm.longitude')}
                            decimalScale={6}
                            min={-180}
                            max={180}
                            value={l.longitude ?? ''}
                            onChange={(value) => updatePlace(l.id, { longitude: value === '' ? null : Number(value) })}
                            error={errors.field(`locations.${i}.longitude`)}
                          />
                        </SimpleGrid>
                      </Stack>
                    </Card>
                  ))}
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={18} aria-hidden />}
                    onClick={() =>
                      set('locations', [
                        ...values.locations,
                        {
                          id: uuidv7(),
                          name: '',
                          address: '',
                          city: '',
                          postalCode: '',
                          accessibility: '',
                          transportation: '',
                          latitude: null,
                          longitude: null,
                        },
                      ])
                    }
                  >
                    {t('serviceForm.addLocation')}
                  </Button>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="contacts">
              <Accordion.Control>{t('serviceForm.contacts')}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  {values.contacts.map((c, i) => (
                    <Card key={c.key} withBorder padding="xs">
                      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                        <TextInput
                          label={t('serviceForm.contactName')}
                          value={c.name}
                          onChange={(event) => updatePerson(c.key, { name: event.currentTarget.value })}
                        />
                        <TextInput
                          label={t('serviceForm.contactTitle')}
                          value={c.title}
                          onChange={(event) => updatePerson(c.key, { title: event.currentTarget.value })}
                        />
                        <TextInput
                          label={t('serviceForm.phone')}
                          type="tel"
                          value={c.phone}
                          onChange={(event) => updatePerson(c.key, { phone: event.currentTarget.value })}
                          error={errors.field(`contacts.${i}.phone`)}
                        />
                        <TextInput
                          label={t('serviceForm.email')}
                          type="email"
                          value={c.email}
                          onChange={(event) => updatePerson(c.key, { email: event.currentTarget.value })}
                          error={errors.field(`contacts.${i}.email`)}
                        />
                      </SimpleGrid>
                      <Button
                        mt="xs"
                        variant="subtle"
                        color="red"
                        size="compact-sm"
                        onClick={() =>
                          set(
                            'contacts',
                            values.contacts.filter((x) => x.key !== c.key),
                          )
                        }
                      >
                        {t('serviceForm.remove')}
                      </Button>
                    </Card>
                  ))}
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={18} aria-hidden />}
                    onClick={() =>
                      set('contacts', [
                        ...values.contacts,
                        { key: uuidv7(), name: '', title: '', phone: '', email: '' },
                      ])
                    }
                  >
                    {t('serviceForm.addContact')}
                  </Button>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="neighbourhoods">
              <Accordion.Control>{t('serviceForm.neighbourhoods')}</Accordion.Control>
              <Accordion.Panel>
                <Chip.Group multiple value={values.neighbourhoodIds} onChange={(ids) => set('neighbourhoodIds', ids)}>
                  <Group gap={6}>
                    {(neighbourhoods.data?.items ?? []).map((n) => (
                      <Chip key={n.id} value={n.id} size="sm">
                        {n.name}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <FormAlert message={errors.general} />
          <Button type="submit" size="md" loading={save.isPending} disabled={!values.name.trim() || !values.actorId}>
            {service ? t('serviceForm.save') : t('serviceForm.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
