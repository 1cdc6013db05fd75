import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { text } from '../../../core/localized.ts';
import type { AppContext } from '../../app.ts';
import { users } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, invalidField, TooManyAttempts } from '../../http/errors.ts';
import { hashPassword, spendDecoyVerification, verifyPassword } from '../../http/passwords.ts';
import type { Actor } from '../../http/request-context.ts';
import { actorForUser, endAllSessions, endSession, startSession, sweepExpiredSessions } from '../../http/sessions.ts';
import { clearFailures, recordFailure, secondsLocked, throttleKeys } from './sign-in-throttle.ts';

const badCredentials = () =>
  new AppError(401, 'bad_credentials', text('Courriel ou mot de passe incorrect.', 'Wrong email or password.'));

export async function signIn(
  { database: { db }, config }: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: { email: string; password: string },
) {
  const keys = throttleKeys(credentials.email, request.ip);
  const locked = await secondsLocked(db, keys);
  if (locked) throw new TooManyAttempts(locked);

  const [user] = await db.select().from(users).where(eq(users.email, credentials.email));
  let valid = false;
  if (user?.active) valid = await verifyPassword(user.passwordHash, credentials.password);
  else await spendDecoyVerification(credentials.password);

  if (!user || !valid) {
    const failures = await recordFailure(db, keys);
    await recordAudit(db, request, {
      action: 'sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      actorId: null,
      actorRole: null,
      details: { email: credentials.email, failures },
    });
    // Each failure in a row waits twice as long as the one before, up to 16 times the base.
    await sleep(config.signInFailureDelayMs * 2 ** Math.min(failures - 1, 4));
    throw badCredentials();
  }

  await clearFailures(db, keys[0]!.key);
  await sweepExpiredSessions(db, config);
  const session = await startSession(db, config, request, reply, user.id);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordAudit(db, request, {
    action: 'sign_in',
    entityType: 'user',
    entityId: user.id,
    actorId: user.id,
    actorRole: user.role,
  });
  const actor = await actorForUser(db, user.id);
  if (!actor) throw badCredentials();
  return { actor, session };
}

export async function signOut({ database: { db }, config }: AppContext, request: FastifyRequest, reply: FastifyReply) {
  await recordAudit(db, request, { action: 'sign_out', entityType: 'user', entityId: request.actor?.id });
  await endSession(db, config, request, reply);
}

export async function changePassword(
  { database: { db } }: AppContext,
  request: FastifyRequest,
  actor: Actor,
  body: { currentPassword: string; newPassword: string },
) {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
    throw invalidField(
      'currentPassword',
      text('Le mot de passe actuel est incorrect.', 'The current password is wrong.'),
    );
  }
  if (body.currentPassword === body.newPassword) {
    throw invalidField(
      'newPassword',
      text('Choisissez un mot de passe différent de l’actuel.', 'Choose a password different from the current one.'),
    );
  }
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, request, { action: 'password_change', entityType: 'user', entityId: actor.id });
  });
  // Other devices signed in with the old password are signed out.
  await endAllSessions(db, actor.id, request.session?.tokenHash);
  actor.mustChangePassword = false;
}

export async function updateMe(
  { database: { db } }: AppContext,
  request: FastifyRequest,
  actor: Actor,
  body: { name?: string; language?: 'fr' | 'en' },
) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...body, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      details: { fields: Object.keys(body) },
    });
  });
  Object.assign(actor, body);
}
