import { sql } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildTeam, buildUser } from '../../test-support/factories.ts';

/**
 * A report as a file: the same figures as /reports/run, hidden alike, in CSV, XLSX and PDF; the
 * same scope; bad formats refused by field.
 */
let t: TestApp;
let coordinator: Agent;
let outsider: Agent;
let teamA: string;

const query = (format: string, extra = '') =>
  `/api/reports/export?templateId=ciusssActivity&periodType=calendarYear&year=2025&format=${format}${extra}`;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db, { name: 'Équipe Ascot' })).id;
  const teamB = (await buildTeam(db)).id;
  // 20 contacts in the street, 10 at home and 3 on the phone: "phone" is a small count, and "home"
  // must be hidden too, or 33 − 20 − 10 would give it back.
  await db.execute(sql`
    insert into encounters (id, team_id, occurred_at, channel, identification, needs, actions)
    select gen_random_uuid(), ${teamA}::uuid, timestamptz '2025-05-01 15:00Z' + i * interval '1 day',
      case when i <= 3 then 'phone' when i <= 13 then 'home' else 'street' end, 'anonymous', array['food'], array['listen']
    from generate_series(1, 33) i`);
  coordinator = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA], role: 'coordinator' })).email);
  outsider = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
});
afterAll(() => t.close());

describe('report exports', () => {
  it('gives the CSV of the report: the small count "<5", its complement "×", the street count and the total shown', async () => {
    const answer = await coordinator.get(query('csv'));
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('text/csv');
    expect(answer.headers['content-disposition']).toMatch(/attachment; filename=".+\.csv"/);
    const csv = answer.body;
    const channel = (row: string) =>
      csv.split('\n').find((line) => line.startsWith(`Contacts par type d’intervention (canal),${row},Total,`));
    expect(channel('Dans la rue')).toMatch(/,20$/);
    expect(channel('Par téléphone')).toMatch(/,<5$/);
    expect(channel('À domicile')).toMatch(/,×$/);
    expect(channel('Total')).toMatch(/,33$/);
  });

  it('gives the same report as an Excel workbook and a PDF, in the language asked for', async () => {
    const xlsx = await coordinator.get(query('xlsx', '&language=en'));
    expect(xlsx.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    const sheets = Object.keys(files).filter((name) => name.startsWith('xl/worksheets/'));
    expect(sheets.length).toBeGreaterThan(1);
    const text = sheets.map((name) => new TextDecoder().decode(files[name])).join('\n');
    expect(text).toContain('&lt;5'); // "<5", as XML writes it
    expect(text).toContain('<v>33</v>');

    const pdf = await coordinator.get(query('pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // Compressed, as sent: its words are checked by the renderer's own tests (export.unit.test.ts).
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an unknown format by field, and another team exports nothing of this one', async () => {
    const bad = await coordinator.get(query('docx'));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('format');
    const foreign = await outsider.get(query('csv', `&teamId=${teamA}`));
    expect(foreign.statusCode).toBe(404);
  });
});
