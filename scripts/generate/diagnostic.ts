import { diagnosticSectionKeys } from '../../core/contracts/diagnostic.ts';
import { suppressed } from '../../core/small-cells.ts';
import { defaultTerms } from '../../server/modules/taxonomies/taxonomies.defaults.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const needLabels = new Map(defaultTerms.need.map(([code, fr, en]) => [code, { fr, en }]));
const thresholds = { windowDays: 180, minEncounters: 10, minPeople: 3 };

type Tally = { neighbourhoodId: string; need: string; encounters: number; people: Set<string> };

/** Needs per neighbourhood over the last window, counted as the detection counts them (decision 0022). */
function tallies(rows: Record<string, Row[]>, end: Date): Tally[] {
  const hoodOfPlace = new Map((rows.places ?? []).map((p) => [p.id as string, p.neighbourhood_id as string | null]));
  const start = end.getTime() - thresholds.windowDays * day;
  const byKey = new Map<string, Tally>();
  for (const encounter of rows.encounters ?? []) {
    const at = Date.parse(encounter.occurred_at as string);
    const hood = hoodOfPlace.get(encounter.place_id as string);
    if (!hood || at < start || at > end.getTime()) continue;
    for (const need of encounter.needs as string[]) {
      const key = `${hood}:${need}`;
      const tally = byKey.get(key) ?? { neighbourhoodId: hood, need, encounters: 0, people: new Set<string>() };
      tally.encounters++;
      if (encounter.person_id) tally.people.add(encounter.person_id as string);
      byKey.set(key, tally);
    }
  }
  return [...byKey.values()];
}

/**
 * The team's signal thresholds, the needs its field work makes recur (most still new, some
 * acknowledged, one taken up or dismissed), and the diagnostic of its first neighbourhood: a
 * published version with its figures frozen, then a draft on top.
 */
export const diagnostic: GeneratorModule = {
  name: 'need signals and diagnostics',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const hood = rows.neighbourhoods?.[0];
    const author = (rows.users ?? []).find((u) => u.role === 'coordinator') ?? rows.users?.[0];
    if (!team) return;
    const end = faker.defaultRefDate();
    add('need_signal_settings', {
      team_id: team.id,
      window_days: thresholds.windowDays,
      min_encounters: thresholds.minEncounters,
      min_people: thresholds.minPeople,
      min_rise_percent: null,
      updated_by: author?.id ?? null,
      updated_at: new Date(end.getTime() - 200 * day).toISOString(),
    });
    const recurring = tallies(rows, end).filter(
      (t) => t.encounters >= thresholds.minEncounters && t.people.size >= thresholds.minPeople,
    );
    const signals: Row[] = recurring.map((t, k) => {
      const status =
        k % 5 === 4 ? faker.helpers.arrayElement(['takenUp', 'dismissed']) : k % 3 === 2 ? 'acknowledged' : 'new';
      const first = new Date(end.getTime() - faker.number.int({ min: 7, max: 60 }) * day);
      const history = [3, 2, 1, 0].map((weeks) => ({
        on: isoDay(new Date(end.getTime() - weeks * 7 * day)),
        encounters: Math.max(1, t.encounters - weeks * faker.number.int({ min: 0, max: 3 })),
        people: t.people.size,
      }));
      return {
        id: uuidv7From(faker, first),
        team_id: team.id,
        neighbourhood_id: t.neighbourhoodId,
        need: t.need,
        status,
        window_start: isoDay(new Date(end.getTime() - thresholds.windowDays * day)),
        window_end: isoDay(end),
        encounters: t.encounters,
        people: t.people.size,
        previous_encounters: faker.number.int({ min: 0, max: t.encounters }),
        history,
        first_detected_at: first.toISOString(),
        last_detected_at: end.toISOString(),
        status_note: status === 'new' ? null : 'Discuté en réunion d’équipe.',
        status_changed_by: status === 'new' ? null : (author?.id ?? null),
        status_changed_at: status === 'new' ? null : end.toISOString(),
        // One signal in four passed to advocacy, so the partners' summary has something to show.
        advocacy_themes: k % 4 === 1 ? [faker.helpers.arrayElement(['housing', 'health', 'food', 'services'])] : [],
        structural_problem: k % 4 === 1 ? 'Les ressources du secteur ne suffisent plus à la demande.' : null,
        advocacy_changed_at: k % 4 === 1 ? end.toISOString() : null,
        version: status === 'new' ? 1 : 2,
        created_at: first.toISOString(),
        updated_at: end.toISOString(),
      } satisfies Row;
    });
    add('need_signals', ...signals);
    if (!hood) return;

    const created = new Date(end.getTime() - 120 * day);
    const diagnosticId = uuidv7From(faker, created);
    add('diagnostics', {
      id: diagnosticId,
      neighbourhood_id: hood.id,
      team_id: team.id,
      current_version: 2,
      created_by: author?.id ?? null,
      created_at: created.toISOString(),
      updated_at: end.toISOString(),
    });
    const sections = Object.fromEntries(diagnosticSectionKeys.map((key) => [key, faker.lorem.paragraphs(2)]));
    const priorities = [0, 1, 2].map(() => ({
      id: uuidv7From(faker, created),
      title: faker.lorem.sentence({ min: 3, max: 6 }),
      detail: faker.lorem.sentence(),
    }));
    const open = signals.filter(
      (s) => s.neighbourhood_id === hood.id && (s.status === 'new' || s.status === 'acknowledged'),
    );
    const hoodEncounters = recurring.filter((t) => t.neighbourhoodId === hood.id).reduce((n, t) => n + t.encounters, 0);
    const periodFrom = isoDay(new Date(created.getTime() - 365 * day));
    const periodTo = isoDay(created);
    const figures = {
      computedAt: created.toISOString(),
      periodFrom,
      periodTo,
      sectorCount: 0,
      indicators: [],
      coverage: {
        sessions: 0,
        encounters: suppressed(hoodEncounters),
        lastVisit: null,
        places: 0,
        placesNotVisited: [],
      },
      signals: open.map((s) => ({
        id: s.id,
        need: s.need,
        needLabel: needLabels.get(s.need as string) ?? { fr: s.need, en: s.need },
        status: s.status,
        encounters: suppressed(s.encounters as number),
        people: suppressed(s.people as number),
      })),
      network: {
        actors: (rows.actors ?? []).length,
        ties: (rows.ties ?? []).length,
        isolated: 0,
        bridging: 0,
        communities: 0,
        bridgingOrganisations: [],
      },
    };
    for (const number of [1, 2]) {
      const savedAt = new Date(created.getTime() + (number - 1) * 60 * day);
      add('diagnostic_versions', {
        id: uuidv7From(faker, savedAt),
        diagnostic_id: diagnosticId,
        number,
        status: number === 1 ? 'published' : 'draft',
        title: `Diagnostic ${hood.name as string}`,
        sections,
        priorities,
        period_from: periodFrom,
        period_to: periodTo,
        figures: number === 1 ? figures : null,
        saved_by: author?.id ?? null,
        saved_at: savedAt.toISOString(),
      });
    }
  },
};
