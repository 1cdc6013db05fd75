import type { FastifyRequest } from 'fastify';
import type { Language } from '../../core/localized.ts';
import type { Role } from '../../core/roles.ts';

/** Who is calling: the signed-in user as the access rules need them. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  teamIds: string[];
  mustChangePassword: boolean;
};

export type SessionInfo = { tokenHash: string; csrfToken: string; expiresAt: Date };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
}

/** The actor of a route that requires sign-in (the access hook guarantees one is there). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('actorOf called on a route that does not require sign-in');
  return request.actor;
}

/** Why someone reads a record outside their usual scope, sent URL-encoded in `x-access-reason`. */
export function accessReason(request: FastifyRequest): string | null {
  const raw = request.headers['x-access-reason'];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  try {
    return decodeURIComponent(raw).trim().slice(0, 500);
  } catch {
    return raw.trim().slice(0, 500);
  }
}
