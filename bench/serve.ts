import type { AddressInfo } from 'node:net';
import { generatedPassword } from '../scripts/generate/accounts.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { DatabaseHandle } from '../server/db/client.ts';

/** The whole app on a loopback port, quiet, as the measurements call it. */
export async function serveApp(database: DatabaseHandle) {
  const config = { ...loadConfig({}), logLevel: 'silent', webRoot: null, signInFailureDelayMs: 0 };
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

const cookieValue = (setCookie: string[], name: string) =>
  setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${name}=`)) ?? '';

/** Signs in as the browser does: the first call hands out the anonymous CSRF token (double submit). */
export async function signInAs(base: string, email: string) {
  const opened = await fetch(`${base}/api/auth/session`);
  const csrf = cookieValue(opened.headers.getSetCookie(), 'relais_csrf');
  const signInRequest = {
    url: `${base}/api/auth/sign-in`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.split('=')[1] ?? '' },
    body: JSON.stringify({ email, password: generatedPassword }),
  };
  const signedIn = await fetch(signInRequest.url, signInRequest);
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${await signedIn.text()}`);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return { signInRequest, session: cookieValue(signedIn.headers.getSetCookie(), 'relais_session'), csrfToken };
}
