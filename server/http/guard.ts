import type { FastifyInstance, FastifyRequest } from 'fastify';
import { text } from '../../core/localized.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError, forbidden, notSignedIn } from './errors.ts';
import { csrfCookie, loadSession, sameToken } from './sessions.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a user who must change a generated password may still call. */
const allowedBeforePasswordChange = new Set([
  'GET /api/auth/session',
  'POST /api/auth/sign-out',
  'POST /api/auth/password',
]);

const csrfFailed = () =>
  new AppError(
    403,
    'csrf_failed',
    text('La page a expiré : rechargez-la puis réessayez.', 'This page has expired: reload it and try again.'),
  );

function checkCsrf(request: FastifyRequest): void {
  if (safeMethods.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  const header = typeof sent === 'string' ? sent : undefined;
  const expected = request.session ? request.session.csrfToken : request.cookies[csrfCookie];
  if (!sameToken(header, expected)) throw csrfFailed();
}

/**
 * One hook in front of every route: who is calling (session), may they call this route
 * (declared access), and is the request really from our pages (CSRF). Runs before the body is
 * read, so a refused caller learns nothing from validation.
 */
export function installGuard(app: FastifyInstance, db: Database, config: Config): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const found = await loadSession(db, config, request);
    request.actor = found?.actor ?? null;
    request.session = found?.session ?? null;

    const declared = request.routeOptions.config?.access;
    if (!request.routeOptions.url) return; // not found: the 404 handler answers
    if (!declared) throw forbidden(); // a route that declares nothing is closed to everyone
    if (declared.kind !== 'public') {
      if (!request.actor) throw notSignedIn();
      if (declared.kind === 'roles' && !declared.roles.includes(request.actor.role)) throw forbidden();
      const key = `${request.method} ${request.routeOptions.url}`;
      if (request.actor.mustChangePassword && !allowedBeforePasswordChange.has(key)) {
        throw new AppError(
          403,
          'password_change_required',
          text('Choisissez d’abord votre mot de passe.', 'Please choose your password first.'),
        );
      }
    }
    checkCsrf(request);
  });
}
