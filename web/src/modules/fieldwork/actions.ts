import type { CreateEncounterBody, Session } from '../../../../core/contracts/fieldwork.ts';
import type { Person } from '../../../../core/contracts/people.ts';
import type { PersonRoleKind } from '../../../../core/fieldwork.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { queryClient } from '../../app/query-client.ts';
import { amendPending, enqueue, enqueueTally } from '../../offline/outbox.ts';
import { readCache, writeCache } from '../../offline/store.ts';
import { fieldworkKey, type LocalSession, localDay, localSessionsQuery, metHereQuery, outboxQuery } from './data.ts';

/**
 * Field writes: each one changes what this device shows at once, then waits in the outbox for the
 * server. They run one after the other, so quick taps never overwrite each other.
 */
let queue: Promise<unknown> = Promise.resolve();
function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

function refresh(): void {
  void queryClient.invalidateQueries({ queryKey: outboxQuery.queryKey });
  void queryClient.invalidateQueries({ queryKey: fieldworkKey });
}

async function changeLocalSession(id: string, change: (session: LocalSession) => void): Promise<void> {
  const sessions = (await readCache<Record<string, LocalSession>>('local-sessions')) ?? {};
  const session = sessions[id];
  if (!session) return;
  change(session);
  await writeCache('local-sessions', sessions);
  queryClient.setQueryData(localSessionsQuery.queryKey, { ...sessions });
}

/** Keeps a server session on this device (resuming a teammate's or an earlier one). */
export function adoptSession(session: Session): Promise<void> {
  return inTurn(async () => {
    const sessions = (await readCache<Record<string, LocalSession>>('local-sessions')) ?? {};
    const known = sessions[session.id];
    const serverTallies = Object.fromEntries(session.tallies.map((tally) => [tally.kind, tally.count]));
    sessions[session.id] = {
      id: session.id,
      kind: session.kind,
      placeId: session.placeId,
      startedAt: session.startedAt ?? new Date().toISOString(),
      endedAt: session.endedAt,
      // The larger count wins: taps of this device not yet sent, or a teammate's already there.
      tallies: Object.fromEntries(
        [...new Set([...Object.keys(serverTallies), ...Object.keys(known?.tallies ?? {})])].map((kind) => [
          kind,
          Math.max(serverTallies[kind] ?? 0, known?.tallies[kind] ?? 0),
        ]),
      ),
      observations: known?.observations ?? [],
      version: session.version,
    };
    await writeCache('local-sessions', sessions);
    queryClient.setQueryData(localSessionsQuery.queryKey, { ...sessions });
  });
}

/** Rounds the server knows as ended (by a teammate, on another phone) end on this device too. */
export function settleEndedSessions(serverSessions: Session[]): Promise<void> {
  return inTurn(async () => {
    for (const session of serverSessions)
      if (session.endedAt) {
        const endedAt = session.endedAt;
        await changeLocalSession(session.id, (local) => {
          if (!local.endedAt) local.endedAt = endedAt;
        });
      }
  });
}

export function startSession(kind: Session['kind'], placeId: string | null): Promise<string> {
  return inTurn(async () => {
    const id = uuidv7();
    const startedAt = new Date().toISOString();
    const sessions = (await readCache<Record<string, LocalSession>>('local-sessions')) ?? {};
    sessions[id] = { id, kind, placeId, startedAt, endedAt: null, tallies: {}, observations: [], version: null };
    await writeCache('local-sessions', sessions);
    queryClient.setQueryData(localSessionsQuery.queryKey, { ...sessions });
    await enqueue('session.start', id, { kind, status: 'running', onDate: localDay(), startedAt, placeId });
    refresh();
    return id;
  });
}

export function addTally(sessionId: string, kind: string, delta: 1 | -1): Promise<void> {
  // The screen counts at once; the device and the outbox follow in turn.
  queryClient.setQueryData(localSessionsQuery.queryKey, (sessions) => {
    const session = sessions?.[sessionId];
    if (!sessions || !session) return sessions;
    const count = Math.max(0, (session.tallies[kind] ?? 0) + delta);
    return { ...sessions, [sessionId]: { ...session, tallies: { ...session.tallies, [kind]: count } } };
  });
  return inTurn(async () => {
    let changed = false;
    await changeLocalSession(sessionId, (session) => {
      const before = session.tallies[kind] ?? 0;
      session.tallies[kind] = Math.max(0, before + delta);
      changed = session.tallies[kind] !== before;
    });
    if (changed) await enqueueTally(sessionId, kind, delta);
    void queryClient.invalidateQueries({ queryKey: outboxQuery.queryKey });
  });
}

export function setSessionDetails(session: LocalSession, changes: { kind?: Session['kind']; placeId?: string | null }) {
  return inTurn(async () => {
    await changeLocalSession(session.id, (local) => Object.assign(local, changes));
    const amended = await amendPending(session.id, 'session.start', changes);
    if (!amended) await enqueue('session.update', session.id, changes, session.version ?? 1);
    refresh();
  });
}

export function addObservation(sessionId: string, body: string, themes: string[]): Promise<void> {
  return inTurn(async () => {
    const id = uuidv7();
    const recordedAt = new Date().toISOString();
    await changeLocalSession(sessionId, (session) => session.observations.push({ id, body, themes, recordedAt }));
    await enqueue('session.observe', sessionId, { id, body, themes, recordedAt });
    refresh();
  });
}

export function endSession(sessionId: string): Promise<void> {
  return inTurn(async () => {
    const endedAt = new Date().toISOString();
    await changeLocalSession(sessionId, (session) => {
      session.endedAt = endedAt;
    });
    await enqueue('session.end', sessionId, { endedAt });
    refresh();
  });
}

async function rememberMet(personId: string): Promise<void> {
  const met = (await readCache<Record<string, string>>('met-here')) ?? {};
  met[personId] = new Date().toISOString();
  await writeCache('met-here', met);
  queryClient.setQueryData(metHereQuery.queryKey, { ...met });
}

export type NewPerson = { nickname: string };

/** A contact, with a person made on the spot if needed (pseudonymous: a nickname only). */
export function logEncounter(
  body: Omit<CreateEncounterBody, 'id'>,
  newPerson?: NewPerson,
): Promise<{ encounterId: string; personId: string | null }> {
  return inTurn(async () => {
    let personId = body.personId ?? null;
    if (newPerson) {
      personId = uuidv7();
      await enqueue('person.create', personId, {
        nickname: newPerson.nickname,
        languages: [],
        firstContactOn: localDay(),
        firstContactHow: body.channel ?? 'street',
      });
    }
    const encounterId = uuidv7();
    const payload: Record<string, unknown> = { ...body, occurredAt: body.occurredAt ?? new Date().toISOString() };
    if (personId) {
      payload.personId = personId;
      payload.identification = body.identification ?? 'pseudonymous';
      await rememberMet(personId);
    }
    for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
    await enqueue('encounter.create', encounterId, payload);
    refresh();
    return { encounterId, personId };
  });
}

export function createPerson(nickname: string): Promise<string> {
  return inTurn(async () => {
    const id = uuidv7();
    await enqueue('person.create', id, { nickname, languages: [], firstContactOn: localDay() });
    refresh();
    return id;
  });
}

export type PersonChanges = Partial<Pick<Person, 'nickname' | 'ageBand' | 'gender' | 'household' | 'languages'>>;

export function updatePerson(personId: string, baseVersion: number, changes: PersonChanges): Promise<void> {
  return inTurn(async () => {
    const amended = await amendPending(personId, 'person.create', changes);
    if (!amended) await enqueue('person.update', personId, changes, baseVersion);
    refresh();
  });
}

export function addPersonRole(personId: string, role: PersonRoleKind): Promise<void> {
  return inTurn(async () => {
    await enqueue('person.addRole', personId, { id: uuidv7(), role, startedOn: localDay() });
    refresh();
  });
}

export function markFollowUpDone(encounterId: string, baseVersion?: number): Promise<void> {
  return inTurn(async () => {
    const payload = { done: true };
    await enqueue('encounter.followUp', encounterId, payload, baseVersion);
    refresh();
  });
}

export function attachEncounter(encounterId: string, personId: string, baseVersion: number): Promise<void> {
  return inTurn(async () => {
    await enqueue('encounter.attach', encounterId, { personId }, baseVersion);
    refresh();
  });
}
