import { Alert, Button, Stack, Title } from '@mantine/core';
import { IconCheck, IconFileImport } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readableAlert } from './alert-styles.ts';
import { ImportProblems } from './ImportProblems.tsx';

type Props<Result> = {
  flow: {
    plan: Result | null;
    done: Result | null;
    check: { error: Error | null };
    run: { error: Error | null; isPending: boolean; mutate: () => void };
  };
  /** What a result says: the counts of a dry run or of the import. */
  counts: (result: Result) => ReactNode;
  importLabel: (plan: Result) => string;
  doneTitle: string;
  planTestId: string;
};

/** Below an import form: its problems, the dry run's plan with the import button, then what was done. */
export function ImportOutcome<Result>({ flow, counts, importLabel, doneTitle, planTestId }: Props<Result>) {
  const { t } = useTranslation();
  const { plan, done, check, run } = flow;
  return (
    <>
      <ImportProblems error={check.error ?? run.error} />
      {plan ? (
        <Stack gap="sm" data-testid={planTestId}>
          <Title order={3} fz="md">
            {t('territory.imports.planTitle')}
          </Title>
          {counts(plan)}
          <Button
            size="md"
            loading={run.isPending}
            onClick={() => run.mutate()}
            leftSection={<IconFileImport aria-hidden size={20} />}
          >
            {importLabel(plan)}
          </Button>
        </Stack>
      ) : null}
      {done ? (
        <Alert styles={readableAlert} color="green" role="status" icon={<IconCheck aria-hidden />} title={doneTitle}>
          {counts(done)}
        </Alert>
      ) : null}
    </>
  );
}
