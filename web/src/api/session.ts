import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, SessionState } from '../../../core/contracts/auth.ts';
import type { PublicSettings } from '../../../core/contracts/settings.ts';
import { api, rememberCsrfToken } from './client.ts';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    const session = await api.get<SessionState>('/auth/session');
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
});

export const settingsQuery = queryOptions({
  queryKey: ['settings'],
  queryFn: () => api.get<PublicSettings>('/settings'),
  staleTime: 5 * 60_000,
});

/** The signed-in user. Only used under the signed-in layout, which guarantees there is one. */
export function useCurrentUser(): CurrentUser {
  const { data } = useQuery(sessionQuery);
  if (!data?.user) throw new Error('useCurrentUser outside the signed-in layout');
  return data.user;
}

export function usePublicSettings(): PublicSettings | undefined {
  return useQuery(settingsQuery).data;
}

/** After sign-in, a password change or a profile change, the server's answer becomes the session. */
export function useSetCurrentUser() {
  const queryClient = useQueryClient();
  return (user: CurrentUser | null) =>
    queryClient.setQueryData(sessionQuery.queryKey, (previous) =>
      previous ? { ...previous, user } : { user, csrfToken: '', expiresAt: null },
    );
}
