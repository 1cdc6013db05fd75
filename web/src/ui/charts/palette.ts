/** Series colours for charts, dark enough to read at 4.5:1 on white, in the order series are drawn. */
export const seriesColours = [
  'var(--mantine-color-relais-7)',
  'var(--mantine-color-blue-7)',
  'var(--mantine-color-grape-7)',
  'var(--mantine-color-orange-8)',
  'var(--mantine-color-cyan-9)',
  'var(--mantine-color-pink-8)',
  'var(--mantine-color-indigo-7)',
  'var(--mantine-color-lime-9)',
  'var(--mantine-color-gray-7)',
  'var(--mantine-color-red-8)',
];

export const colourOf = (index: number): string => seriesColours[index % seriesColours.length] as string;

export const axisColour = 'var(--mantine-color-gray-4)';
export const labelColour = 'var(--mantine-color-dark-6)';

/** One point: its value (`null` when hidden to protect people) and how it reads ("12", "<5", "×"). */
export type ChartValue = { value: number | null; text: string };

/** A chart's data: one series per colour, one value per category (or x position). */
export type ChartSeries = { label: string; values: ChartValue[] };
