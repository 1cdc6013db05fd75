import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../core/contracts/taxonomies.ts';
import { type TaxonomyKind, taxonomyKinds } from '../../../../core/fieldwork.ts';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';

const termsKey = (kind: TaxonomyKind) => ['taxonomies', kind];

/** Coordinators keep the lists the field chooses from: labels in both languages, order, in use or not. */
export function TaxonomiesPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TaxonomyKind>('need');
  const terms = useQuery({
    queryKey: termsKey(kind),
    queryFn: () => api.get<{ items: Term[] }>('/taxonomies', { kind, includeInactive: 'true' }),
  });
  const items = [...(terms.data?.items ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <Stack gap="md">
      <PageTitle title={t('taxonomies.title')} description={t('taxonomies.intro')} />
      <NativeSelect
        label={t('taxonomies.kind')}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value as TaxonomyKind)}
        data={taxonomyKinds.map((candidate) => ({ value: candidate, label: t(`taxonomies.kinds.${candidate}`) }))}
      />
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((term, index) => (
          <li key={`${term.id}:${term.version}`}>
            <TermRow term={term} previous={items[index - 1]} next={items[index + 1]} />
          </li>
        ))}
      </Stack>
      <NewTerm kind={kind} nextOrder={(items.at(-1)?.sortOrder ?? 0) + 10} />
    </Stack>
  );
}

function useTermCall<Input>(kind: TaxonomyKind, call: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: termsKey(kind) });
      void queryClient.invalidateQueries({ queryKey: ['fieldwork', 'reference'] });
    },
  });
}

function TermRow({ term, previous, next }: { term: Term; previous?: Term; next?: Term }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [fr, setFr] = useState(term.label.fr);
  const [en, setEn] = useState(term.label.en);
  const patch = (target: Term, body: Record<string, unknown>) =>
    api.patch<Term>(`/taxonomies/${target.id}`, { baseVersion: target.version, ...body });
  const save = useTermCall(term.kind, (body: Record<string, unknown>) => patch(term, body));
  // Moving swaps the order with the neighbour: two small writes, each with its version.
  const move = useTermCall(term.kind, async (other: Term) => {
    const order =
      term.sortOrder === other.sortOrder ? other.sortOrder + (other === previous ? -1 : 1) : other.sortOrder;
    await patch(term, { sortOrder: Math.max(0, order) });
    await patch(other, { sortOrder: term.sortOrder });
  });
  const failure = useApiError(save.error ?? move.error, ['label.fr', 'label.en']);
  const label = term.label[language];
  const changed = fr.trim() !== term.label.fr || en.trim() !== term.label.en;
  return (
    <Card withBorder padding="sm" data-testid="term" opacity={term.active ? 1 : 0.75}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>
            {label}{' '}
            <Text component="span" c="dimmed" fz="sm">
              ({term.code})
            </Text>
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              disabled={!previous}
              onClick={() => previous && move.mutate(previous)}
              aria-label={t('taxonomies.moveUp', { label })}
            >
              <IconArrowUp size={20} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              disabled={!next}
              onClick={() => next && move.mutate(next)}
              aria-label={t('taxonomies.moveDown', { label })}
            >
              <IconArrowDown size={20} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <FormAlert message={failure.general} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TextInput
            label={t('taxonomies.labelFr')}
            value={fr}
            onChange={(event) => setFr(event.currentTarget.value)}
            error={failure.field('label.fr')}
          />
          <TextInput
            label={t('taxonomies.labelEn')}
            value={en}
            onChange={(event) => setEn(event.currentTarget.value)}
            error={failure.field('label.en')}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Switch
            size="md"
            label={t('taxonomies.active')}
            checked={term.active}
            onChange={(event) => save.mutate({ active: event.currentTarget.checked })}
          />
          <Button
            variant="light"
            disabled={!changed || !fr.trim() || !en.trim()}
            loading={save.isPending}
            onClick={() => save.mutate({ label: { fr: fr.trim(), en: en.trim() } })}
            aria-label={t('taxonomies.saveLabel', { label })}
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function NewTerm({ kind, nextOrder }: { kind: TaxonomyKind; nextOrder: number }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [fr, setFr] = useState('');
  const [en, setEn] = useState('');
  const create = useTermCall(kind, () =>
    api.post<Term>('/taxonomies', {
      kind,
      code: code.trim(),
      label: { fr: fr.trim(), en: en.trim() },
      sortOrder: nextOrder,
    }),
  );
  const failure = useApiError(create.error, ['code', 'label.fr', 'label.en']);
  return (
    <Card withBorder padding="md" component="section">
      <Stack gap="sm">
        <Text fw={700} component="h2" fz="lg" m={0}>
          {t('taxonomies.newTitle')}
        </Text>
        <FormAlert message={failure.general} />
        <TextInput
          label={t('fields.code')}
          description={t('taxonomies.codeHelp')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={failure.field('code')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TextInput
            label={t('taxonomies.labelFr')}
            value={fr}
            onChange={(event) => setFr(event.currentTarget.value)}
            error={failure.field('label.fr')}
          />
          <TextInput
            label={t('taxonomies.labelEn')}
            value={en}
            onChange={(event) => setEn(event.currentTarget.value)}
            error={failure.field('label.en')}
          />
        </SimpleGrid>
        <Button
          style={{ alignSelf: 'flex-start' }}
          disabled={!code.trim() || !fr.trim() || !en.trim()}
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: () => {
                setCode('');
                setFr('');
                setEn('');
              },
            })
          }
        >
          {t('taxonomies.add')}
        </Button>
      </Stack>
    </Card>
  );
}
