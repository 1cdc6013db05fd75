import { sql } from 'drizzle-orm';
import type { PrintableDirectory } from '../../../core/contracts/directory-search.ts';
import type { Availability } from '../../../core/directory.ts';
import type { Language } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';

const weekdays: Record<Language, string[]> = {
  fr: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** "09:30:00" → "9 h 30" (fr) or "9:30" (en). */
function clockIn(language: Language, value: string): string {
  const [h, m] = value.split(':');
  const hour = String(Number(h));
  if (language === 'en') return `${hour}:${m}`;
  return m === '00' ? `${hour} h` : `${hour} h ${m}`;
}

type ScheduleRow = {
  weekday: number | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
};

/** Weekly hours as one line per day, in the reader's language; descriptions as written. */
export function hoursLines(language: Language, schedules: ScheduleRow[]): string[] {
  const byDay = new Map<number, string[]>();
  const notes: string[] = [];
  for (const s of schedules) {
    if (s.weekday && s.opens_at && s.closes_at) {
      const slots = byDay.get(s.weekday) ?? [];
      slots.push(`${clockIn(language, s.opens_at)}–${clockIn(language, s.closes_at)}`);
      byDay.set(s.weekday, slots);
    } else if (s.description) notes.push(s.description);
  }
  const lines = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, slots]) => `${weekdays[language][day - 1]} ${slots.join(', ')}`);
  return [...lines, ...notes];
}

type PrintRow = {
  id: string;
  name: string;
  organisation: string;
  description: string | null;
  phone: string | null;
  email: string | null;
  url: string | null;
  address: string | null;
  languages: string[];
  free: boolean | null;
  eligibility: string | null;
  availability: string;
  expected_wait_days: number | null;
  needs: string[];
  schedules: ScheduleRow[] | null;
};

/**
 * The directory on paper for the local: active services grouped by the needs they meet (in the
 * need taxonomy's order and language); a service meeting several needs appears under each.
 */
export async function printableDirectory(
  db: Database,
  language: Language,
  deploymentName: string,
): Promise<PrintableDirectory> {
  const label = language === 'fr' ? sql.raw('label_fr') : sql.raw('label_en');
  const [termsResult, rowsResult] = await Promise.all([
    db.execute(
      sql`select code, ${label} as label from taxonomy_terms where kind = 'need' and active order by sort_order, code`,
    ),
    db.execute(sql`
      select s.id, s.name, o.name as organisation, s.description, coalesce(s.phone, o.phone) as phone,
        coalesce(s.email, o.email) as email, coalesce(s.url, o.website) as url,
        (select concat_ws(', ', l.address, l.city) from service_locations l where l.service_id = s.id
          order by l.name nulls last, l.id limit 1) as address,
        s.languages, s.free, s.eligibility_description as eligibility, s.availability, s.expected_wait_days, s.needs,
        (select json_agg(json_build_object('weekday', h.weekday, 'opens_at', h.opens_at, 'closes_at', h.closes_at,
            'description', h.description) order by h.weekday nulls last, h.opens_at)
          from service_schedules h where h.service_id = s.id) as schedules
      from services s join actors o on o.id = s.actor_id
      where s.hsds_status in ('active', 'temporarily closed') and o.active
      order by s.name, s.id`),
  ]);
  const terms = (termsResult as unknown as { rows: { code: string; label: string }[] }).rows;
  const rows = (rowsResult as unknown as { rows: PrintRow[] }).rows;
  const present = (r: PrintRow) => ({
    id: r.id,
    name: r.name,
    organisation: r.organisation,
    description: r.description,
    phone: r.phone,
    email: r.email,
    url: r.url,
    address: r.address || null,
    hours: hoursLines(language, r.schedules ?? []),
    languages: r.languages,
    free: r.free,
    eligibility: r.eligibility,
    availability: r.availability as Availability,
    expectedWaitDays: r.expected_wait_days,
  });
  const known = new Set(terms.map((t) => t.code));
  const categories = terms
    .map((term) => ({
      code: term.code,
      label: term.label,
      services: rows.filter((r) => r.needs.includes(term.code)).map(present),
    }))
    .filter((c) => c.services.length > 0);
  const elsewhere = rows.filter((r) => !r.needs.some((n) => known.has(n)));
  if (elsewhere.length)
    categories.push({
      code: '',
      label: language === 'fr' ? 'Autres services' : 'Other services',
      services: elsewhere.map(present),
    });
  return { language, generatedAt: new Date().toISOString(), deploymentName, categories };
}
