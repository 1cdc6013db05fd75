import { randomInt } from 'node:crypto';

/**
 * Slip numbers read over the phone: "R-7K4Q-2M". Random (nothing about the person or the date),
 * from 32 signs without the look-alikes 0/O and 1/I: 32⁶ ≈ a billion numbers, so a clash is rare
 * and retried (the column is unique).
 */
const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const pick = (n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

export function newSlipNumber(): string {
  return `R-${pick(4)}-${pick(2)}`;
}
