import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../ui/use-language.ts';
import { describeOperation } from './describe.ts';
import { discardOperation, keepMine, type OutboxOperation, retryOperation } from './outbox.ts';
import { syncNow } from './sync.ts';

/** The two things the worker settles by hand: a refused operation and a conflict. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    void queryClient.invalidateQueries({ queryKey: ['fieldwork'] });
  };
}

function DiscardButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button variant="subtle" color="red" onClick={() => setConfirming(true)}>
        {t('sync.discard')}
      </Button>
    );
  return (
    <Group gap="xs">
      <Text fz="sm">{t('sync.discardConfirm')}</Text>
      <Button
        color="red.8"
        onClick={() => void discardOperation(id).then(refresh)}
        aria-label={t('sync.discardYesLabel')}
      >
        {t('sync.discardYes')}
      </Button>
      <Button variant="default" onClick={() => setConfirming(false)}>
        {t('sync.cancel')}
      </Button>
    </Group>
  );
}

/** A refused operation: the server's reason, the fields it names (editable when they are text). */
export function InvalidCard({ operation }: { operation: OutboxOperation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useRefresh();
  const { error, item } = operation.value;
  // A text field named by its own key (not a place inside a list) can be corrected here.
  const editable = (error?.fields ?? []).filter((field) => {
    const value = item.payload[field.path];
    return /^\w+$/.test(field.path) && (value === null || value === undefined || typeof value === 'string');
  });
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(editable.map((field) => [field.path, String(item.payload[field.path] ?? '')])),
  );
  // A refused value inside a list (a need retired meanwhile): offered for removal, by name.
  const refusedInLists = (error?.fields ?? []).flatMap((field) => {
    const [, head, index] = field.path.match(/^(\w+)\.(\d+)$/) ?? [];
    const list = head ? item.payload[head] : undefined;
    return head && Array.isArray(list) && list[Number(index)] !== undefined
      ? [{ head, value: String(list[Number(index)]) }]
      : [];
  });
  const withoutRefused = () => {
    const changes: Record<string, unknown> = {};
    for (const { head, value } of refusedInLists) {
      const list = (changes[head] as unknown[] | undefined) ?? (item.payload[head] as unknown[]);
      changes[head] = list.filter((entry) => String(entry) !== value);
    }
    return changes;
  };
  const resend = () =>
    void retryOperation(operation.id, { ...values, ...withoutRefused() }).then(() => syncNow().then(refresh));
  const fieldLabel = (path: string) => {
    const head = path.split('.')[0] ?? path;
    return t(`sync.field.${head}`, { defaultValue: head });
  };
  return (
    <Card withBorder padding="md" data-testid="outbox-invalid" style={{ borderColor: 'var(--mantine-color-red-8)' }}>
      <Stack gap="xs">
        <Text fw={700}>{describeOperation(operation.value, t)}</Text>
        <Alert color="red" variant="light" p="xs">
          {error?.message[language] ?? t('sync.refused')}
          {(error?.fields ?? []).map((field) => (
            <Text key={field.path} fz="sm">
              {fieldLabel(field.path)} : {field.message[language]}
            </Text>
          ))}
        </Alert>
        {editable.map((field) => (
          <TextInput
            key={field.path}
            label={fieldLabel(field.path)}
            value={values[field.path] ?? ''}
            onChange={(event) => setValues({ ...values, [field.path]: event.currentTarget.value })}
          />
        ))}
        <Group gap="xs">
          <Button onClick={resend}>
            {refusedInLists.length
              ? t('sync.removeAndSend', { values: refusedInLists.map((entry) => entry.value).join(', ') })
              : editable.length
                ? t('sync.fixAndSend')
                : t('sync.retry')}
          </Button>
          <DiscardButton id={operation.id} />
        </Group>
      </Stack>
    </Card>
  );
}

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  // A list of records (a session's attendees) reads as how many; a record (head counts) as its pairs.
  if (Array.isArray(value))
    return value.some((item) => typeof item === 'object') ? String(value.length) : value.join(', ') || '—';
  if (typeof value === 'object')
    return (
      Object.entries(value)
        .map(([key, count]) => `${key} ${String(count)}`)
        .join(', ') || '—'
    );
  return String(value);
}

/** Someone changed the record first: both versions side by side, and the worker chooses. */
export function ConflictCard({ operation }: { operation: OutboxOperation }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const current = (operation.value.current ?? {}) as Record<string, unknown>;
  const changed = Object.keys(operation.value.item.payload);
  const currentVersion = typeof current.version === 'number' ? current.version : null;
  return (
    <Card
      withBorder
      padding="md"
      data-testid="outbox-conflict"
      style={{ borderColor: 'var(--mantine-color-orange-8)' }}
    >
      <Stack gap="xs">
        <Text fw={700}>{describeOperation(operation.value, t)}</Text>
        <Text>{t('sync.conflictText')}</Text>
        {changed.map((key) => (
          <Group key={key} gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={600} miw={110}>
              {t(`sync.field.${key}`, { defaultValue: key })}
            </Text>
            <Stack gap={0}>
              <Text fz="sm">
                {t('sync.mine')} : <strong>{shown(operation.value.item.payload[key])}</strong>
              </Text>
              <Text fz="sm">
                {t('sync.theirs')} : <strong>{shown(current[key])}</strong>
              </Text>
            </Stack>
          </Group>
        ))}
        <Group gap="xs">
          <Button
            disabled={currentVersion === null}
            onClick={() => void keepMine(operation.id, currentVersion ?? 1).then(() => syncNow().then(refresh))}
          >
            {t('sync.keepMine')}
          </Button>
          <Button variant="default" onClick={() => void discardOperation(operation.id).then(refresh)}>
            {t('sync.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
