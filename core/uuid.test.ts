import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from './uuid.ts';

describe('uuidv7', () => {
  it('makes valid version-7 UUIDs that the contracts accept', () => {
    const id = uuidv7();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('sorts by the moment it was made, so offline ids keep their order', () => {
    const earlier = uuidv7(Date.parse('2026-03-01T09:00:00Z'));
    const later = uuidv7(Date.parse('2026-03-01T09:00:01Z'));
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });

  it('carries its time in the first 48 bits', () => {
    const at = Date.parse('2026-11-25T12:34:56.789Z');
    const id = uuidv7(at);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(0)));
    expect(ids.size).toBe(10_000);
  });
});
