import { stringify } from 'csv-stringify/sync';

/**
 * A register as CSV (UTF-8 with a byte-order mark so spreadsheets read the accents, RFC 4180
 * quoting). A cell starting with = + - or @ is prefixed with a quote: a typed text must never run
 * as a formula in the spreadsheet that opens it.
 */
const guard = (value: unknown) => {
  const cell = value == null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
};

export function registerCsv(header: string[], lines: unknown[][]): string {
  return `\uFEFF${stringify([header, ...lines.map((line) => line.map(guard))], { record_delimiter: 'windows' })}`;
}

/** The download's file name: the register and today's date. */
export const csvFileName = (name: string) => `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
