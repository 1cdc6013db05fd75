import { describe, expect, it } from 'vitest';
import { classOf, fillOf, quintileColors } from './colors.ts';

describe('choropleth classes', () => {
  const breaks = [10, 20, 30, 40];

  it('puts a value in the class its breaks bound, a break belonging to the class below', () => {
    expect([5, 10, 11, 20, 35, 40, 41].map((value) => classOf(value, breaks))).toEqual([0, 0, 1, 1, 3, 3, 4]);
  });

  it('darkens toward need, whichever way the indicator runs', () => {
    expect(fillOf(45, breaks, 'higher')).toBe(quintileColors[4]);
    expect(fillOf(5, breaks, 'higher')).toBe(quintileColors[0]);
    // Median income: the poorest class is the darkest.
    expect(fillOf(5, breaks, 'lower')).toBe(quintileColors[4]);
    expect(fillOf(45, breaks, 'lower')).toBe(quintileColors[0]);
  });

  it('spreads fewer classes over the whole scale when values repeat', () => {
    expect(fillOf(1, [2], 'higher')).toBe(quintileColors[0]);
    expect(fillOf(3, [2], 'higher')).toBe(quintileColors[4]);
    expect(fillOf(7, [], null)).toBe(quintileColors[0]);
  });
});
