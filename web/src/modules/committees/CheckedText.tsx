import { Button, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { currentFlags, type FlaggedMatch, withoutMatch } from './nominative.ts';

type Check = {
  matches: FlaggedMatch[];
  confirmed: string[];
  confirm: (found: string) => void;
  /** The server's refusal for one field (422 `nominative_data` or a bad value), in the reader's language. */
  refusal: (path: string) => string | undefined;
};

const CheckContext = createContext<Check>({ matches: [], confirmed: [], confirm: () => {}, refusal: () => undefined });

export function CheckProvider({ value, children }: { value: Check; children: ReactNode }) {
  return <CheckContext.Provider value={value}>{children}</CheckContext.Provider>;
}

/**
 * A meeting text with, under it, the words that look like someone's name or phone number: each
 * can be removed from the text in one tap, or confirmed as not a name (never a phone number).
 */
export function CheckedText({
  path,
  label,
  value,
  onChange,
  multiline = false,
  minRows = 2,
  maxLength,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  minRows?: number;
  maxLength?: number;
}) {
  const check = useContext(CheckContext);
  const flags = currentFlags(check.matches, path, value, check.confirmed);
  const common = {
    label,
    value,
    error: check.refusal(path),
    maxLength,
    'data-path': path,
    'aria-invalid': flags.length > 0 || Boolean(check.refusal(path)),
  };
  return (
    <Stack gap={4}>
      {multiline ? (
        <Textarea {...common} autosize minRows={minRows} onChange={(event) => onChange(event.currentTarget.value)} />
      ) : (
        <TextInput {...common} size="md" onChange={(event) => onChange(event.currentTarget.value)} />
      )}
      {flags.map((flag) => (
        <Flag
          key={`${flag.kind}:${flag.found}`}
          flag={flag}
          onRemove={() => onChange(withoutMatch(value, flag.found))}
          onConfirm={() => check.confirm(flag.found)}
        />
      ))}
    </Stack>
  );
}

function Flag({ flag, onRemove, onConfirm }: { flag: FlaggedMatch; onRemove: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const sentence = {
    name: t('meeting.flaggedName'),
    nickname: t('meeting.flaggedNickname'),
    phone: t('meeting.flaggedPhone'),
  }[flag.kind];
  return (
    <Paper
      p="xs"
      radius="sm"
      bg="red.0"
      withBorder
      style={{ borderColor: 'var(--mantine-color-red-8)' }}
      data-testid="nominative-flag"
    >
      <Text fz="sm" c="red.9">
        <mark>{flag.found}</mark> {sentence}
      </Text>
      <Group gap="xs" mt={6}>
        <Button
          size="sm"
          color="red.8"
          onClick={onRemove}
          aria-label={t('meeting.removeWordLabel', { found: flag.found })}
        >
          {t('meeting.removeWord')}
        </Button>
        {flag.kind === 'phone' ? null : (
          <Button
            size="sm"
            variant="default"
            onClick={onConfirm}
            aria-label={t('meeting.notANameLabel', { found: flag.found })}
          >
            {t('meeting.notAName')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
