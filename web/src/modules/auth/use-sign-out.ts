import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client.ts';
import { sessionQuery, settingsQuery } from '../../api/session.ts';
import { queryClient } from '../../app/query-client.ts';
import { forgetOneTimePassword } from './one-time-password.ts';

/** Signs out, forgets everything cached for this person, and goes back to the sign-in page. */
export function useSignOut() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/sign-out'),
    onSettled: async () => {
      forgetOneTimePassword();
      queryClient.clear();
      await Promise.all([queryClient.fetchQuery(sessionQuery), queryClient.fetchQuery(settingsQuery)]);
      await navigate({ to: '/sign-in' });
    },
  });
}
