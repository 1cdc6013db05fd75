import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Group,
  Radio,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateReferralBody } from '../../../../core/contracts/referrals.ts';
import { type ReferralSharedItem, referralSharedItems } from '../../../../core/referrals.ts';
import { useCurrentUser } from '../../api/session.ts';
import { useSyncState } from '../../offline/use-sync-state.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { activeTerms, outboxQuery, pendingPeople, referenceQuery } from '../fieldwork/data.ts';
import { personQuery } from '../people/data.ts';
import { createReferral } from './actions.ts';
import { recentServicesQuery, type ServiceChoice, serviceSuggestionsQuery } from './data.ts';

const route = getRouteApi('/signed-in/referrals/new');

/**
 * "Orienter" in a few taps: the contact's needs already ticked, services for them offered (the
 * directory online; the services this phone used lately offline), what the person agrees to pass
 * on (nothing by default), save. The referral waits in the outbox like a contact.
 */
export function ReferPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const search = route.useSearch();
  const sync = useSyncState();
  const reference = useQuery(referenceQuery);
  const outbox = useQuery(outboxQuery);
  const recent = useQuery(recentServicesQuery);
  const personId = search.personId ?? null;
  const person = useQuery({ ...personQuery(personId ?? ''), enabled: Boolean(personId) });

  const [needs, setNeeds] = useState<string[]>(search.needs ?? []);
  // The contact's needs come first; the whole list waits behind one tap.
  const [allNeeds, setAllNeeds] = useState(!search.needs?.length);
  const [words, setWords] = useState('');
  const [debouncedWords] = useDebouncedValue(words, 300);
  const [service, setService] = useState<ServiceChoice | null>(null);
  const [shared, setShared] = useState<ReferralSharedItem[]>([]);
  const [alreadySent, setAlreadySent] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [missing, setMissing] = useState<{ needs?: boolean; service?: boolean }>({});

  const suggestions = useQuery(serviceSuggestionsQuery(needs, debouncedWords));
  const offline = !sync.online || sync.problem === 'network';

  const nickname =
    person.data?.nickname ??
    [...(reference.data?.people ?? []), ...pendingPeople(outbox.data, null)].find((p) => p.id === personId)?.nickname;
  const who = personId ? (nickname ?? t('day.knownPerson')) : t('referrals.anonymous');
  const consent = person.data?.consent?.scope ?? null;
  const allowed = (item: ReferralSharedItem) =>
    item === 'name' ? Boolean(consent) : item === 'phone' ? consent !== null && consent !== 'identity' : true;
  const offerable = referralSharedItems.filter((item) =>
    personId ? allowed(item) : item !== 'name' && item !== 'phone',
  );

  const found = suggestions.data ?? [];
  const recentChoices = (recent.data ?? []).filter((choice) => !found.some((hit) => hit.id === choice.id));
  const noNetworkAnswer = suggestions.isError || (offline && !suggestions.data);

  const save = async () => {
    const lacking = { needs: needs.length === 0, service: !service };
    setMissing(lacking);
    if (lacking.needs || lacking.service || !service) return;
    setSaving(true);
    const body: Omit<CreateReferralBody, 'id'> = {
      serviceId: service.id,
      needs,
      sharedItems: shared,
      status: alreadySent ? 'sent' : 'proposed',
      note: note.trim() || undefined,
    };
    if (search.encounterId) body.encounterId = search.encounterId;
    if (personId) body.personId = personId;
    if (!search.encounterId && !personId && user.teams.length > 1) body.teamId = user.teams[0]?.id;
    const { referralId } = await createReferral(body, service);
    await navigate({ to: '/referrals/$referralId', params: { referralId }, search: { created: true } });
  };

  const serviceCard = (choice: ServiceChoice) => (
    <Radio.Card key={choice.id} value={choice.id} p="sm" radius="md" withBorder data-testid="service-choice">
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={4} />
        <Stack gap={2} miw={0}>
          <Text fw={600}>{choice.name}</Text>
          <Text fz="sm">{choice.organisationName}</Text>
          {choice.availability !== 'open' ? (
            <span>
              <Tag tone={choice.availability === 'waitingList' ? 'orange' : 'red'}>
                {t(`availability.${choice.availability}`)}
              </Tag>
            </span>
          ) : null}
        </Stack>
      </Group>
    </Radio.Card>
  );

  return (
    <Stack gap="md" pb={96}>
      <PageTitle title={t('referrals.newTitle')} description={t('referrals.forWhom', { who })} />

      <Part title={t('referrals.needs')} help={t('referrals.needsHelp')}>
        <Chip.Group multiple value={needs} onChange={setNeeds}>
          <Group gap={8} role="group" aria-label={t('referrals.needs')}>
            {activeTerms(reference.data, 'need')
              .filter((term) => allNeeds || (search.needs ?? []).includes(term.code))
              .map((term) => (
                <Chip key={term.code} value={term.code} size="lg">
                  {term.label[language]}
                </Chip>
              ))}
          </Group>
        </Chip.Group>
        {allNeeds ? null : (
          <Button variant="subtle" onClick={() => setAllNeeds(true)} style={{ alignSelf: 'flex-start' }}>
            {t('referrals.otherNeeds')}
          </Button>
        )}
        {missing.needs && needs.length === 0 ? (
          <Text c="red.8" fz="sm" role="alert">
            {t('referrals.needsMissing')}
          </Text>
        ) : null}
      </Part>

      <Part title={t('referrals.service')}>
        {service ? (
          <Group justify="space-between" wrap="nowrap" data-testid="chosen-service">
            <Stack gap={0} miw={0}>
              <Text fw={700}>{service.name}</Text>
              <Text fz="sm">{service.organisationName}</Text>
            </Stack>
            <Button variant="default" onClick={() => setService(null)} style={{ flexShrink: 0 }}>
              {t('referrals.change')}
            </Button>
          </Group>
        ) : (
          <>
            <TextInput
              label={t('referrals.searchService')}
              description={t('referrals.searchServiceHelp')}
              leftSection={<IconSearch size={18} aria-hidden />}
              value={words}
              size="md"
              onChange={(event) => setWords(event.currentTarget.value)}
            />
            <Radio.Group
              value={null}
              onChange={(id) => setService([...found, ...recentChoices].find((choice) => choice.id === id) ?? null)}
              aria-label={t('referrals.service')}
            >
              <Stack gap="xs">
                {found.length > 0 ? (
                  <Text fw={600} fz="sm">
                    {debouncedWords.trim() ? t('referrals.searchService') : t('referrals.suggested')}
                  </Text>
                ) : null}
                {found.map(serviceCard)}
                {suggestions.isSuccess && found.length === 0 && !offline ? (
                  <Text c="dimmed">{t('referrals.noService')}</Text>
                ) : null}
                {noNetworkAnswer ? (
                  <Alert color="gray">
                    {recentChoices.length > 0 ? t('referrals.offlineServices') : t('referrals.offlineNoService')}
                  </Alert>
                ) : null}
                {recentChoices.length > 0 ? (
                  <Text fw={600} fz="sm">
                    {t('referrals.recent')}
                  </Text>
                ) : null}
                {recentChoices.map(serviceCard)}
              </Stack>
            </Radio.Group>
          </>
        )}
        {missing.service && !service ? (
          <Text c="red.8" fz="sm" role="alert">
            {t('referrals.serviceMissing')}
          </Text>
        ) : null}
      </Part>

      <Part title={t('referrals.share')} help={t('referrals.shareHelp')}>
        <Checkbox.Group value={shared} onChange={(value) => setShared(value as ReferralSharedItem[])}>
          <Stack gap="sm">
            {offerable.map((item) => (
              <Checkbox key={item} value={item} label={t(`sharedItem.${item}`)} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
        {offerable.length < referralSharedItems.length ? (
          <Text fz="sm" c="dimmed">
            {t('referrals.shareNeedsConsent')}
          </Text>
        ) : null}
      </Part>

      <Switch
        size="md"
        label={t('referrals.alreadySent')}
        checked={alreadySent}
        onChange={(event) => setAlreadySent(event.currentTarget.checked)}
      />
      <Textarea
        label={t('referrals.note')}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />

      <Box
        pos="fixed"
        left={0}
        right={0}
        bottom="calc(var(--app-shell-footer-offset, 0px) + 8px)"
        px="md"
        style={{ zIndex: 150 }}
      >
        <Button size="xl" fullWidth onClick={() => void save()} loading={saving} maw={640} mx="auto" display="block">
          {t('referrals.save')}
        </Button>
      </Box>
    </Stack>
  );
}

function Part({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <Stack gap={6} component="section">
      <Title order={2} fz="lg">
        {title}
      </Title>
      {help ? (
        <Text fz="sm" c="dimmed" mt={-4}>
          {help}
        </Text>
      ) : null}
      {children}
    </Stack>
  );
}
