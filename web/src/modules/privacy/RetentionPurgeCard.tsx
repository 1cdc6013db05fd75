import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurgeRun } from '../../../../core/contracts/retention.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { FormModal } from '../../ui/FormModal.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { wrappingButton } from '../../ui/wrapping-button.ts';
import { PurgeResults } from './RetentionRunList.tsx';
import { retentionKey, startDryRun, startPurge } from './retention-data.ts';

/** The dry run first (what would go, per rule), then the real purge behind a confirmation. */
export function RetentionPurgeCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<PurgeRun | null>(null);
  const done = (run: PurgeRun) => {
    setShown(run);
    void queryClient.invalidateQueries({ queryKey: retentionKey });
  };
  const dryRun = useMutation({ mutationFn: startDryRun, onSuccess: done });
  const purge = useMutation({
    mutationFn: startPurge,
    onSuccess: (run) => {
      setConfirming(false);
      done(run);
    },
  });
  const errors = useApiError(dryRun.error ?? purge.error, []);
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="retention-purge">
      <Stack gap="sm">
        <Title order={2} fz="xl" id="retention-purge">
          {t('retention.purgeTitle')}
        </Title>
        <FormAlert message={errors.general} />
        <Group gap="sm">
          <Button
            size="md"
            variant="light"
            onClick={() => dryRun.mutate()}
            loading={dryRun.isPending}
            styles={wrappingButton}
          >
            {t('retention.dryRun')}
          </Button>
          <Button size="md" color="red.8" onClick={() => setConfirming(true)} styles={wrappingButton}>
            {t('retention.apply')}
          </Button>
        </Group>
        {shown ? (
          <Stack gap="xs" aria-live="polite">
            <Alert color={shown.error ? 'red' : shown.dryRun ? 'blue' : 'green'} variant="light">
              {shown.error
                ? t('retention.failed', { error: shown.error })
                : shown.dryRun
                  ? t('retention.dryRunResult')
                  : t('retention.applied')}
            </Alert>
            <PurgeResults run={shown} />
          </Stack>
        ) : null}
      </Stack>
      <FormModal opened={confirming} onClose={() => setConfirming(false)} title={t('retention.confirmTitle')}>
        <Stack gap="md">
          <Text>{t('retention.confirmText')}</Text>
          <Group gap="sm">
            <Button
              size="md"
              color="red.8"
              onClick={() => purge.mutate()}
              loading={purge.isPending}
              styles={wrappingButton}
            >
              {t('retention.confirm')}
            </Button>
            <Button size="md" variant="default" onClick={() => setConfirming(false)}>
              {t('retention.cancel')}
            </Button>
          </Group>
        </Stack>
      </FormModal>
    </Card>
  );
}
