import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type AdvocacyTheme,
  type advocacySummaryQuerySchema,
  advocacyThemes,
} from '../../../core/contracts/signals.ts';
import { type Language, type LocalizedText, text } from '../../../core/localized.ts';
import type { ComputedReport, ReportTable } from '../../../core/reports/shape.ts';
import { minimumThreshold, showReport } from '../../../core/reports/suppression.ts';
import type { Database } from '../../db/client.ts';
import { needSignals, teams } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { actorOf } from '../../http/request-context.ts';
import { teamFilter } from '../fieldwork/fieldwork.policy.ts';
import { type RenderedReport, renderReport } from '../reports/export/index.ts';
import { needLabels, signalRows } from './signals.service.ts';

export const advocacyThemeLabels: Record<AdvocacyTheme, LocalizedText> = {
  housing: text('Logement', 'Housing'),
  health: text('Santé et soins', 'Health and care'),
  income: text('Revenus et droits sociaux', 'Income and benefits'),
  food: text('Alimentation', 'Food'),
  publicSpace: text('Espace public et aménagement', 'Public space'),
  services: text('Accès aux services', 'Access to services'),
  safety: text('Sécurité et tranquillité', 'Safety'),
};

const nobody = '00000000-0000-0000-0000-000000000000';
const day = 86_400_000;

/**
 * The anonymous summary a team hands to partners (seed 004: what goes to advocacy): the signals
 * tagged for advocacy whose window meets the period, one table per theme, each signal a row with
 * its need, neighbourhood and window, the encounters naming the need and the known people among
 * them ("<5" under five, through the reports' suppression), and the team's statements of the
 * structural problems. No names, no ids, no encounter notes, no status notes.
 */
export async function advocacySummary(
  db: Database,
  request: FastifyRequest,
  query: z.output<typeof advocacySummaryQuerySchema>,
): Promise<RenderedReport> {
  const actor = actorOf(request);
  const language: Language = query.lang ?? actor.language;
  const readable = teamFilter(actor, request, query.teamId);
  const to = query.to ?? new Date().toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 364 * day).toISOString().slice(0, 10);
  const teamIds = readable ? (readable.length ? readable : [nobody]) : undefined;
  const rows = await signalRows(
    db,
    and(
      teamIds ? inArray(needSignals.teamId, teamIds) : undefined,
      sql`jsonb_array_length(${needSignals.advocacyThemes}) > 0`,
      lte(needSignals.windowStart, to),
      gte(needSignals.windowEnd, from),
    ),
  );
  const teamNames = await db
    .select({ name: teams.name })
    .from(teams)
    .where(teamIds ? inArray(teams.id, teamIds) : undefined)
    .orderBy(teams.name);
  const labels = await needLabels(db);
  const signals = rows
    .map(({ signal, neighbourhoodName }) => ({
      ...signal,
      neighbourhoodName,
      needLabel: labels.get(signal.need) ?? { fr: signal.need, en: signal.need },
    }))
    .sort(
      (a, b) =>
        a.neighbourhoodName.localeCompare(b.neighbourhoodName, 'fr') ||
        a.needLabel.fr.localeCompare(b.needLabel.fr, 'fr'),
    );

  const themed = advocacyThemes
    .map((theme) => ({ theme, members: signals.filter((signal) => signal.advocacyThemes.includes(theme)) }))
    .filter((group) => group.members.length > 0);
  const tables: ReportTable[] = themed.map(({ theme, members }) => {
    const statements = members.filter((signal) => signal.structuralProblem);
    return {
      id: `advocacy.${theme}`,
      title: advocacyThemeLabels[theme],
      note: statements.length
        ? both((lang) =>
            statements
              .map(
                (signal) =>
                  `${signal.needLabel[lang]}, ${signal.neighbourhoodName}${lang === 'fr' ? ' : ' : ': '}${signal.structuralProblem}`,
              )
              .join(' — '),
          )
        : undefined,
      unit: 'encounters',
      columns: [
        { key: 'encounters', label: text('Rencontres où le besoin est nommé', 'Encounters naming the need') },
        { key: 'people', label: text('Personnes connues parmi elles', 'Known people among them') },
      ],
      rows: members.map((signal) => ({
        key: signal.id,
        label: both(
          (lang) =>
            `${signal.needLabel[lang]} — ${signal.neighbourhoodName} (${signal.windowStart} – ${signal.windowEnd})`,
        ),
        // Ids name the figure only inside the report; they are never written to the file.
        cells: [
          { id: `${signal.id}.encounters`, value: signal.encounters },
          { id: `${signal.id}.people`, value: signal.people },
        ],
      })),
      chart: 'none',
    };
  });
  const report: ComputedReport = {
    templateId: 'advocacySummary',
    title: text(
      'Besoins et problèmes structurels — résumé pour les partenaires',
      'Needs and structural problems — summary for partners',
    ),
    period: { type: 'custom', from, to, label: text('Période choisie', 'Chosen period') },
    scope: text(
      teamNames.map((team) => team.name).join(', ') || 'Aucune équipe',
      teamNames.map((team) => team.name).join(', ') || 'No team',
    ),
    generatedAt: new Date().toISOString(),
    threshold: minimumThreshold,
    tables: tables.length ? tables : [emptyTable()],
    // Needs are not additive (an encounter names several): no relation to protect beyond "<5".
    relations: [],
  };
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'need_signal',
    details: { export: 'advocacySummary', format: query.format, from, to, teamId: query.teamId ?? null },
  });
  return renderReport(showReport(report), query.format, language);
}

function both(make: (language: Language) => string): LocalizedText {
  return { fr: make('fr'), en: make('en') };
}

function emptyTable(): ReportTable {
  return {
    id: 'advocacy.none',
    title: text('Aucun signal transmis au plaidoyer sur la période', 'No signal passed to advocacy in the period'),
    unit: 'encounters',
    columns: [],
    rows: [],
    chart: 'none',
  };
}
