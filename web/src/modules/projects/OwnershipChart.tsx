import { useTranslation } from 'react-i18next';
import { ownershipLevels } from '../../../../core/collective.ts';
import type { Project } from '../../../../core/contracts/projects.ts';
import type { Language } from '../../../../core/localized.ts';
import { formatDay } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { ownershipStep } from './format.ts';

const width = 340;
const height = 170;
const left = 78;
const right = 10;
const top = 10;
const bottom = 26;
const dayMs = 86_400_000;

const time = (day: string) => Date.parse(`${day}T12:00:00Z`);

/**
 * Ownership over time as steps: each change holds until the next, up to today. Drawn in SVG (a
 * handful of points does not need a chart library), with the levels named on the left.
 */
export function OwnershipChart({ project }: { project: Project }) {
  const { t } = useTranslation();
  const language: Language = useLanguage();
  const history = project.ownershipHistory;
  if (history.length === 0) return null;
  const start = time(history[0]?.onDate ?? project.startedOn);
  const end = Math.max(Date.now(), start + dayMs * 30, time(history.at(-1)?.onDate ?? project.startedOn) + dayMs);
  const x = (at: number) => left + ((at - start) / (end - start)) * (width - left - right);
  const y = (level: Project['ownership']) =>
    top + (1 - (ownershipStep(level) - 1) / (ownershipLevels.length - 1)) * (height - top - bottom);
  let path = '';
  history.forEach((entry, k) => {
    const at = x(time(entry.onDate));
    path += k === 0 ? `M${at},${y(entry.level)}` : `H${at}V${y(entry.level)}`;
  });
  path += `H${x(end)}`;
  const summary = history
    .map((entry) => `${formatDay(entry.onDate, language)} : ${t(`projects.ownership.levels.${entry.level}`)}`)
    .join(' ; ');
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={`${t('projects.ownership.chartLabel')} — ${summary}`}
      style={{ maxWidth: 560, display: 'block' }}
    >
      {ownershipLevels.map((level) => (
        <g key={level}>
          <line x1={left} x2={width - right} y1={y(level)} y2={y(level)} stroke="var(--mantine-color-gray-3)" />
          <text x={left - 6} y={y(level) + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-dark-6)">
            {t(`projects.ownership.short.${level}`)}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="var(--mantine-color-relais-7)" strokeWidth={3} />
      {history.map((entry) => (
        <circle
          key={entry.id}
          cx={x(time(entry.onDate))}
          cy={y(entry.level)}
          r={4.5}
          fill="var(--mantine-color-relais-7)"
        />
      ))}
      <text x={left} y={height - 6} fontSize={11} fill="var(--mantine-color-dark-6)">
        {formatDay(new Date(start).toISOString().slice(0, 10), language)}
      </text>
      <text x={width - right} y={height - 6} fontSize={11} textAnchor="end" fill="var(--mantine-color-dark-6)">
        {formatDay(new Date(end).toISOString().slice(0, 10), language)}
      </text>
    </svg>
  );
}
