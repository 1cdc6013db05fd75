import { errorFromResponse, networkError } from './errors.ts';

const csrfCookie = 'relais_csrf';
const safeMethods = new Set(['GET', 'HEAD']);

let lastKnownCsrfToken = '';

/** The session answer carries the token too: kept in case the cookie cannot be read. */
export function rememberCsrfToken(token: string): void {
  lastKnownCsrfToken = token;
}

/** The server keeps the CSRF token in a readable cookie (before and after sign-in): send it back. */
function csrfToken(): string {
  const entry = document.cookie.split('; ').find((pair) => pair.startsWith(`${csrfCookie}=`));
  return entry ? decodeURIComponent(entry.slice(csrfCookie.length + 1)) : lastKnownCsrfToken;
}

type Query = Record<string, string | number | boolean | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method)) headers['x-csrf-token'] = csrfToken();
  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFromResponse(response.status, payload);
  return payload as T;
}

/** One way to call the API: same-origin cookies, the CSRF header, bilingual errors as ApiError. */
export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
