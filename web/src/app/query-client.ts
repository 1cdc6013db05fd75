import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors.ts';
import { sessionQuery } from '../api/session.ts';

/** What to do when the server says the session is gone or a new password is due. */
export type SessionLossHandler = (reason: 'signed_out' | 'password_change_required') => void;

let onSessionLoss: SessionLossHandler = () => {};
export function handleSessionLoss(handler: SessionLossHandler): void {
  onSessionLoss = handler;
}

function watchForSessionLoss(error: Error): void {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'not_signed_in') onSessionLoss('signed_out');
  else if (error.code === 'password_change_required') onSessionLoss('password_change_required');
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: watchForSessionLoss }),
  mutationCache: new MutationCache({ onError: watchForSessionLoss }),
  defaultOptions: {
    queries: {
      // A refused request will be refused again; only network hiccups are worth a retry.
      retry: (failures, error) => !(error instanceof ApiError && error.status > 0) && failures < 2,
      refetchOnWindowFocus: false,
      // Offline, a query still runs and falls back to the encrypted cache instead of pausing.
      networkMode: 'always',
    },
    mutations: { networkMode: 'always' },
  },
});

export function forgetSignedInUser(): void {
  queryClient.setQueryData(sessionQuery.queryKey, (previous) => (previous ? { ...previous, user: null } : previous));
}
