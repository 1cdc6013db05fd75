import type { TestApp } from '../app.ts';

/**
 * The vocabulary of the authorization matrix (server/http/authorization-matrix.test.ts): who
 * calls, what world they call into, and what each row expects. Each capability adds its rows in
 * its own file here.
 */
export type Caller =
  | 'anonymous'
  | 'worker'
  | 'organizer'
  | 'coordinator'
  | 'admin'
  | 'otherWorker'
  | 'otherCoordinator';
export const callers: Caller[] = [
  'anonymous',
  'worker',
  'organizer',
  'coordinator',
  'admin',
  'otherWorker',
  'otherCoordinator',
];

export type World = {
  teamA: string;
  teamB: string;
  neighbourhoodA: string;
  workerA: string;
  personA: string;
  sessionA: string;
  encounterA: string;
};
type Call = { url: string; payload?: unknown };
export type Row = {
  route: string;
  /** Builds the request; runs once per caller so writes never collide. */
  call: (world: World, t: TestApp) => Promise<Call> | Call;
  expected: Record<Caller, number>;
  /** The route ends or changes the caller's own session or password: use a fresh caller. */
  freshCaller?: boolean;
};

export const everyone = (status: number) =>
  Object.fromEntries(callers.map((c) => [c, status])) as Record<Caller, number>;
export const signedIn = (status: number) => ({ ...everyone(status), anonymous: 401 });
export const adminOnly = (status: number) => ({ ...everyone(403), anonymous: 401, admin: status });
/** Field records of team A: its members only; an admin without a reason 403, team B 404 (or 422 on create). */
export const teamA = (status: number, otherTeam = 404) => ({
  anonymous: 401,
  worker: status,
  organizer: status,
  coordinator: status,
  admin: 403,
  otherWorker: otherTeam,
  otherCoordinator: otherTeam,
});
export const coordinators = (status: number) => ({
  ...adminOnly(status),
  coordinator: status,
  otherCoordinator: status,
});
let unique = 0;
export const next = () => `${Date.now().toString(36)}-${++unique}`;
