import type { CurrentUser, SessionState } from '../../../core/contracts/auth.ts';
import { claimStore, readCache, storeOwner, wipeStore, writeCache } from './store.ts';

/**
 * The signed-in user, kept in the encrypted store so that a reload without network still opens the
 * app (the server keeps the real session; nothing here grants access to the API).
 */
export async function rememberUser(user: CurrentUser): Promise<void> {
  try {
    await claimStore(user.id);
    await writeCache('session-user', user);
  } catch {
    // No IndexedDB (a private window on some browsers): the app still works online.
  }
}

export async function offlineSession(): Promise<SessionState | null> {
  try {
    if (!(await storeOwner())) return null;
    const user = await readCache<CurrentUser>('session-user');
    return user ? { user, csrfToken: '', expiresAt: null } : null;
  } catch {
    return null;
  }
}

/** Sign-out: the key and everything sealed with it are deleted. */
export async function forgetDevice(): Promise<void> {
  await wipeStore().catch(() => undefined);
}
