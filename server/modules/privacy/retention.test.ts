import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymisedNickname, type RetentionKind } from '../../../core/contracts/retention.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import {
  bridgingSupports,
  encounterNotes,
  encounters,
  people,
  referralEvents,
  sessions,
  syncOperations,
} from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildReferral } from '../../test-support/directory-factories.ts';
import { buildEncounter, buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';
import { cutoffOf, runPurge } from './retention.purge.ts';

const now = new Date('2026-11-25T03:00:00Z');
const second = 1000;
const cutoff = (kind: RetentionKind, amount: number) => cutoffOf(kind, amount, now);
const justBefore = (at: Date) => new Date(at.getTime() - second);
const justAfter = (at: Date) => new Date(at.getTime() + second);

let t: TestApp;
let teamId: string;
beforeAll(async () => {
  t = await createTestApp();
  teamId = (await buildTeam(t.database.db)).id;
});
afterAll(() => t.close());

const db = () => t.database.db;
const exists = async (id: string) => (await db().select().from(encounters).where(eq(encounters.id, id))).length === 1;
const countOf = (run: { results: { kind: string; count: number }[] }, kind: RetentionKind) =>
  run.results.find((r) => r.kind === kind)?.count;

describe('retention rules, each on both sides of its cut-off', () => {
  it('cuts at whole months and years back from now', () => {
    expect(cutoff('anonymousEncounters', 36).toISOString()).toBe('2023-11-25T03:00:00.000Z');
    expect(cutoff('confidentialNotes', 5).toISOString()).toBe('2021-11-25T03:00:00.000Z');
    expect(cutoff('syncPayloads', 30).toISOString()).toBe('2026-10-26T03:00:00.000Z');
  });

  it('deletes anonymous encounters older than 36 months, keeping the one at the boundary and what is still needed', async () => {
    const edge = cutoff('anonymousEncounters', 36);
    const old = await buildEncounter(db(), teamId, { occurredAt: justBefore(edge) });
    const atEdge = await buildEncounter(db(), teamId, { occurredAt: edge });
    const recent = await buildEncounter(db(), teamId, { occurredAt: justAfter(edge) });
    const followUp = await buildEncounter(db(), teamId, { occurredAt: justBefore(edge), followUpOn: '2023-12-01' });
    const referred = await buildEncounter(db(), teamId, { occurredAt: justBefore(edge) });
    await buildReferral(db(), teamId, { encounterId: referred.id, status: 'sent', referredAt: justBefore(edge) });
    const person = await buildPerson(db(), teamId);
    const named = await buildEncounter(db(), teamId, { occurredAt: justBefore(edge), personId: person.id });

    const run = await runPurge(db(), { dryRun: false, trigger: 'cli', now });
    expect(run.error).toBeNull();
    expect(await exists(old.id)).toBe(false);
    for (const kept of [atEdge, recent, followUp, referred, named]) expect(await exists(kept.id)).toBe(true);
  });

  it('erases confidential notes older than 5 years and clears has_note, keeping the boundary one', async () => {
    const edge = cutoff('confidentialNotes', 5);
    const person = await buildPerson(db(), teamId);
    await db().update(people).set({ createdAt: now }).where(eq(people.id, person.id));
    const old = await buildEncounter(db(), teamId, {
      personId: person.id,
      occurredAt: justBefore(edge),
      note: 'Vieux.',
    });
    const atEdge = await buildEncounter(db(), teamId, { personId: person.id, occurredAt: edge, note: 'Pile.' });
    await runPurge(db(), { dryRun: false, trigger: 'cli', now });
    const notes = await db().select().from(encounterNotes);
    expect(notes.map((n) => n.encounterId)).not.toContain(old.id);
    expect(notes.map((n) => n.encounterId)).toContain(atEdge.id);
    const [row] = await db().select().from(encounters).where(eq(encounters.id, old.id));
    expect(row).toMatchObject({ hasNote: false, version: 2 });
  });

  it('anonymises a person with no contact for 24 months: identity, consent and the free text that may name them', async () => {
    const edge = cutoff('inactivePeople', 24);
    const gone = await buildPerson(db(), teamId, { firstName: 'Jeanne', lastName: 'Tremblay', nickname: 'Jeannot' });
    const stays = await buildPerson(db(), teamId, { nickname: 'Contact pile à la limite' });
    const openReferral = await buildPerson(db(), teamId, { nickname: 'Orientation ouverte' });
    for (const p of [gone, stays, openReferral])
      await db()
        .update(people)
        .set({ createdAt: justBefore(edge), phone: null })
        .where(eq(people.id, p.id));
    const encounter = await buildEncounter(db(), teamId, {
      personId: gone.id,
      occurredAt: justBefore(edge),
      note: 'Jeanne dort dans sa voiture.',
    });
    await db()
      .update(encounters)
      .set({
        followUpWhat: 'Rappeler Jeanne',
        followUpDoneAt: justBefore(edge),
        nonRecours: [{ right: 'housing', barrier: 'shame', detail: 'Jeanne a honte' }],
      })
      .where(eq(encounters.id, encounter.id));
    await buildEncounter(db(), teamId, { personId: stays.id, occurredAt: edge });
    await buildReferral(db(), teamId, { personId: openReferral.id, status: 'accepted', referredAt: justBefore(edge) });

    const dry = await runPurge(db(), { dryRun: true, trigger: 'cli', now });
    expect(countOf(dry, 'inactivePeople')).toBe(1);
    await runPurge(db(), { dryRun: false, trigger: 'cli', now });

    const [person] = await db().select().from(people).where(eq(people.id, gone.id));
    expect(person).toMatchObject({
      nickname: anonymisedNickname,
      firstName: null,
      lastName: null,
      phone: null,
      email: null,
      consentGivenAt: null,
      consentScope: null,
      consentWithdrawnAt: now,
    });
    const [kept] = await db().select().from(encounters).where(eq(encounters.id, encounter.id));
    expect(kept).toMatchObject({ followUpWhat: null, hasNote: false, identification: 'pseudonymous' });
    expect(kept?.nonRecours).toEqual([{ right: 'housing', barrier: 'shame' }]);
    expect(await db().select().from(encounterNotes).where(eq(encounterNotes.encounterId, encounter.id))).toEqual([]);
    for (const id of [stays.id, openReferral.id]) {
      const [other] = await db().select().from(people).where(eq(people.id, id));
      expect(other?.nickname).not.toBe(anonymisedNickname);
    }
    // Done once: a second run finds nothing more to do for this person.
    const again = await runPurge(db(), { dryRun: true, trigger: 'cli', now });
    expect(countOf(again, 'inactivePeople')).toBe(0);
  });

  it('clears the text of referrals closed 24 months ago, deletes applied sync operations and old sessions', async () => {
    const referralEdge = cutoff('closedReferralText', 24);
    const closed = await buildReferral(db(), teamId, {
      status: 'connected',
      closedAt: justBefore(referralEdge),
      referredAt: justBefore(referralEdge),
    });
    const recent = await buildReferral(db(), teamId, {
      status: 'connected',
      closedAt: referralEdge,
      referredAt: justBefore(referralEdge),
    });
    for (const r of [closed, recent])
      await db()
        .insert(referralEvents)
        .values({
          id: uuidv7(),
          referralId: r.id,
          kind: 'note',
          note: 'Il s’appelle Marc.',
          occurredAt: justBefore(referralEdge),
        });
    const syncEdge = cutoff('syncPayloads', 30);
    const [oldOp, newOp] = [uuidv7(), uuidv7()];
    const user = await buildUser(db(), { teamIds: [teamId] });
    await db()
      .insert(syncOperations)
      .values([
        {
          id: oldOp,
          actorId: user.id,
          kind: 'encounter.create',
          entityId: uuidv7(),
          result: { copy: true },
          appliedAt: justBefore(syncEdge),
        },
        {
          id: newOp,
          actorId: user.id,
          kind: 'encounter.create',
          entityId: uuidv7(),
          result: { copy: true },
          appliedAt: syncEdge,
        },
      ]);
    const sessionEdge = cutoff('expiredSessions', 30);
    await db()
      .insert(sessions)
      .values([
        { tokenHash: 'old-session', userId: user.id, csrfToken: 'x', expiresAt: justBefore(sessionEdge) },
        { tokenHash: 'edge-session', userId: user.id, csrfToken: 'x', expiresAt: sessionEdge },
      ]);

    await runPurge(db(), { dryRun: false, trigger: 'cli', now });
    const notes = await db().execute(sql`select referral_id, note from referral_events where kind = 'note'`);
    const byReferral = new Map(
      (notes as unknown as { rows: { referral_id: string; note: string | null }[] }).rows.map((r) => [
        r.referral_id,
        r.note,
      ]),
    );
    expect(byReferral.get(closed.id)).toBeNull();
    expect(byReferral.get(recent.id)).toBe('Il s’appelle Marc.');
    const ops = (await db().select().from(syncOperations)).map((o) => o.id);
    expect(ops).toContain(newOp);
    expect(ops).not.toContain(oldOp);
    const tokens = (await db().select().from(sessions)).map((s) => s.tokenHash);
    expect(tokens).toContain('edge-session');
    expect(tokens).not.toContain('old-session');
  });
});

describe('dry run, batches and the purge log', () => {
  it('changes nothing on a dry run, and announces exactly what the real run then does, batch after batch', async () => {
    const edge = cutoff('anonymousEncounters', 36);
    for (let i = 0; i < 7; i++)
      await buildEncounter(db(), teamId, {
        occurredAt: new Date(edge.getTime() - (i + 1) * 86_400_000),
        note: i < 2 ? 'Note.' : undefined,
      });
    const snapshot = async () =>
      (
        await t.database.query<{ n: number }>(
          `select (select count(*) from encounters) + (select count(*) from encounter_notes) as n`,
        )
      )[0];
    const beforeRun = await snapshot();
    const dry = await runPurge(db(), { dryRun: true, trigger: 'cli', now });
    expect(await snapshot()).toEqual(beforeRun);
    expect(countOf(dry, 'anonymousEncounters')).toBe(7);
    expect(dry.results.find((r) => r.kind === 'anonymousEncounters')?.oldest).toBe(
      new Date(edge.getTime() - 7 * 86_400_000).toISOString(),
    );

    const real = await runPurge(db(), { dryRun: false, trigger: 'cli', now, batchSize: 2 });
    expect(real.results.map((r) => [r.kind, r.count])).toEqual(dry.results.map((r) => [r.kind, r.count]));
    const afterwards = await runPurge(db(), { dryRun: true, trigger: 'cli', now });
    expect(afterwards.results.every((r) => r.count === 0)).toBe(true);

    const [logged] = await t.database.query<{
      dry_run: boolean;
      trigger: string;
      error: string | null;
      duration_ms: number;
    }>('select dry_run, trigger, error, duration_ms from purge_runs where id = $1', [real.id]);
    expect(logged).toMatchObject({ dry_run: false, trigger: 'cli', error: null });
    const audits = await t.database.query<{ action: string; details: { counts: Record<string, number> } }>(
      `select action, details from audit_log where entity_type = 'retention_purge' and entity_id in ($1, $2) order by id`,
      [dry.id, real.id],
    );
    expect(audits.map((a) => a.action)).toEqual(['read', 'delete']);
    expect(audits[1]?.details.counts.anonymousEncounters).toBe(7);
  });
});

describe('what is still needed, and two purges at once', () => {
  it('keeps the identity of a person with an open bridging support or a follow-up still to do', async () => {
    const edge = cutoff('inactivePeople', 24);
    const supported = await buildPerson(db(), teamId, { nickname: 'Accompagné' });
    const followed = await buildPerson(db(), teamId, { nickname: 'Suivi à faire' });
    for (const p of [supported, followed])
      await db()
        .update(people)
        .set({ createdAt: justBefore(edge) })
        .where(eq(people.id, p.id));
    await db()
      .insert(bridgingSupports)
      .values({ id: uuidv7(), teamId, personId: supported.id, startedOn: '2023-01-10' });
    await buildEncounter(db(), teamId, {
      personId: followed.id,
      occurredAt: justBefore(edge),
      followUpOn: '2024-12-01',
    });
    await runPurge(db(), { dryRun: false, trigger: 'cli', now });
    for (const id of [supported.id, followed.id]) {
      const [person] = await db().select().from(people).where(eq(people.id, id));
      expect(person?.nickname).not.toBe(anonymisedNickname);
    }
  });

  it('shares the work when two purges run at once: everything concerned goes once, nothing fails', async () => {
    const edge = cutoff('anonymousEncounters', 36);
    const ids: string[] = [];
    for (let i = 0; i < 9; i++)
      ids.push((await buildEncounter(db(), teamId, { occurredAt: new Date(edge.getTime() - (i + 2) * 3_600_000) })).id);
    const [first, second] = await Promise.all([
      runPurge(db(), { dryRun: false, trigger: 'cli', now, batchSize: 2 }),
      runPurge(db(), { dryRun: false, trigger: 'admin', now, batchSize: 2 }),
    ]);
    expect([first.error, second.error]).toEqual([null, null]);
    expect(countOf(first, 'anonymousEncounters')! + countOf(second, 'anonymousEncounters')!).toBe(9);
    for (const id of ids) expect(await exists(id)).toBe(false);
  });
});
