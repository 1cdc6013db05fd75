import { type ChartSeries, colourOf, labelColour } from './palette.ts';

const width = 340;
const labelHeight = 16;
const barHeight = 14;
const gap = 12;
const valueRoom = 44;

/**
 * Horizontal bars, one group per category: the label on its own line above the bars, so long
 * labels ("Logement et hébergement") read whole on a phone. Several series become grouped bars;
 * with `stacked`, they are laid end to end. A hidden figure draws as a hatched stub with its mark.
 */
export function HorizontalBars({
  categories,
  series,
  stacked = false,
  stackLabels,
  label,
}: {
  categories: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** What the end of each stacked bar reads (its total); by default its parts, "12 + <5". */
  stackLabels?: string[];
  label: string;
}) {
  const valueAt = (s: ChartSeries, k: number) => s.values[k]?.value ?? 0;
  const totals = categories.map((_, k) => series.reduce((sum, s) => sum + valueAt(s, k), 0));
  const max = Math.max(1, ...(stacked ? totals : series.flatMap((s) => s.values.map((v) => v.value ?? 0))));
  const scale = (value: number) => (value / max) * (width - valueRoom);
  const barsPerGroup = stacked ? 1 : series.length;
  const groupHeight = labelHeight + barsPerGroup * (barHeight + 3) + gap;
  const height = categories.length * groupHeight;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} style={{ display: 'block' }}>
      <defs>
        <pattern id="hidden-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="var(--mantine-color-gray-2)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--mantine-color-gray-6)" strokeWidth="2" />
        </pattern>
      </defs>
      {categories.map((category, k) => {
        const top = k * groupHeight;
        let offset = 0;
        return (
          <g key={category}>
            <text x={0} y={top + 12} fontSize={12} fill={labelColour}>
              {category}
            </text>
            {series.map((s, index) => {
              const point = s.values[k] ?? { value: 0, text: '0' };
              const y = top + labelHeight + (stacked ? 0 : index * (barHeight + 3));
              const length = point.value === null ? 10 : scale(point.value);
              const x = stacked ? offset : 0;
              offset += length;
              const last = !stacked || index === series.length - 1;
              return (
                <g key={s.label}>
                  <rect
                    x={x}
                    y={y}
                    width={Math.max(length, point.value === 0 ? 0 : 2)}
                    height={barHeight}
                    rx={2}
                    fill={point.value === null ? 'url(#hidden-hatch)' : colourOf(index)}
                  />
                  {last ? (
                    <text x={(stacked ? offset : length) + 4} y={y + barHeight - 3} fontSize={11} fill={labelColour}>
                      {stacked ? (stackLabels?.[k] ?? partsOf(series, k)) : point.text}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

const partsOf = (series: ChartSeries[], k: number) => series.map((s) => s.values[k]?.text ?? '0').join(' + ');
