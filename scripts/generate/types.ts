import type { Faker } from '@faker-js/faker';
import type { Flavour } from './random.ts';

export type Row = Record<string, unknown>;
/** Rows per table, columns named as in the database (snake_case), values as JSON. */
export type TableRows = Record<string, Row[]>;

export type GenerateOptions = { scale: number; seed: string };

/** What one team's generation knows: its faker, its place in the data set, and what earlier modules made. */
type TeamContext = {
  faker: Faker;
  flavour: Flavour;
  seed: string;
  tag: string;
  teamIndex: number;
  /** The rows made so far for this team, by table: later modules build on them. */
  rows: TableRows;
  /** The argon2id hash every generated account shares (see accounts.ts). */
  passwordHash: string;
  add(table: string, ...rows: Row[]): void;
};

/**
 * A part of the data set. Later capabilities add theirs (people, encounters, referrals…) after
 * the modules they build on; each reads what the earlier ones put in `rows`.
 */
export type GeneratorModule = { name: string; generate(context: TeamContext): void };
