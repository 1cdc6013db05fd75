import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { territoryKey } from './data.ts';

/**
 * The two steps of an import: a dry run that shows what would change (`plan`), then the import
 * itself (`done`), after which the territory's pages read again. `changed` forgets both when the
 * person picks another file or setting.
 */
export function useCheckThenImport<Result>(send: (dryRun: boolean) => Promise<Result>) {
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState<Result | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const check = useMutation({ mutationFn: () => send(true), onSuccess: setPlan });
  const run = useMutation({
    mutationFn: () => send(false),
    onSuccess: (result) => {
      setDone(result);
      setPlan(null);
      void queryClient.invalidateQueries({ queryKey: territoryKey });
    },
  });
  const changed = () => {
    setPlan(null);
    setDone(null);
    check.reset();
    run.reset();
  };
  return { plan, done, check, run, changed };
}
