import { Button, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectJournalKind } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { addJournalEntry } from './data.ts';
import { formatDay } from './format.ts';
import { ProjectSection } from './ProjectSection.tsx';
import { useProjectMutation } from './use-project-mutation.ts';

/** Notes and decisions, newest first; a text naming a person the team knows comes back flagged. */
export function JournalSection({ project, canWrite }: { project: Project; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<ProjectJournalKind>('decision');
  const [text, setText] = useState('');
  const { mutation, general, field } = useProjectMutation(
    project.id,
    () => addJournalEntry(project.id, { kind, text }),
    ['text'],
  );
  return (
    <ProjectSection title={t('projects.journal.title')}>
      <Text fz="sm" c="dimmed">
        {t('projects.journal.help')}
      </Text>
      {canWrite ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(undefined, { onSuccess: () => setText('') });
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
