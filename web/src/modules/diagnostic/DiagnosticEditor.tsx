import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Diagnostic, diagnosticSectionKeys } from '../../../../core/contracts/diagnostic.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { diagnosticQuery, diagnosticsKey, saveDiagnosticVersion, type VersionDraft } from './data.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const storageKey = (neighbourhoodId: string) => `relais.diagnostic.draft.${neighbourhoodId}`;

/** The text as it was last saved, or a blank diagnostic whose figures cover the last year. */
function initialDraft(diagnostic: Diagnostic): VersionDraft {
  const kept = localStorage.getItem(storageKey(diagnostic.neighbourhoodId));
  if (kept) {
    const parsed = JSON.parse(kept) as VersionDraft;
    return { ...parsed, baseVersion: diagnostic.currentVersion };
  }
  const latest = diagnostic.latest;
  return {
    baseVersion: diagnostic.currentVersion,
    title: latest?.title ?? `Diagnostic ${diagnostic.neighbourhoodName} ${new Date().getFullYear()}`,
    sections: latest?.sections ?? Object.fromEntries(diagnosticSectionKeys.map((key) => [key, ''])),
    priorities: latest?.priorities ?? [],
    periodFrom: latest?.periodFrom ?? isoDay(new Date(Date.now() - 364 * day)),
    periodTo: latest?.periodTo ?? isoDay(new Date()),
    publish: false,
  } as VersionDraft;
}

/**
 * Every section in a big text field, priorities as a short list, one clear "save a version". The
 * text is kept on this device until it is saved, so a closed tab or a conflict loses nothing.
 */
export function DiagnosticEditor({
  diagnostic,
  canPublish,
  onDone,
}: {
  diagnostic: Diagnostic;
  canPublish: boolean;
  onDone: (saved: number | null) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<VersionDraft>(() => initialDraft(diagnostic));
  useEffect(() => {
    localStorage.setItem(storageKey(diagnostic.neighbourhoodId), JSON.stringify(draft));
  }, [draft, diagnostic.neighbourhoodId]);
  const save = useMutation({
    mutationFn: () => saveDiagnosticVersion(diagnostic.neighbourhoodId, draft),
    onSuccess: (saved) => {
      localStorage.removeItem(storageKey(diagnostic.neighbourhoodId));
      queryClient.setQueryData(diagnosticQuery(diagnostic.neighbourhoodId).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: diagnosticsKey });
      onDone(saved.currentVersion);
    },
    onError: async (error) => {
      if (!(error instanceof ApiError) || error.status !== 409) return;
      // Someone saved in between: read their version, keep this text, save on top of theirs next time.
      const latest = await queryClient.fetchQuery({ ...diagnosticQuery(diagnostic.neighbourhoodId), staleTime: 0 });
      setDraft((current) => ({ ...current, baseVersion: latest.currentVersion }));
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const { general, field } = useApiError(conflict ? null : save.error, ['title', 'periodFrom', 'periodTo']);
  const setSection = (key: string, value: string) =>
    setDraft({ ...draft, sections: { ...draft.sections, [key]: value } });
  const setPriority = (index: number, change: Partial<VersionDraft['priorities'][number]>) =>
    setDraft({ ...draft, priorities: draft.priorities.map((p, i) => (i === index ? { ...p, ...change } : p)) });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="md">
        {conflict ? <FormAlert message={t('diagnostic.doc.conflict', { n: draft.baseVersion })} /> : null}
        <FormAlert message={general} />
        <TextInput
          size="md"
          label={t('diagnostic.doc.docTitle')}
          value={draft.title}
          onChange={(event) => setDraft({ ...draft, title: event.currentTarget.value })}
          error={field('title')}
          required
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            size="md"
            type="date"
            label={t('diagnostic.doc.periodFrom')}
            value={draft.periodFrom}
            onChange={(event) => setDraft({ ...draft, periodFrom: event.currentTarget.value })}
            error={field('periodFrom')}
          />
          <TextInput
            size="md"
            type="date"
            label={t('diagnostic.doc.periodTo')}
            value={draft.periodTo}
            onChange={(event) => setDraft({ ...draft, periodTo: event.currentTarget.value })}
            error={field('periodTo')}
          />
        </SimpleGrid>
        {diagnosticSectionKeys.map((key) => (
          <Textarea
            key={key}
            size="md"
            label={t(`diagnostic.doc.sections.${key}`)}
            value={draft.sections[key] ?? ''}
            onChange={(event) => setSection(key, event.currentTarget.value)}
            autosize
            minRows={3}
            error={field(`sections.${key}`)}
          />
        ))}
        <Card withBorder padding="sm" radius="md">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {t('diagnostic.doc.priorities')}
            </Title>
            {draft.priorities.map((priority, index) => (
              <Stack key={priority.id ?? `new-${index}`} gap={6}>
                <Group gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    size="md"
                    style={{ flex: 1 }}
                    label={t('diagnostic.doc.priority', { n: index + 1 })}
                    value={priority.title}
                    onChange={(event) => setPriority(index, { title: event.currentTarget.value })}
                    error={field(`priorities.${index}.title`)}
                  />
                  <ActionIcon
                    size={44}
                    variant="default"
                    aria-label={t('diagnostic.doc.removePriority', { n: index + 1 })}
                    onClick={() => setDraft({ ...draft, priorities: draft.priorities.filter((_, i) => i !== index) })}
                  >
                    <IconTrash size={20} aria-hidden />
                  </ActionIcon>
                </Group>
                <Textarea
                  size="sm"
                  label={t('diagnostic.doc.priorityDetail')}
                  value={priority.detail ?? ''}
                  onChange={(event) => setPriority(index, { detail: event.currentTarget.value || null })}
                  autosize
                  minRows={1}
                />
              </Stack>
            ))}
            <Button
              variant="light"
              size="md"
              onClick={() => setDraft({ ...draft, priorities: [...draft.priorities, { title: '', detail: null }] })}
            >
              {t('diagnostic.doc.addPriority')}
            </Button>
          </Stack>
        </Card>
        {canPublish ? (
          <Checkbox
            size="md"
            label={t('diagnostic.doc.publish')}
            checked={draft.publish}
            onChange={(event) => setDraft({ ...draft, publish: event.currentTarget.checked })}
          />
        ) : null}
        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t('diagnostic.doc.saveVersion')}
          </Button>
          <Button
            variant="default"
            size="md"
            onClick={() => {
              localStorage.removeItem(storageKey(diagnostic.neighbourhoodId));
              onDone(null);
            }}
          >
            {t('diagnostic.doc.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
