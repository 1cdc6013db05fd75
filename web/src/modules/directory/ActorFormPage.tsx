import {
  Accordion,
  Button,
  Checkbox,
  Chip,
  Group,
  MultiSelect,
  NativeSelect,
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
import { type Actor, categoriesOf } from '../../../../core/contracts/directory.ts';
import type { ActorKind } from '../../../../core/directory.ts';
import { consentScopes } from '../../../../core/fieldwork.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { api } from '../../api/client.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { referenceQuery } from '../fieldwork/data.ts';
import { actorQuery, directoryKey, languageList, neighbourhoodsQuery } from './data.ts';

const newRoute = getRouteApi('/signed-in/directory/actors/new');
const editRoute = getRouteApi('/signed-in/directory/actors/$actorId/edit');

type Values = {
  name: string;
  category: string;
  description: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  city: string;
  postalCode: string;
  languages: string;
  alternateName: string;
  neighbourhoodIds: string[];
  isHostPartner: boolean;
  hostedWorkerIds: string[];
  consent: boolean;
  consentScope: string;
  teamId: string;
};

function valuesOf(actor: Actor | undefined, kind: ActorKind): Values {
  return {
    name: actor?.name ?? '',
    category: actor?.category ?? categoriesOf[kind][0],
    description: actor?.description ?? '',
    phone: actor?.contact?.phone ?? '',
    email: actor?.contact?.email ?? '',
    website: actor?.contact?.website ?? '',
    address: actor?.contact?.address ?? '',
    city: actor?.contact?.city ?? '',
    postalCode: actor?.contact?.postalCode ?? '',
    languages: (actor?.languages ?? ['fr']).join(', '),
    alternateName: actor?.alternateName ?? '',
    neighbourhoodIds: actor?.neighbourhoodIds ?? [],
    isHostPartner: actor?.isHostPartner ?? false,
    hostedWorkerIds: actor?.hostedWorkers.map((w) => w.userId) ?? [],
    consent: Boolean(actor?.consent),
    consentScope: actor?.consent?.scope ?? 'identityAndContact',
    teamId: actor?.teamId ?? '',
  };
}

const contactFields = ['phone', 'email', 'website', 'address', 'city', 'postalCode'] as const;
const formFields = ['name', 'category', 'description', 'languages', 'alternateName', 'teamId', ...contactFields];
const orNull = (value: string) => value.trim() || null;

export function NewActorPage() {
  const { kind } = newRoute.useSearch();
  return <ActorForm key={kind} kind={kind} initial={valuesOf(undefined, kind)} />;
}

export function EditActorPage() {
  const { actorId } = editRoute.useParams();
  const actor = useQuery(actorQuery(actorId));
  if (!actor.data) return <PageLoader />;
  return (
    <ActorForm
      key={actor.data.id}
      actor={actor.data}
      kind={actor.data.kind}
      initial={valuesOf(actor.data, actor.data.kind)}
    />
  );
}

/** Name and category first; contact details (for a key person: only with their agreement); details folded. */
function ActorForm({ actor, kind, initial }: { actor?: Actor; kind: ActorKind; initial: Values }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const reference = useQuery(referenceQuery);
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  const [values, setValues] = useState<Values>(initial);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const keyPerson = kind === 'keyPerson';
  const contactAllowed = !keyPerson || values.consent;
  const hostedKnown = new Map(actor?.hostedWorkers.map((w) => [w.userId, w.name]) ?? []);
  const members = [
    ...new Map(
      [...(reference.data?.members ?? []).map((m) => [m.id, m.name] as const), ...hostedKnown.entries()].map(
        ([id, name]) => [id, name],
      ),
    ).entries(),
  ].map(([value, label]) => ({ value, label }));

  const body = () => {
    const contact = Object.fromEntries(contactFields.map((f) => [f, contactAllowed ? orNull(values[f]) : null]));
    const previous = new Map(actor?.hostedWorkers.map((w) => [w.userId, w.sharePercent]) ?? []);
    return {
      name: values.name.trim(),
      category: values.category,
      description: orNull(values.description),
      alternateName: orNull(values.alternateName),
      languages: languageList(values.languages),
      neighbourhoodIds: values.neighbourhoodIds,
      isHostPartner: values.isHostPartner,
      hostedWorkers: values.isHostPartner
        ? values.hostedWorkerIds.map((userId) => ({ userId, sharePercent: previous.get(userId) ?? 20 }))
        : [],
      ...(keyPerson && values.consent && !actor?.consent ? { consent: { scope: values.consentScope } } : {}),
      ...(keyPerson && !values.consent ? {} : contact),
    };
  };
  const save = useMutation({
    mutationFn: () =>
      actor
        ? api.patch<Actor>(`/actors/${actor.id}`, { baseVersion: actor.version, ...body() })
        : api.post<Actor>('/actors', {
            id: uuidv7(),
            kind,
            ...(keyPerson && values.teamId ? { teamId: values.teamId } : {}),
            ...body(),
          }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(actorQuery(saved.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: directoryKey });
      await navigate({ to: '/directory/actors/$actorId', params: { actorId: saved.id } });
    },
  });
  const errors = useApiError(save.error, formFields);
  const field = (name: (typeof contactFields)[number], type = 'text') => (
    <TextInput
      label={t(`actorForm.${name}`)}
      type={type}
      value={values[name]}
      onChange={(event) => set(name, event.currentTarget.value)}
      error={errors.field(name)}
    />
  );

  const title = actor
    ? t('actorForm.editTitle', { name: actor.name })
    : keyPerson
      ? t('actorForm.newKeyPerson')
      : t('actorForm.newOrganisation');

  return (
    <Stack gap="md">
      <PageTitle title={title} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <TextInput
            label={keyPerson ? t('actorForm.keyPersonName') : t('actorForm.name')}
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.field('name')}
          />
          <NativeSelect
            label={t('actorForm.category')}
            value={values.category}
            onChange={(event) => set('category', event.currentTarget.value)}
            data={categoriesOf[kind].map((category) => ({ value: category, label: t(`actorCategory.${category}`) }))}
            error={errors.field('category')}
          />
          {keyPerson && !actor && user.teams.length > 1 ? (
            <NativeSelect
              label={t('actorForm.team')}
              required
              value={values.teamId}
              onChange={(event) => set('teamId', event.currentTarget.value)}
              data={[{ value: '', label: '—' }, ...user.teams.map((team) => ({ value: team.id, label: team.name }))]}
              error={errors.field('teamId')}
            />
          ) : null}
          {keyPerson ? (
            <Stack gap="xs">
              <Checkbox
                label={t('actorForm.consent')}
                description={t('actorForm.consentHelp')}
                checked={values.consent}
                disabled={Boolean(actor?.consent)}
                onChange={(event) => set('consent', event.currentTarget.checked)}
              />
              {values.consent && !actor?.consent ? (
                <NativeSelect
                  label={t('actorForm.consentScope')}
                  value={values.consentScope}
                  onChange={(event) => set('consentScope', event.currentTarget.value)}
                  data={consentScopes.map((scope) => ({ value: scope, label: t(`person.scope.${scope}`) }))}
                />
              ) : null}
            </Stack>
          ) : null}
          {contactAllowed ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {field('phone', 'tel')}
              {field('email', 'email')}
            </SimpleGrid>
          ) : null}
          <Accordion variant="separated" multiple>
            <Accordion.Item value="details">
              <Accordion.Control>{t('actorForm.details')}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Textarea
                    label={t('actorForm.description')}
                    autosize
                    minRows={2}
                    value={values.description}
                    onChange={(event) => set('description', event.currentTarget.value)}
                    error={errors.field('description')}
                  />
                  {!keyPerson ? (
                    <TextInput
                      label={t('actorForm.alternateName')}
                      value={values.alternateName}
                      onChange={(event) => set('alternateName', event.currentTarget.value)}
                    />
                  ) : null}
                  {contactAllowed ? (
                    <>
                      {field('address')}
                      <SimpleGrid cols={2} spacing="sm">
                        {field('city')}
                        {field('postalCode')}
                      </SimpleGrid>
                      {!keyPerson ? field('website', 'url') : null}
                    </>
                  ) : null}
                  <TextInput
                    label={t('actorForm.languages')}
                    description={t('actorForm.languagesHelp')}
                    value={values.languages}
                    onChange={(event) => set('languages', event.currentTarget.value)}
                    error={errors.field('languages')}
                  />
                  <Stack gap={4}>
                    <Text fw={500} fz="sm" id="actor-neighbourhoods">
                      {t('actorForm.neighbourhoods')}
                    </Text>
                    <Chip.Group
                      multiple
                      value={values.neighbourhoodIds}
                      onChange={(ids) => set('neighbourhoodIds', ids)}
                    >
                      <Group gap={6} role="group" aria-labelledby="actor-neighbourhoods">
                        {(neighbourhoods.data?.items ?? []).map((n) => (
                          <Chip key={n.id} value={n.id} size="sm">
                            {n.name}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                  </Stack>
                  {!keyPerson ? (
                    <>
                      <Checkbox
                        label={t('actorForm.hostPartner')}
                        checked={values.isHostPartner}
                        onChange={(event) => set('isHostPartner', event.currentTarget.checked)}
                      />
                      {values.isHostPartner ? (
                        <MultiSelect
                          label={t('actorForm.hostedWorkers')}
                          data={members}
                          value={values.hostedWorkerIds}
                          onChange={(ids) => set('hostedWorkerIds', ids)}
                          searchable
                          error={errors.field('hostedWorkers')}
                        />
                      ) : null}
                    </>
                  ) : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <FormAlert message={errors.general} />
          <Button type="submit" size="md" loading={save.isPending} disabled={!values.name.trim()}>
            {actor ? t('actorForm.save') : t('actorForm.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
