import { Button, Checkbox, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectJournalKind } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { addJournalEntry, nominativeCheck } from './data.ts';
import { ProjectSection } from './ProjectSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

/** Notes and decisions, newest first; a text naming a person the team knows comes back flagged. */
export function JournalSection({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<ProjectJournalKind>('decision');
  const [text, setText] = useState('');
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const { mutation, general, field } = useProjectMutation(
    project.id,
    () => addJournalEntry(project.id, { kind, text, confirmedNotNames: confirmed }),
    ['text'],
  );
  // A refused text: the words found, so the author can say which ones are not about anyone ("Rose").
  const refused = mutation.error instanceof ApiError && mutation.error.code === 'nominative_data';
  const flagged = useQuery({
    queryKey: ['projects', 'nominative-check', project.teamId, text],
    queryFn: () => nominativeCheck(project.teamId, text),
    enabled: refused && canWrite,
  });
  const words = [...new Set((flagged.data?.matches ?? []).filter((m) => m.kind !== 'phone').map((m) => m.found))];
  return (
    <ProjectSection title={t('projects.journal.title')}>
      <Text fz="sm" c="dimmed">
        {t('projects.journal.help')}
      </Text>
      {canWrite ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(undefined, {
              onSuccess: () => {
                setText('');
                setConfirmed([]);
              },
            });
          }}
        >
          <Stack gap="sm">
            <FormAlert message={general} />
            <SegmentedControl
              size="md"
              fullWidth
              value={kind}
              onChange={(value) => setKind(value as ProjectJournalKind)}
              data={(['decision', 'note'] as const).map((value) => ({
                value,
                label: t(`projects.journal.kinds.${value}`),
              }))}
            />
            <Textarea
              size="md"
              label={t('projects.journal.text')}
              placeholder={t('projects.journal.placeholder')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={field('text')}
              autosize
              minRows={3}
            />
            {refused
              ? words.map((word) => (
                  <Checkbox
                    key={word}
                    size="md"
                    label={t('projects.journal.notAName', { word })}
                    checked={confirmed.includes(word)}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      setConfirmed((list) => (checked ? [...list, word] : list.filter((w) => w !== word)));
                    }}
                  />
                ))
              : null}
            <Button type="submit" size="md" loading={mutation.isPending} disabled={text.trim().length < 2}>
              {t('projects.journal.save')}
            </Button>
          </Stack>
        </form>
      ) : null}
      {project.journal.length === 0 ? <Text c="dimmed">{t('projects.journal.none')}</Text> : null}
      {project.journal.map((entry) => (
        <Paper key={entry.id} withBorder p="sm" radius="md">
          <Stack gap={4}>
            <Text fz="sm" c="dimmed">
              <Tag tone={entry.kind === 'decision' ? 'grape' : 'gray'}>{t(`projects.journal.kinds.${entry.kind}`)}</Tag>{' '}
              {formatDay(entry.onDate, language)}
              {entry.byName ? ` · ${entry.byName}` : ''}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text>
          </Stack>
        </Paper>
      ))}
    </ProjectSection>
  );
}
