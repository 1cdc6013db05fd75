import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../../core/localized.ts';
import type { Role } from '../../core/roles.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { sessions, teamMemberships, users } from '../db/schema/index.ts';
import type { Actor, SessionInfo } from './request-context.ts';

const sessionCookie = 'relais_session';
/** Before sign-in, the CSRF token lives in its own cookie (double submit); after, in the session. */
export const csrfCookie = 'relais_csrf';

const touchEveryMs = 60_000;

export const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function cookieOptions(config: Config, request: FastifyRequest) {
  const secure = config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
  return { path: '/', sameSite: 'strict' as const, secure, httpOnly: true };
}

export async function startSession(
  db: Database,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<SessionInfo> {
  const token = newToken();
  const info: SessionInfo = {
    tokenHash: hashToken(token),
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + config.sessionHours * 3_600_000),
  };
  await db.insert(sessions).values({
    tokenHash: info.tokenHash,
    userId,
    csrfToken: info.csrfToken,
    expiresAt: info.expiresAt,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  });
  const options = cookieOptions(config, request);
  reply.setCookie(sessionCookie, token, { ...options, expires: info.expiresAt });
  reply.setCookie(csrfCookie, info.csrfToken, { ...options, httpOnly: false });
  return info;
}

export async function endSession(db: Database, config: Config, request: FastifyRequest, reply: FastifyReply) {
  if (request.session) await db.delete(sessions).where(eq(sessions.tokenHash, request.session.tokenHash));
  reply.clearCookie(sessionCookie, cookieOptions(config, request));
}

/**
 * Sessions nobody comes back to would stay forever: each sign-in sweeps the ones past their
 * lifetime or idle limit (an indexed delete, cheap).
 */
export async function sweepExpiredSessions(db: Database, config: Config): Promise<void> {
  const idleSince = new Date(Date.now() - config.sessionIdleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleSince)));
}

/** Removes every session of a user: on deactivation and on a password change or reset. */
export async function endAllSessions(db: Database, userId: string, exceptTokenHash?: string) {
  const byUser = eq(sessions.userId, userId);
  await db.delete(sessions).where(exceptTokenHash ? and(byUser, ne(sessions.tokenHash, exceptTokenHash)) : byUser);
}

/** The user as the access rules see them: role, language, teams. Null when gone or inactive. */
export async function actorForUser(db: Database, userId: string): Promise<Actor | null> {
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      language: users.language,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      teamId: teamMemberships.teamId,
    })
    .from(users)
    .leftJoin(teamMemberships, eq(teamMemberships.userId, users.id))
    .where(eq(users.id, userId));
  const user = rows[0];
  if (!user?.active) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    language: user.language as Language,
    mustChangePassword: user.mustChangePassword,
    teamIds: rows.flatMap((row) => (row.teamId ? [row.teamId] : [])),
  };
}

/**
 * Finds the signed-in user from the session cookie. Sessions end after `sessionHours` in all,
 * and after `sessionIdleMinutes` without a request.
 */
export async function loadSession(
  db: Database,
  config: Config,
  request: FastifyRequest,
): Promise<{ actor: Actor; session: SessionInfo } | null> {
  const token = request.cookies[sessionCookie];
  if (!token) return null;
  const tokenHash = hashToken(token);
  const [session] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  if (!session) return null;
  const now = Date.now();
  const idleLimit = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  const actor = await actorForUser(db, session.userId);
  if (!actor || session.expiresAt.getTime() <= now || idleLimit <= now) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now - session.lastSeenAt.getTime() > touchEveryMs) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return { actor, session: { tokenHash, csrfToken: session.csrfToken, expiresAt: session.expiresAt } };
}
