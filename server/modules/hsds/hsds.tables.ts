import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The HSDS 3.0 tables and their columns, read from the vendored `schema/compiled/tabular.json`
 * (the published descriptor of the CSV package), so the package Relais writes has exactly the
 * files and columns the specification lists, in its order.
 */

export const schemaFolder = path.resolve(import.meta.dirname, 'schema');

type JsonProperty = {
  type?: string;
  format?: string;
  enum?: string[];
  datapackage_type?: string;
  description?: string;
  constraints?: { unique?: boolean };
  items?: unknown;
  $ref?: string;
};
type TableSchema = {
  name: string;
  path: string;
  description?: string;
  properties: Record<string, JsonProperty>;
  required?: string[];
  tabular_required?: string[];
  datapackage_metadata?: { order?: number };
};

type HsdsColumn = {
  name: string;
  /** Table Schema type: string, number, date, time, datetime. */
  type: 'string' | 'number' | 'date' | 'time' | 'datetime';
  format?: 'uuid' | 'email' | 'uri';
  enum?: string[];
  required: boolean;
  unique: boolean;
  description?: string;
};
export type HsdsTable = { name: string; path: string; description?: string; columns: HsdsColumn[] };

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(schemaFolder, relative), 'utf8')) as T;
}

function columnOf(name: string, property: JsonProperty, required: Set<string>): HsdsColumn | null {
  if (property.type === 'array' || property.$ref || property.items) return null; // nested: its own table
  const type = (property.datapackage_type ?? (property.type === 'number' ? 'number' : 'string')) as HsdsColumn['type'];
  const format = property.format === 'date-time' ? undefined : (property.format as HsdsColumn['format']);
  return {
    name,
    type,
    ...(format ? { format } : {}),
    ...(property.enum ? { enum: property.enum } : {}),
    required: required.has(name),
    unique: property.constraints?.unique === true,
    ...(property.description ? { description: property.description } : {}),
  };
}

function loadTables(): HsdsTable[] {
  const tabular = readJson<{ properties: Record<string, { items: TableSchema }> }>('compiled/tabular.json');
  return Object.values(tabular.properties)
    .map((entry) => entry.items)
    .sort((a, b) => (a.datapackage_metadata?.order ?? 99) - (b.datapackage_metadata?.order ?? 99))
    .map((table) => {
      const required = new Set([...(table.required ?? []), ...(table.tabular_required ?? [])]);
      const columns = Object.entries(table.properties)
        .map(([name, property]) => columnOf(name, property, required))
        .filter((column): column is HsdsColumn => column !== null);
      return { name: table.name, path: table.path, description: table.description, columns };
    });
}

/** Every table of the package, in the specification's order. */
export const hsdsTables: HsdsTable[] = loadTables();

/** The Frictionless `datapackage.json` that describes the package (one resource per CSV file). */
export function datapackageDescriptor(name: string, title: string, created: string) {
  return {
    profile: 'tabular-data-package',
    name,
    title,
    created,
    description: 'Open Referral HSDS 3.0 tabular data package, exported by Relais.',
    resources: hsdsTables.map((table) => ({
      name: table.name,
      path: table.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...(table.description ? { description: table.description } : {}),
      schema: {
        fields: table.columns.map((column) => ({
          name: column.name,
          type: column.type,
          ...(column.format ? { format: column.format } : {}),
          constraints: {
            required: column.required,
            unique: column.unique,
            ...(column.enum ? { enum: column.enum } : {}),
          },
        })),
        primaryKey: 'id',
      },
    })),
  };
}
