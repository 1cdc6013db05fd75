import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { type LocalizedText, text } from '../../../core/localized.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import type { HsdsObject } from './hsds.export.ts';

/**
 * Reads an uploaded HSDS file into nested service documents: HSDS 3.0 JSON (an array of
 * services, the API's page `{contents: [...]}`, or one service), a zip of the tabular CSV
 * package, or a lone services.csv. A file that cannot be read this way is refused whole (400).
 */

type RawRecord = { where: LocalizedText; document: HsdsObject };
export type ReadFile = { format: 'json' | 'csv'; records: RawRecord[] };

export const badFile = (message: LocalizedText, fields?: FieldError[]) =>
  new AppError(400, 'bad_hsds_file', message, fields);

/**
 * Text as publishers save it: UTF-8 (with or without its mark), UTF-16 with its mark, or — what a
 * spreadsheet on Windows often writes — Windows-1252, recognised by not being valid UTF-8.
 */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const isObject = (value: unknown): value is HsdsObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readJson(content: string): ReadFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    throw badFile(
      text(
        `Le fichier n’est pas du JSON valide (${detail}). Rien n’a été importé.`,
        `The file is not valid JSON (${detail}). Nothing was imported.`,
      ),
    );
  }
  let list: unknown[];
  let path: string;
  if (Array.isArray(parsed)) [list, path] = [parsed, ''];
  else if (isObject(parsed) && Array.isArray(parsed.contents)) [list, path] = [parsed.contents, 'contents'];
  else if (isObject(parsed) && 'name' in parsed && 'id' in parsed) [list, path] = [[parsed], ''];
  else {
    throw badFile(
      text(
        'Ce JSON n’est pas un export HSDS : on attend une liste de services, ou une page de l’API HSDS avec « contents ».',
        'This JSON is not an HSDS export: expected a list of services, or an HSDS API page with "contents".',
      ),
    );
  }
  const records = list.map((item, index) => {
    const at = path ? `${path}[${index}]` : `[${index}]`;
    return {
      where: text(`Service ${index + 1} (${at})`, `Service ${index + 1} (${at})`),
      document: isObject(item) ? item : { __notAnObject: true },
    };
  });
  return { format: 'json', records };
}

// ---- CSV package ----

type Table = { file: string; rows: Record<string, string>[]; columns: string[] };

/** The file names a table goes by: the specification's, and the plural/singular some publishers use. */
const tableFiles: Record<string, string[]> = {
  organization: ['organizations.csv', 'organization.csv'],
  service: ['services.csv', 'service.csv'],
  location: ['locations.csv', 'location.csv'],
  address: ['addresses.csv', 'address.csv'],
  accessibility: ['accessibility.csv', 'accessibilities.csv', 'accessibility_for_disabilities.csv'],
  service_at_location: ['service_at_location.csv', 'service_at_locations.csv', 'services_at_location.csv'],
  schedule: ['schedules.csv', 'schedule.csv'],
  phone: ['phones.csv', 'phone.csv'],
  contact: ['contacts.csv', 'contact.csv'],
  language: ['languages.csv', 'language.csv'],
  service_area: ['service_areas.csv', 'service_area.csv'],
  required_document: ['required_documents.csv', 'required_document.csv'],
  cost_option: ['cost_options.csv', 'cost_option.csv'],
  attribute: ['attributes.csv', 'attribute.csv'],
  taxonomy_term: ['taxonomy_terms.csv', 'taxonomy_term.csv'],
};

/** Columns a table must have to be linked to anything: without them the file is refused. */
const neededColumns: Record<string, string[][]> = {
  service: [['id'], ['name']],
  organization: [['id'], ['name']],
  location: [['id']],
  address: [['location_id']],
  accessibility: [['location_id']],
  service_at_location: [['service_id'], ['location_id']],
  schedule: [['service_id', 'location_id', 'service_at_location_id']],
  phone: [['number'], ['service_id', 'organization_id', 'contact_id', 'location_id', 'service_at_location_id']],
  contact: [['service_id', 'organization_id', 'service_at_location_id', 'location_id']],
  language: [['service_id', 'location_id', 'phone_id']],
  service_area: [['service_id']],
  required_document: [['service_id']],
  cost_option: [['service_id']],
  attribute: [['link_id'], ['taxonomy_term_id']],
  taxonomy_term: [['id']],
};

function parseCsv(file: string, content: string): Table {
  const firstLine = content.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(content, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message : '';
    throw badFile(text(`${file} n’est pas un CSV lisible (${detail}).`, `${file} is not a readable CSV (${detail}).`));
  }
  const [header = [], ...data] = rows;
  const columns = header.map((name) => name.trim().toLowerCase());
  return {
    file,
    columns,
    rows: data.map((row) => Object.fromEntries(columns.map((name, i) => [name, (row[i] ?? '').trim()]))),
  };
}

const baseName = (name: string) => name.split('/').pop()?.toLowerCase() ?? name.toLowerCase();

/** Finds each table's file, by the package's datapackage.json when there is one, else by name. */
function tablesOf(files: Map<string, string>): Map<string, Table> {
  const byBase = new Map([...files].map(([name, content]) => [baseName(name), { name, content }]));
  const declared = new Map<string, string>();
  const descriptor = byBase.get('datapackage.json');
  if (descriptor) {
    try {
      const parsed = JSON.parse(descriptor.content) as { resources?: { name?: string; path?: string }[] };
      for (const resource of parsed.resources ?? []) {
        if (typeof resource.name === 'string' && typeof resource.path === 'string') {
          declared.set(resource.name, baseName(resource.path));
        }
      }
    } catch {
      // a broken descriptor is ignored: the files are found by their usual names
    }
  }
  const tables = new Map<string, Table>();
  for (const [table, names] of Object.entries(tableFiles)) {
    const candidates = [declared.get(table), ...names].filter((n): n is string => Boolean(n));
    const found = candidates.map((n) => byBase.get(n)).find(Boolean);
    if (found) tables.set(table, parseCsv(baseName(found.name), found.content));
  }
  return tables;
}

function checkColumns(tables: Map<string, Table>): void {
  const problems: FieldError[] = [];
  if (!tables.has('service')) {
    throw badFile(
      text(
        'Le paquet ne contient pas de fichier services.csv : rien à importer.',
        'The package has no services.csv file: nothing to import.',
      ),
    );
  }
  for (const [name, table] of tables) {
    for (const oneOf of neededColumns[name] ?? []) {
      if (!oneOf.some((column) => table.columns.includes(column))) {
        const list = oneOf.join(' / ');
        const message = text(`Colonne manquante : ${list}.`, `Missing column: ${list}.`);
        problems.push({ path: `${table.file}:${list}`, message });
      }
    }
  }
  if (problems.length > 0) {
    const summary = problems.map((p) => p.path).join(', ');
    throw badFile(
      text(
        `Des colonnes obligatoires manquent (${summary}). Rien n’a été importé.`,
        `Required columns are missing (${summary}). Nothing was imported.`,
      ),
      problems,
    );
  }
}

const groupBy = (rows: Record<string, string>[], column: string) => {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const key = row[column];
    if (!key) continue;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
};

/** Rebuilds nested service documents from the tables, as the JSON export would have them. */
function assemble(tables: Map<string, Table>): RawRecord[] {
  const rows = (name: string) => tables.get(name)?.rows ?? [];
  const organisations = new Map(rows('organization').map((row) => [row.id, row]));
  const terms = new Map(rows('taxonomy_term').map((row) => [row.id, row]));
  const phonesBy = (column: string) => groupBy(rows('phone'), column);
  const [servicePhones, contactPhones, organisationPhones] = [
    phonesBy('service_id'),
    phonesBy('contact_id'),
    phonesBy('organization_id'),
  ];
  const addresses = groupBy(rows('address'), 'location_id');
  const accessibility = groupBy(rows('accessibility'), 'location_id');
  const locations = new Map(
    rows('location').map((row) => [
      row.id,
      { ...row, addresses: addresses.get(row.id ?? '') ?? [], accessibility: accessibility.get(row.id ?? '') ?? [] },
    ]),
  );
  const schedulesByService = groupBy(rows('schedule'), 'service_id');
  const schedulesByAt = groupBy(rows('schedule'), 'service_at_location_id');
  const schedulesByLocation = groupBy(rows('schedule'), 'location_id');
  const contacts = groupBy(rows('contact'), 'service_id');
  const attributes = groupBy(rows('attribute'), 'link_id');
  const byService = (table: string) => groupBy(rows(table), 'service_id');
  const [areas, languages, documents, costs, ats] = [
    byService('service_area'),
    byService('language'),
    byService('required_document'),
    byService('cost_option'),
    byService('service_at_location'),
  ];
  const file = tables.get('service')?.file ?? 'services.csv';
  return rows('service').map((service, index) => {
    const id = service.id ?? '';
    const organisation = service.organization_id ? organisations.get(service.organization_id) : undefined;
    const document: HsdsObject = {
      ...service,
      ...(organisation
        ? { organization: { ...organisation, phones: organisationPhones.get(organisation.id ?? '') ?? [] } }
        : {}),
      phones: servicePhones.get(id) ?? [],
      schedules: schedulesByService.get(id) ?? [],
      service_areas: areas.get(id) ?? [],
      languages: languages.get(id) ?? [],
      required_documents: documents.get(id) ?? [],
      cost_options: costs.get(id) ?? [],
      contacts: (contacts.get(id) ?? []).map((contact) => ({
        ...contact,
        phones: contactPhones.get(contact.id ?? '') ?? [],
      })),
      attributes: (attributes.get(id) ?? []).map((attribute) => ({
        ...attribute,
        taxonomy_term: terms.get(attribute.taxonomy_term_id ?? ''),
      })),
      service_at_locations: (ats.get(id) ?? []).map((at) => {
        const location = locations.get(at.location_id ?? '');
        const own = schedulesByAt.get(at.id ?? '') ?? [];
        const atLocation = (schedulesByLocation.get(at.location_id ?? '') ?? []).filter((s) => !s.service_id);
        return { ...at, location, schedules: [...own, ...atLocation] };
      }),
    };
    const line = index + 2;
    return { where: text(`${file}, ligne ${line}`, `${file}, line ${line}`), document };
  });
}

function readCsvFiles(files: Map<string, string>): ReadFile {
  const tables = tablesOf(files);
  checkColumns(tables);
  return { format: 'csv', records: assemble(tables) };
}

/** What the files of one package may weigh once unzipped (a region's directory is far below). */
const unzippedLimitBytes = 200 * 1024 * 1024;

const tooBig = () =>
  badFile(
    text(
      'Ce zip est trop volumineux une fois décompressé (200 Mo au plus). Rien n’a été importé.',
      'This zip is too large once unzipped (200 MB at most). Nothing was imported.',
    ),
  );

function readZip(body: Uint8Array): ReadFile {
  let entries: Record<string, Uint8Array>;
  let declared = 0;
  try {
    // Only the CSV and JSON files are inflated, and only while their announced sizes stay reasonable.
    entries = unzipSync(body, {
      filter: (file) => {
        if (!/\.(csv|json)$/i.test(file.name) || file.name.includes('__MACOSX')) return false;
        declared += file.originalSize;
        if (declared > unzippedLimitBytes) throw tooBig();
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badFile(
      text(
        'Ce fichier zip est illisible ou abîmé. Rien n’a été importé.',
        'This zip file is unreadable or damaged. Nothing was imported.',
      ),
    );
  }
  const files = new Map<string, string>();
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/') || name.includes('__MACOSX')) continue;
    if (/\.(csv|json)$/i.test(name)) files.set(name, decodeText(bytes));
  }
  const json = [...files.keys()].filter((name) => /\.json$/i.test(name) && baseName(name) !== 'datapackage.json');
  if (![...files.keys()].some((name) => /\.csv$/i.test(name)) && json.length === 1) {
    return readJson(files.get(json[0] as string) as string);
  }
  return readCsvFiles(files);
}

/**
 * Decides what the upload is from its first bytes (a zip starts with "PK"), its declared type and
 * its name, and reads it. Throws a 400 with a message in both languages when it cannot.
 */
export function readUpload(body: Buffer, contentType: string, filename: string | undefined): ReadFile {
  if (body.length === 0) {
    throw badFile(text('Le fichier envoyé est vide.', 'The file sent is empty.'));
  }
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return readZip(bytes);
  if (contentType.includes('zip') || /\.zip$/i.test(filename ?? '')) {
    throw badFile(
      text(
        'Ce fichier n’est pas un zip : envoyez le paquet CSV HSDS tel quel, ou un fichier JSON.',
        'This file is not a zip: send the HSDS CSV package as it is, or a JSON file.',
      ),
    );
  }
  const content = decodeText(bytes);
  const start = content.trimStart()[0];
  if (start === '[' || start === '{' || contentType.includes('json') || /\.json$/i.test(filename ?? '')) {
    return readJson(content);
  }
  if (contentType.includes('csv') || /\.csv$/i.test(filename ?? '') || /^[\w"]/.test(content)) {
    const name = baseName(filename ?? 'services.csv');
    const table = Object.entries(tableFiles).find(([, names]) => names.includes(name))?.[0];
    if (table && table !== 'service') {
      throw badFile(
        text(
          `${name} seul ne suffit pas : envoyez services.csv, ou tous les fichiers ensemble dans un zip.`,
          `${name} alone is not enough: send services.csv, or all the files together in a zip.`,
        ),
      );
    }
    return readCsvFiles(new Map([['services.csv', content]]));
  }
  throw badFile(
    text(
      'Format inconnu : envoyez un fichier HSDS 3.0 en JSON, ou le paquet CSV en zip.',
      'Unknown format: send an HSDS 3.0 JSON file, or the CSV package as a zip.',
    ),
  );
}
