import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { Database } from '../../db/client.ts';
import { type HsdsObject, loadDirectoryExport } from './hsds.export.ts';
import { datapackageDescriptor, hsdsTables } from './hsds.tables.ts';

/**
 * The HSDS tabular package: one CSV per table of `compiled/tabular.json` (every table, with its
 * header even when empty), a `datapackage.json` describing them, zipped.
 */

/** Which table a nested key of an HSDS document flattens into. */
const tableOfKey: Record<string, string> = {
  organization: 'organization',
  program: 'program',
  programs: 'program',
  phones: 'phone',
  schedules: 'schedule',
  service_areas: 'service_area',
  service_at_locations: 'service_at_location',
  languages: 'language',
  funding: 'funding',
  cost_options: 'cost_option',
  required_documents: 'required_document',
  contacts: 'contact',
  attributes: 'attribute',
  metadata: 'metadata',
  location: 'location',
  locations: 'location',
  addresses: 'address',
  accessibility: 'accessibility',
  taxonomy_term: 'taxonomy_term',
  organization_identifiers: 'organization_identifier',
};

/** Walks nested documents into rows per table, each object once (by id). */
function flatten(services: HsdsObject[], organizations: HsdsObject[]): Map<string, HsdsObject[]> {
  const rows = new Map<string, Map<string, HsdsObject>>(hsdsTables.map((t) => [t.name, new Map()]));
  const visit = (table: string, object: HsdsObject) => {
    const byId = rows.get(table);
    if (!byId) return;
    if (!byId.has(object.id as string)) byId.set(object.id as string, object);
    for (const [key, value] of Object.entries(object)) {
      const child = tableOfKey[key];
      if (!child || value === null || typeof value !== 'object') continue;
      for (const item of Array.isArray(value) ? value : [value]) visit(child, item as HsdsObject);
    }
  };
  for (const organization of organizations) visit('organization', organization);
  for (const service of services) visit('service', service);
  return new Map([...rows].map(([table, byId]) => [table, [...byId.values()]]));
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return String(value);
}

/** The CSV files of the package, by file name (header + rows, UTF-8, comma, RFC 4180 quoting). */
function packageFiles(services: HsdsObject[], organizations: HsdsObject[]): Map<string, string> {
  const rows = flatten(services, organizations);
  const files = new Map<string, string>();
  for (const table of hsdsTables) {
    const header = table.columns.map((c) => c.name);
    const records = (rows.get(table.name) ?? []).map((row) => header.map((name) => cell(row[name])));
    files.set(table.path, stringify([header, ...records], { record_delimiter: '\r\n' }));
  }
  return files;
}

export async function exportCsvPackage(db: Database, deploymentName: string, now = new Date()): Promise<Uint8Array> {
  const { services, organizations } = await loadDirectoryExport(db);
  const files = packageFiles(services, organizations);
  const descriptor = datapackageDescriptor(
    'relais-directory',
    `${deploymentName} — répertoire (HSDS 3.0)`,
    now.toISOString(),
  );
  const entries: Record<string, Uint8Array> = { 'datapackage.json': strToU8(JSON.stringify(descriptor, null, 2)) };
  for (const [name, content] of files) entries[name] = strToU8(content);
  return zipSync(entries, { level: 6, mtime: now });
}
