import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { testPassword } from './factories.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A browser in miniature: keeps cookies between requests and sends the CSRF token back on every
 * state-changing request, as the web app does.
 */
export class Agent {
  private cookies = new Map<string, string>();
  csrfToken = '';

  constructor(private readonly app: FastifyInstance) {}

  async request(method: Method, url: string, options: Partial<InjectOptions> = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrfToken && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({ ...options, method, url, headers } as InjectOptions);
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date }[]) {
      const expired = cookie.expires && cookie.expires.getTime() <= Date.now();
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  get = (url: string, options?: Partial<InjectOptions>) => this.request('GET', url, options);
  post = (url: string, payload?: unknown, options?: Partial<InjectOptions>) =>
    this.request('POST', url, { ...options, payload: payload as InjectOptions['payload'] });
  patch = (url: string, payload?: unknown, options?: Partial<InjectOptions>) =>
    this.request('PATCH', url, { ...options, payload: payload as InjectOptions['payload'] });

  /** Fetches the anonymous CSRF token, as the sign-in page does when it loads. */
  async open(): Promise<this> {
    const response = await this.get('/api/auth/session');
    this.csrfToken = response.json().csrfToken;
    return this;
  }

  async signIn(email: string, password = testPassword): Promise<LightMyRequestResponse> {
    if (!this.csrfToken) await this.open();
    const response = await this.post('/api/auth/sign-in', { email, password });
    if (response.statusCode === 200) this.csrfToken = response.json().csrfToken;
    return response;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}

/** An agent already signed in as `email` (with the factory password); fails loudly otherwise. */
export async function signedInAgent(app: FastifyInstance, email: string, password = testPassword): Promise<Agent> {
  const agent = new Agent(app);
  const response = await agent.signIn(email, password);
  if (response.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${response.body}`);
  return agent;
}
