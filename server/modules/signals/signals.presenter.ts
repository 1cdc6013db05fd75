import type { AdvocacyTheme, NeedSignal } from '../../../core/contracts/signals.ts';
import type { LocalizedText } from '../../../core/localized.ts';
import { suppressed } from '../../../core/small-cells.ts';
import type { needSignals } from '../../db/schema/index.ts';

type Row = typeof needSignals.$inferSelect & { neighbourhoodName: string; statusChangedByName: string | null };

/** What leaves the server: every count of contacts or people as a number from 5, or "<5". */
export function presentSignal(row: Row, labels: Map<string, LocalizedText>): NeedSignal {
  return {
    id: row.id,
    teamId: row.teamId,
    neighbourhoodId: row.neighbourhoodId,
    neighbourhoodName: row.neighbourhoodName,
    need: row.need,
    needLabel: labels.get(row.need) ?? { fr: row.need, en: row.need },
    status: row.status as NeedSignal['status'],
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    encounters: suppressed(row.encounters),
    people: suppressed(row.people),
    previousEncounters: suppressed(row.previousEncounters),
    history: row.history.map((point) => ({
      on: point.on,
      encounters: suppressed(point.encounters),
      people: suppressed(point.people),
    })),
    firstDetectedAt: row.firstDetectedAt.toISOString(),
    lastDetectedAt: row.lastDetectedAt.toISOString(),
    statusNote: row.statusNote,
    statusChangedBy: row.statusChangedByName,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    advocacyThemes: row.advocacyThemes as AdvocacyTheme[],
    structuralProblem: row.structuralProblem,
    version: row.version,
  };
}
