import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, SessionState } from '../../../core/contracts/auth.ts';
import type { PublicSettings } from '../../../core/contracts/settings.ts';
import { offlineSession, rememberUser } from '../offline/session-cache.ts';
import { api, rememberCsrfToken } from './client.ts';
import { ApiError } from './errors.ts';

const settingsKey = 'relais.settings';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async () => {
    try {
      const session = await api.get<SessionState>('/auth/session');
      rememberCsrfToken(session.csrfToken);
      // Kept for offline starts; never holds up the page (IndexedDB can be slow or missing).
      if (session.user) void rememberUser(session.user);
      return session;
    } catch (error) {
      // No network: the user this device last knew, from the encrypted store, so the app opens.
      const offline = error instanceof ApiError && error.status === 0 ? await offlineSession() : null;
      if (offline) return offline;
      throw error;
    }
  },
  staleTime: 60_000,
});

export const settingsQuery = queryOptions({
  queryKey: ['settings'],
  queryFn: async () => {
    // Public words (name, vocabulary, language): kept in plain local storage for offline starts.
    try {
      const settings = await api.get<PublicSettings>('/settings');
      localStorage.setItem(settingsKey, JSON.stringify(settings));
      return settings;
    } catch (error) {
      const kept = localStorage.getItem(settingsKey);
      if (error instanceof ApiError && error.status === 0 && kept) return JSON.parse(kept) as PublicSettings;
      throw error;
    }
  },
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
