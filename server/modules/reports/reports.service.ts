import type { FastifyRequest } from 'fastify';
import type { DashboardQuery, RunReportQuery } from '../../../core/contracts/reports.ts';
import { text } from '../../../core/localized.ts';
import type { ReportTemplateDefinition } from '../../../core/reports/catalogue.ts';
import { builtInTemplate } from '../../../core/reports/catalogue.ts';
import { defaultChoice, type PeriodChoice, periodProblem } from '../../../core/reports/periods.ts';
import type { ShownReport } from '../../../core/reports/shape.ts';
import { showReport } from '../../../core/reports/suppression.ts';
import type { Database } from '../../db/client.ts';
import { invalidField } from '../../http/errors.ts';
import { computeReport } from './engine.ts';
import { resolveScope } from './report-scope.ts';
import { templateToRun } from './templates.service.ts';

/**
 * Runs a report and gives back only what may leave the server: `showReport` (counts only, cells
 * under the threshold hidden, and what would recover them by subtraction).
 */
const isoToday = (now: Date) => now.toISOString().slice(0, 10);

/** The period asked for, completed with the template's defaults; a bad one is a 422 naming its field. */
export function periodOf(
  query: Omit<RunReportQuery, 'templateId'>,
  template: ReportTemplateDefinition,
  now = new Date(),
): PeriodChoice {
  const type = query.periodType ?? (query.from || query.to ? 'custom' : template.periodType);
  let choice: PeriodChoice;
  if (type === 'custom') {
    for (const field of ['from', 'to'] as const)
      if (!query[field])
        throw invalidField(
          field,
          text('Indiquez le début et la fin de la période.', 'Give the start and end of the period.'),
        );
    choice = { type, from: query.from as string, to: query.to as string };
  } else {
    const fallback = defaultChoice(type, isoToday(now)) as Exclude<PeriodChoice, { type: 'custom' }>;
    const year = query.year ?? fallback.year;
    if (type === 'quarter')
      choice = { type, year, quarter: query.quarter ?? ('quarter' in fallback ? fallback.quarter : 1) };
    else if (type === 'month')
      choice = { type, year, month: query.month ?? ('month' in fallback ? fallback.month : 1) };
    else choice = { type, year };
  }
  const problem = periodProblem(choice);
  if (problem) throw invalidField(problem.field, problem.message);
  return choice;
}

export async function runReport(db: Database, request: FastifyRequest, query: RunReportQuery): Promise<ShownReport> {
  const { templateId, teamId, neighbourhoodId, ...periodQuery } = query;
  const template = await templateToRun(db, templateId);
  const choice = periodOf(periodQuery, template);
  const scope = await resolveScope(db, request, { teamId, neighbourhoodId });
  return showReport(await computeReport(db, template, choice, scope));
}

/** The dashboard over any days; by default the twelve months up to today. */
export async function runDashboard(db: Database, request: FastifyRequest, query: DashboardQuery): Promise<ShownReport> {
  const now = new Date();
  const to = query.to ?? isoToday(now);
  const from = query.from ?? `${Number(to.slice(0, 4)) - 1}${to.slice(4, 8)}01`;
  const template = builtInTemplate('dashboard') as ReportTemplateDefinition;
  const choice = periodOf({ periodType: 'custom', from, to }, template, now);
  const scope = await resolveScope(db, request, { teamId: query.teamId, neighbourhoodId: query.neighbourhoodId });
  return showReport(await computeReport(db, template, choice, scope));
}
