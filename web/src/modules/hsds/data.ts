import type { HsdsImportReport } from '../../../../core/contracts/hsds.ts';
import { errorFromResponse, networkError } from '../../api/errors.ts';

/** The files a person picked: one JSON or zip as it is, several CSV files zipped here first. */
async function uploadBody(files: File[]): Promise<{ body: Blob; type: string; filename: string }> {
  const [first] = files;
  if (!first) throw new Error('no file');
  if (files.length === 1) {
    const name = first.name.toLowerCase();
    const type = name.endsWith('.zip')
      ? 'application/zip'
      : name.endsWith('.csv')
        ? 'text/csv'
        : name.endsWith('.json')
          ? 'application/json'
          : first.type || 'application/octet-stream';
    return { body: first, type, filename: first.name };
  }
  // Several CSV files of one package: zipped in the browser, sent as the package would be.
  const { zipSync } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.name] = new Uint8Array(await file.arrayBuffer());
  const zipped = zipSync(entries);
  return {
    body: new Blob([zipped.buffer as ArrayBuffer], { type: 'application/zip' }),
    type: 'application/zip',
    filename: 'hsds.zip',
  };
}

function csrfToken(): string {
  const entry = document.cookie.split('; ').find((pair) => pair.startsWith('relais_csrf='));
  return entry ? decodeURIComponent(entry.slice('relais_csrf='.length)) : '';
}

/** POST /api/hsds/import with the file as the body (the shared client sends JSON only). */
export async function importFile(
  files: File[],
  options: { source: string; dryRun: boolean },
): Promise<HsdsImportReport> {
  const { body, type, filename } = await uploadBody(files);
  const query = new URLSearchParams({ dryRun: String(options.dryRun), filename });
  if (options.source.trim()) query.set('source', options.source.trim());
  let response: Response;
  try {
    response = await fetch(`/api/hsds/import?${query}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': type, 'x-csrf-token': csrfToken() },
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw networkError();
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorFromResponse(response.status, payload);
  return payload as HsdsImportReport;
}

/** "Répertoire 211 (2026).zip" → "Répertoire 211 (2026)": the publisher's name until the person changes it. */
export function sourceFromFiles(files: File[]): string {
  const [first] = files;
  if (!first || files.length > 1) return '';
  return first.name.replace(/\.(json|zip|csv)$/i, '');
}
