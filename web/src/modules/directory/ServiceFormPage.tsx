import {
  Accordion,
  Button,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
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
import { actorQuery, directoryKey, neighbourhoodsQuery, organisationsQuery, serviceQuery } from './data.ts';
import { ServiceFormLists } from './ServiceFormLists.tsx';
import { bodyOf, formFields, type Values, valuesOf } from './service-form.values.ts';

const editRoute = getRouteApi('/signed-in/directory/services/$serviceId/edit');
const newRoute = getRouteApi('/signed-in/directory/services/new');

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
            <ServiceFormLists values={values} set={set} field={errors.field} />
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
