import { Button, Chip, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AdvocacyTheme, advocacyThemes, type NeedSignal } from '../../../../core/contracts/signals.ts';
import { ApiError } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { setAdvocacy, signalsKey } from './data.ts';

/**
 * Passing a signal to advocacy from its card: the themes as big chips, the structural problem in a
 * sentence or two (the server refuses names and phone numbers, and says which words), one save.
 * Without `canChange` the card only shows what was passed.
 */
export function AdvocacyEditor({ signal, canChange }: { signal: NeedSignal; canChange: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [themes, setThemes] = useState<AdvocacyTheme[]>(signal.advocacyThemes);
  const [statement, setStatement] = useState(signal.structuralProblem ?? '');
  const save = useMutation({
    mutationFn: (chosen: AdvocacyTheme[]) => setAdvocacy(signal, chosen, statement),
    onSuccess: (saved) => {
      setThemes(saved.advocacyThemes);
      setStatement(saved.structuralProblem ?? '');
      setOpen(false);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: signalsKey }),
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const problem = useApiError(conflict ? null : save.error, ['themes', 'structuralProblem']);
  const tagged = signal.advocacyThemes.length > 0;

  if (!open)
    return (
      <Stack gap={6}>
        {tagged ? (
          <Group gap={6} aria-label={t('advocacy.tagged')}>
            <Text fz="sm" fw={700}>
              {t('advocacy.taggedLead')}
            </Text>
            {signal.advocacyThemes.map((theme) => (
              <Tag key={theme} tone="blue">
                {t(`advocacy.themeNames.${theme}`)}
              </Tag>
            ))}
          </Group>
        ) : null}
        {signal.structuralProblem ? <Text fz="sm">« {signal.structuralProblem} »</Text> : null}
        {conflict ? <FormAlert message={t('advocacy.conflict')} /> : null}
        {canChange ? (
          <Button
            size="md"
            variant="subtle"
            styles={wrappingButton}
            onClick={() => {
              setThemes(signal.advocacyThemes);
              setStatement(signal.structuralProblem ?? '');
              setOpen(true);
            }}
          >
            {tagged ? t('advocacy.edit') : t('advocacy.tag')}
          </Button>
        ) : null}
      </Stack>
    );

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(themes);
      }}
    >
      <FormAlert message={problem.general} />
      <Stack gap={6}>
        <Text fz="sm" fw={600} id={`themes-${signal.id}`}>
          {t('advocacy.themes')}
        </Text>
        <Chip.Group multiple value={themes} onChange={(value) => setThemes(value as AdvocacyTheme[])}>
          <Group gap={8} aria-labelledby={`themes-${signal.id}`}>
            {advocacyThemes.map((theme) => (
              <Chip key={theme} value={theme} size="md" disabled={themes.length >= 3 && !themes.includes(theme)}>
                {t(`advocacy.themeNames.${theme}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {problem.field('themes') ? (
          <Text fz="sm" c="red.8">
            {problem.field('themes')}
          </Text>
        ) : null}
      </Stack>
      <Textarea
        size="md"
        label={t('advocacy.statement')}
        description={t('advocacy.statementHelp')}
        value={statement}
        onChange={(event) => setStatement(event.currentTarget.value)}
        error={problem.field('structuralProblem')}
        maxLength={600}
        autosize
        minRows={2}
        disabled={themes.length === 0}
      />
      <Group gap="xs" grow preventGrowOverflow={false}>
        <Button size="md" type="submit" loading={save.isPending} styles={wrappingButton}>
          {t('advocacy.save')}
        </Button>
        <Button size="md" variant="default" onClick={() => setOpen(false)}>
          {t('advocacy.cancel')}
        </Button>
      </Group>
      {signal.advocacyThemes.length > 0 ? (
        <Button size="md" variant="subtle" color="red" onClick={() => save.mutate([])} styles={wrappingButton}>
          {t('advocacy.remove')}
        </Button>
      ) : null}
    </Stack>
  );
}
