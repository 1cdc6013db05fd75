import { axisColour, type ChartSeries, colourOf, labelColour } from './palette.ts';

const width = 340;
const height = 180;
const left = 34;
const right = 8;
const top = 10;
const bottom = 24;

/**
 * Series over a short run of periods (months): one line each. A hidden figure breaks the line
 * rather than being drawn as zero, so a trend never shows a count the report withholds.
 */
export function LineChart({ positions, series, label }: { positions: string[]; series: ChartSeries[]; label: string }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v.value ?? 0)));
  const step = positions.length > 1 ? (width - left - right) / (positions.length - 1) : 0;
  const x = (k: number) => left + (positions.length > 1 ? k * step : (width - left - right) / 2);
  const y = (value: number) => top + (1 - value / max) * (height - top - bottom);
  const every = Math.ceil(positions.length / 6);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} style={{ display: 'block' }}>
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke={axisColour} strokeDasharray="3 3" />
          <text x={left - 4} y={y(tick) + 4} fontSize={10} textAnchor="end" fill={labelColour}>
            {Math.round(tick)}
          </text>
        </g>
      ))}
      {positions.map((position, k) =>
        k % every === 0 || k === positions.length - 1 ? (
          <text key={position} x={x(k)} y={height - 6} fontSize={10} textAnchor="middle" fill={labelColour}>
            {position}
          </text>
        ) : null,
      )}
      {series.map((s, index) => (
        <g key={s.label}>
          <path d={pathOf(s, x, y)} fill="none" stroke={colourOf(index)} strokeWidth={2.5} />
          {s.values.map((point, k) =>
            point.value === null ? null : (
              // biome-ignore lint/suspicious/noArrayIndexKey: positions are fixed for the chart's life
              <circle key={k} cx={x(k)} cy={y(point.value)} r={3} fill={colourOf(index)} />
            ),
          )}
        </g>
      ))}
    </svg>
  );
}

/** The line through shown points; a hidden one lifts the pen. */
function pathOf(series: ChartSeries, x: (k: number) => number, y: (value: number) => number): string {
  let path = '';
  let penDown = false;
  series.values.forEach((point, k) => {
    if (point.value === null) {
      penDown = false;
      return;
    }
    path += `${penDown ? 'L' : 'M'}${x(k)},${y(point.value)}`;
    penDown = true;
  });
  return path;
}
