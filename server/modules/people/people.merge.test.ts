import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

/**
 * A merge must leave nothing pointing at the absorbed record but its tombstone: every foreign key
 * to `people` is moved by the merge (people.merge.ts). A new one fails the first test until the
 * merge knows it. (`people.merged_into_id` has no foreign key: the merge re-points it itself.)
 */
let t: TestApp;
let coordinator: Agent;
let teamId: string;
let outsiderId: string;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamId = (await buildTeam(db)).id;
  coordinator = await signedInAgent(t.app, (await buildUser(db, { role: 'coordinator', teamIds: [teamId] })).email);
  outsiderId = (await buildUser(db, { role: 'coordinator', teamIds: [(await buildTeam(db)).id] })).id;
});
afterAll(() => t.close());

describe('merging people', () => {
  it('knows every column that points at a person', async () => {
    const references = await rows<{ name: string }>(sql`
      select c.conrelid::regclass::text || '.' || a.attname as name
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.contype = 'f' and c.confrelid = 'people'::regclass order by 1`);
    expect(references.map((row) => row.name)).toEqual([
      'access_grants.person_id',
      'activity_attendance.person_id',
      'bridging_supports.person_id',
      'consent_events.person_id',
      'encounters.person_id',
      'person_roles.person_id',
      'privacy_incident_people.person_id',
      'project_citizens.person_id',
      'referrals.person_id',
    ]);
  });

  it('moves break-the-glass grants and incident links to the survivor, once per incident', async () => {
    const db = t.database.db;
    const survivor = await buildPerson(db, teamId, { nickname: 'Ti-Jean' });
    const absorbed = await buildPerson(db, teamId, { nickname: 'Jean' });
    await rows(sql`insert into access_grants (id, user_id, person_id, team_id, reason, expires_at)
      values (gen_random_uuid(), ${outsiderId}, ${absorbed.id}, ${teamId}, 'Relais de nuit', now() + interval '1 hour')`);
    const incidents = await rows<{
      id: string;
    }>(sql`insert into privacy_incidents (id, team_id, occurred_on, nature, data_concerned, people_affected)
      values (gen_random_uuid(), ${teamId}, '2026-11-01', 'lostDevice', 'Surnoms', 2),
             (gen_random_uuid(), ${teamId}, '2026-11-02', 'misdirectedMessage', 'Surnom', 1) returning id`);
    const [both, absorbedOnly] = incidents.map((row) => row.id) as [string, string];
    await rows(sql`insert into privacy_incident_people (incident_id, person_id)
      values (${both}, ${survivor.id}), (${both}, ${absorbed.id}), (${absorbedOnly}, ${absorbed.id})`);

    const merged = await coordinator.post(`/api/people/${survivor.id}/merge`, { absorbedId: absorbed.id });
    expect(merged.statusCode).toBe(200);
    expect(await rows(sql`select person_id from access_grants where user_id = ${outsiderId}`)).toEqual([
      { person_id: survivor.id },
    ]);
    const links = await rows<{ incident_id: string; person_id: string }>(
      sql`select incident_id, person_id from privacy_incident_people where incident_id in (${both}, ${absorbedOnly})`,
    );
    expect(links).toHaveLength(2);
    expect(links.every((link) => link.person_id === survivor.id)).toBe(true);
    const [audit] = await rows<{ details: { moved: Record<string, number> } }>(
      sql`select details from audit_log where entity_id = ${survivor.id} and action = 'merge'`,
    );
    expect(audit?.details.moved).toMatchObject({ accessGrants: 1, incidents: 1 });
  });
});
