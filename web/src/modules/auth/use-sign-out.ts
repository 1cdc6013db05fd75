import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../api/client.ts';
import { sessionQuery, settingsQuery } from '../../api/session.ts';
import { queryClient } from '../../app/query-client.ts';
import { forgetDevice } from '../../offline/session-cache.ts';
import { forgetOneTimePassword } from './one-time-password.ts';

/** Signs out, forgets everything cached for this person (offline store included), and goes back to the sign-in page. */
export function useSignOut() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/sign-out'),
    onSettled: async () => {
      forgetOneTimePassword();
      // The offline store goes with its key: nothing of this person stays on the device.
      await forgetDevice();
      queryClient.clear();
      await Promise.all([queryClient.fetchQuery(sessionQuery), queryClient.fetchQuery(settingsQuery)]);
      await navigate({ to: '/sign-in' });
    },
  });
}
