import type { PurgeRuleResult } from '../../core/contracts/retention.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { runPurge } from '../modules/privacy/retention.purge.ts';
import { UsageError, type Values } from './parse.ts';

const labels: Record<PurgeRuleResult['kind'], string> = {
  closedReferralText: 'Closed referrals, text / Orientations closes, texte',
  confidentialNotes: 'Confidential notes / Notes confidentielles',
  anonymousEncounters: 'Anonymous encounters / Rencontres anonymes',
  inactivePeople: 'People anonymised / Personnes anonymisées',
  syncPayloads: 'Applied sync operations / Opérations synchronisées',
  expiredSessions: 'Expired sessions / Sessions expirées',
};

/** The per-rule table: what goes (or would go), before which cut-off, and the oldest date concerned. */
export function purgeTable(results: PurgeRuleResult[]): string[] {
  const width = Math.max(...Object.values(labels).map((l) => l.length));
  return [
    `  ${'Rule / Règle'.padEnd(width)}  ${'Count'.padStart(8)}  ${'Before / Avant'.padEnd(10)}  Oldest / Plus ancien`,
    ...results.map(
      (r) =>
        `  ${labels[r.kind].padEnd(width)}  ${String(r.count).padStart(8)}  ${r.cutoff.slice(0, 10)}      ${r.oldest?.slice(0, 10) ?? '-'}`,
    ),
  ];
}

export const purgeCommand = {
  words: ['purge'],
  usage: '[--dry-run] [--now 2026-11-25T03:00:00Z]',
  summary:
    'Apply the retention rules (the server also does it nightly); --dry-run only shows what would go / applique les règles de conservation',
  options: { 'dry-run': { type: 'boolean' as const }, now: { type: 'string' as const } },
  async run(database: DatabaseHandle, { values }: { values: Values }, io: { out(line: string): void }) {
    const given = values.now as string | undefined;
    const now = given === undefined ? new Date() : new Date(given);
    if (Number.isNaN(now.getTime()))
      throw new UsageError(`--now "${given}" is not a date and time / n’est pas une date et heure`);
    const dryRun = values['dry-run'] === true;
    const run = await runPurge(database.db, { dryRun, trigger: 'cli', now });
    io.out(
      dryRun
        ? 'Dry run, nothing changed / Essai à blanc, rien n’a changé — would go / partirait:'
        : 'Purge applied / Purge appliquée:',
    );
    for (const line of purgeTable(run.results)) io.out(line);
    io.out(`Run / Passage ${run.id} in / en ${run.durationMs} ms (written to the purge log / inscrit au journal)`);
    if (run.error) throw new Error(`The purge stopped / La purge s’est arrêtée: ${run.error}`);
  },
};
