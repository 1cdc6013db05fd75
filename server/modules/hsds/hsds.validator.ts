import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { hsdsTables, schemaFolder } from './hsds.tables.ts';

/**
 * Test support: the official HSDS 3.0 schemas (vendored in ./schema) compiled with Ajv. The
 * schemas declare no `$schema`; they use draft 2020-12 keywords only in their plain form, and
 * their extra keywords (`core`, `constraints`, `datapackage_type`…) are annotations, so Ajv
 * runs in non-strict mode with formats (uuid, email, uri, date-time) checked.
 */

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function readSchema(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(schemaFolder, relative), 'utf8'));
}

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  return ajv;
}

const base = 'https://relais.invalid/hsds/schema/';

let compiled: { service: ValidateFunction; serviceFiles: ValidateFunction; tabular: ValidateFunction } | null = null;

function validators() {
  if (compiled) return compiled;
  const single = newAjv();
  const service = single.compile(readSchema('compiled/service_with_definitions.json'));
  const files = newAjv();
  for (const file of readdirSync(schemaFolder).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    // A base for the files' relative references ("phone.json"); the schemas declare no $id.
    files.addSchema({ ...readSchema(file), $id: `${base}${file}` });
  }
  const serviceFiles = files.getSchema(`${base}service.json`) as ValidateFunction;
  // tabular.json refers to the per-object files by name: compiled beside them.
  const tabular = files.compile({ ...readSchema('compiled/tabular.json'), $id: `${base}tabular.json` });
  compiled = { service, serviceFiles, tabular };
  return compiled;
}

const explain = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message}`);

/** Problems of one nested service document, against the compiled schema and the per-object files. */
export function serviceProblems(document: unknown): string[] {
  const { service, serviceFiles } = validators();
  const problems: string[] = [];
  if (!service(document)) problems.push(...explain(service.errors).map((p) => `compiled: ${p}`));
  if (!serviceFiles(document)) problems.push(...explain(serviceFiles.errors).map((p) => `service.json: ${p}`));
  return problems;
}

/**
 * Problems of a CSV package: every table of the descriptor present with exactly its columns, the
 * required and tabular-required fields filled, values of the declared types and enums (each row
 * typed from its column and checked against `compiled/tabular.json`), ids unique.
 */
export function packageProblems(files: Map<string, string>): string[] {
  const problems: string[] = [];
  const document: Record<string, Record<string, unknown>[]> = {};
  for (const table of hsdsTables) {
    const content = files.get(table.path);
    if (content === undefined) {
      problems.push(`${table.path}: missing`);
      continue;
    }
    const [header, ...rows] = parse(content, { bom: true }) as string[][];
    const expected = table.columns.map((c) => c.name);
    if (JSON.stringify(header) !== JSON.stringify(expected)) problems.push(`${table.path}: columns ${header}`);
    const seen = new Set<string>();
    document[table.name] = rows.map((row, index) => {
      const record: Record<string, unknown> = {};
      table.columns.forEach((column, i) => {
        const value = row[i] ?? '';
        if (value === '') {
          if (column.required) problems.push(`${table.path} row ${index + 2}: ${column.name} is required`);
          return;
        }
        if (column.type === 'number') {
          const number = Number(value);
          if (Number.isNaN(number)) problems.push(`${table.path} row ${index + 2}: ${column.name} not a number`);
          record[column.name] = number;
        } else record[column.name] = value;
        if (column.type === 'time' && !/^\d{2}:\d{2}(:\d{2})?$/.test(value)) {
          problems.push(`${table.path} row ${index + 2}: ${column.name} not a time`);
        }
        if (column.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          problems.push(`${table.path} row ${index + 2}: ${column.name} not a date`);
        }
      });
      if (seen.has(record.id as string)) problems.push(`${table.path}: id ${record.id} twice`);
      seen.add(record.id as string);
      return record;
    });
  }
  for (const name of files.keys()) {
    if (name !== 'datapackage.json' && !hsdsTables.some((t) => t.path === name)) problems.push(`${name}: not a table`);
  }
  // Every reference points at a row of the package.
  const references: Record<string, string> = {
    organization_id: 'organization',
    service_id: 'service',
    location_id: 'location',
    contact_id: 'contact',
    service_at_location_id: 'service_at_location',
    taxonomy_term_id: 'taxonomy_term',
  };
  const ids = new Map(Object.entries(document).map(([table, rows]) => [table, new Set(rows.map((r) => r.id))]));
  for (const [table, rows] of Object.entries(document)) {
    for (const row of rows) {
      for (const [column, target] of Object.entries(references)) {
        if (column === 'id' || row[column] === undefined) continue;
        if (!ids.get(target)?.has(row[column])) problems.push(`${table}.${column} ${row[column]}: no such ${target}`);
      }
    }
  }
  const { tabular } = validators();
  if (!tabular(document)) problems.push(...explain(tabular.errors).map((p) => `tabular.json: ${p}`));
  return problems;
}
