import {
  Button,
  Card,
  Chip,
  Collapse,
  Group,
  Menu,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconBuildingCommunity,
  IconPlus,
  IconPrinter,
  IconSearch,
  IconUserStar,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActorHit, ServiceHit } from '../../../../core/contracts/directory-search.ts';
import type { Availability } from '../../../../core/directory.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterButton } from '../../ui/RouterButton.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { activeTerms, referenceQuery, termLabel } from '../fieldwork/data.ts';
import { HsdsLink } from '../hsds/HsdsLink.tsx';
import { directorySearchQuery, languageName, neighbourhoodsQuery } from './data.ts';
import { AvailabilityTag, Highlight, useCanEditDirectory } from './parts.tsx';

const route = getRouteApi('/signed-in/directory');
const commonLanguages = ['fr', 'en', 'ar', 'es', 'pt', 'zh', 'fa', 'uk', 'ru', 'nl', 'tr', 'sw'];

/** One search box over the neighbourhood's services and actors, with filters as chips. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate({ from: '/directory' });
  const search = route.useSearch();
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [moreFilters, setMoreFilters] = useState(Boolean(search.need || search.language || search.neighbourhoodId));
  const canEdit = useCanEditDirectory();
  const reference = useQuery(referenceQuery);
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  const found = useQuery(directorySearchQuery({ ...search, q: debounced || undefined }));

  useEffect(() => {
    if ((search.q ?? '') !== debounced)
      void navigate({ search: (previous) => ({ ...previous, q: debounced || undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const setFilter = (changes: Partial<typeof search>) =>
    void navigate({ search: (previous) => ({ ...previous, ...changes }), replace: true });
  const toggleAvailability = (value: Availability) => {
    const current = search.availability ?? [];
    const next = current.includes(value) ? current.filter((a) => a !== value) : [...current, value];
    setFilter({ availability: next.length ? next : undefined });
  };
  const filtered = Boolean(
    search.need || search.language || search.neighbourhoodId || search.openNow || search.availability?.length,
  );
  const services = found.data?.services ?? [];
  const actors = found.data?.actors ?? [];
  const corrections = found.data?.corrections ?? [];

  return (
    <Stack gap="md">
      <PageTitle
        title={t('directory.title')}
        description={t('directory.intro')}
        actions={
          <>
            {canEdit ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button leftSection={<IconPlus size={18} aria-hidden />}>{t('directory.add')}</Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    onClick={() => void navigate({ to: '/directory/services/new' })}
                    leftSection={<IconPlus size={18} aria-hidden />}
                  >
                    {t('directory.addService')}
                  </Menu.Item>
                  <Menu.Item
                    onClick={() => void navigate({ to: '/directory/actors/new', search: { kind: 'organisation' } })}
                    leftSection={<IconBuildingCommunity size={18} aria-hidden />}
                  >
                    {t('directory.addOrganisation')}
                  </Menu.Item>
                  <Menu.Item
                    onClick={() => void navigate({ to: '/directory/actors/new', search: { kind: 'keyPerson' } })}
                    leftSection={<IconUserStar size={18} aria-hidden />}
                  >
                    {t('directory.addKeyPerson')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
            <RouterButton
              to="/directory/print"
              search={{ lang: language }}
              variant="default"
              leftSection={<IconPrinter size={18} aria-hidden />}
            >
              {t('directory.printShort')}
            </RouterButton>
            <HsdsLink />
          </>
        }
      />
      <TextInput
        type="search"
        size="md"
        label={t('directory.search')}
        description={t('directory.searchHelp')}
        placeholder={t('directory.searchPlaceholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <Group gap="xs" role="group" aria-label={t('directory.filters')}>
        <Chip
          checked={Boolean(search.openNow)}
          onChange={() => setFilter({ openNow: search.openNow ? undefined : true })}
        >
          {t('directory.openNow')}
        </Chip>
        {(['open', 'waitingList'] as const).map((value) => (
          <Chip
            key={value}
            checked={search.availability?.includes(value) ?? false}
            onChange={() => toggleAvailability(value)}
          >
            {t(`availability.${value}`)}
          </Chip>
        ))}
        <Button
          variant="subtle"
          size="compact-md"
          leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
          onClick={() => setMoreFilters(!moreFilters)}
          aria-expanded={moreFilters}
        >
          {t('directory.filters')}
        </Button>
      </Group>
      <Collapse expanded={moreFilters}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('directory.need')}
            value={search.need ?? ''}
            onChange={(event) => setFilter({ need: event.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('directory.anyNeed') },
              ...activeTerms(reference.data, 'need').map((term) => ({ value: term.code, label: term.label[language] })),
            ]}
          />
          <NativeSelect
            label={t('directory.language')}
            value={search.language ?? ''}
            onChange={(event) => setFilter({ language: event.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('directory.anyLanguage') },
              ...commonLanguages.map((code) => ({ value: code, label: languageName(code, language) })),
            ]}
          />
          <NativeSelect
            label={t('directory.neighbourhood')}
            value={search.neighbourhoodId ?? ''}
            onChange={(event) => setFilter({ neighbourhoodId: event.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('directory.anyNeighbourhood') },
              ...(neighbourhoods.data?.items ?? []).map((n) => ({ value: n.id, label: n.name })),
            ]}
          />
        </SimpleGrid>
      </Collapse>
      {filtered ? (
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() =>
              setFilter({
                need: undefined,
                language: undefined,
                neighbourhoodId: undefined,
                openNow: undefined,
                availability: undefined,
              })
            }
          >
            {t('directory.clearFilters')}
          </Button>
        </Group>
      ) : null}
      {corrections.length ? (
        <Text c="dimmed" fz="sm" data-testid="directory-corrections">
          {t('directory.corrected', { words: corrections.map((c) => c.to).join(', ') })}
        </Text>
      ) : null}
      {actors.length ? (
        <Stack gap="xs" component="section" aria-labelledby="directory-actors">
          <Text component="h2" fw={700} fz="lg" m={0} id="directory-actors">
            {t('directory.actors')}
          </Text>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {actors.map((actor) => (
              <li key={actor.id}>
                <ActorRow actor={actor} />
              </li>
            ))}
          </Stack>
        </Stack>
      ) : null}
      <Stack gap="xs" component="section" aria-labelledby="directory-services">
        <Text component="h2" fw={700} fz="lg" m={0} id="directory-services">
          {t('directory.services')}
        </Text>
        {services.length === 0 && !found.isPending ? (
          debounced || filtered ? (
            <EmptyMessage title={t('directory.noMatch')}>{t('directory.noMatchText')}</EmptyMessage>
          ) : (
            <EmptyMessage title={t('directory.empty')}>{t('directory.emptyText')}</EmptyMessage>
          )
        ) : null}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="directory-services">
          {services.map((service) => (
            <li key={service.id}>
              <ServiceRow
                service={service}
                needLabels={service.needs.map((code) => termLabel(reference.data, 'need', code, language))}
              />
            </li>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}

const linkStyle = { color: 'inherit', textDecoration: 'none' };

function ServiceRow({ service, needLabels }: { service: ServiceHit; needLabels: string[] }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="sm"
      renderRoot={(props) => (
        <Link to="/directory/services/$serviceId" params={{ serviceId: service.id }} {...props} style={linkStyle} />
      )}
    >
      <Stack gap={4}>
        <Text fw={700} fz="md">
          {service.name}
        </Text>
        <Text fz="sm" c="dimmed">
          {service.organisation.name}
          {needLabels.length ? ` · ${needLabels.join(', ')}` : ''}
        </Text>
        {service.highlight ? (
          <Text fz="sm" lineClamp={2}>
            <Highlight text={service.highlight} />
          </Text>
        ) : null}
        <Group gap={6}>
          <AvailabilityTag availability={service.availability} waitDays={service.expectedWaitDays} />
          {service.openNow ? <Tag tone="blue">{t('directory.open')}</Tag> : null}
          {service.free ? <Tag tone="gray">{t('directory.free')}</Tag> : null}
        </Group>
      </Stack>
    </Card>
  );
}

function ActorRow({ actor }: { actor: ActorHit }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="sm"
      renderRoot={(props) => (
        <Link to="/directory/actors/$actorId" params={{ actorId: actor.id }} {...props} style={linkStyle} />
      )}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Stack gap={2}>
          <Text fw={700}>{actor.name}</Text>
          <Text fz="sm" c="dimmed">
            {t(`actorCategory.${actor.category}`)}
            {actor.city ? ` · ${actor.city}` : ''}
          </Text>
        </Stack>
        {actor.kind === 'keyPerson' ? <Tag tone="grape">{t('directory.keyPerson')}</Tag> : null}
      </Group>
    </Card>
  );
}
