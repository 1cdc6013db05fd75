import { useMutation } from '@tanstack/react-query';
import type { CurrentUser } from '../../../../core/contracts/auth.ts';
import type { Language } from '../../../../core/localized.ts';
import { api } from '../../api/client.ts';
import { useSetCurrentUser } from '../../api/session.ts';

/** Name and language live on the account, so every device follows the same choice. */
export function useUpdateMe() {
  const setCurrentUser = useSetCurrentUser();
  return useMutation({
    mutationFn: (body: { name?: string; language?: Language }) => api.patch<CurrentUser>('/auth/me', body),
    onSuccess: (user) => setCurrentUser(user),
  });
}
