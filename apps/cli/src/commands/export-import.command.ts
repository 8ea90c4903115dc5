import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TokenService } from '@ledger/identity';
import { loadConfig } from '../../../api/src/config/ledger-config';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ApiOptions {
  /** Where the API runs, e.g. http://localhost:3000. */
  readonly url: string;
  /** A bearer token; without it, a short-lived platform-admin token signed with LEDGER_JWT_SECRET. */
  readonly token?: string;
}

async function bearer(options: ApiOptions): Promise<string> {
  if (options.token) return options.token;
  const config = loadConfig();
  const token = await new TokenService(config.jwtSecret).mint({
    sub: 'ledger-cli',
    name: 'Ledger command line',
    roles: ['platform-admin'],
    partnerships: [],
    expiresInSeconds: 600,
  });
  return token;
}

/** A problem+json answer as one line: status, code, detail. */
async function refusal(response: Response): Promise<Error> {
  const text = await response.text();
  try {
    const problem = JSON.parse(text) as { code?: string; detail?: string };
    return new Error(`${response.status} ${problem.code ?? ''}: ${problem.detail ?? text}`);
  } catch {
    return new Error(`${response.status}: ${text.slice(0, 200)}`);
  }
}

export interface ExportOptions extends ApiOptions {
  readonly format: 'csv' | 'xlsx';
  readonly asOf?: string;
  readonly validAt?: string;
  /** File to write; without it, the file name the API gives, in the current directory. */
  readonly out?: string;
}

/** `ledger export <pid>`: downloads the action plan (as of an instant) and answers the file written. */
export async function runExport(partnershipId: string, options: ExportOptions): Promise<string> {
  const query = new URLSearchParams({
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.validAt ? { validAt: options.validAt } : {}),
  });
  const url = `${options.url}/api/v1/partnerships/${partnershipId}/exports/action-plan.${options.format}${query.size > 0 ? `?${query.toString()}` : ''}`;
  const response = await fetch(url, { headers: { Authorization: `Bearer ${await bearer(options)}` } });
  if (!response.ok) throw await refusal(response);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const file = options.out ?? named ?? `action-plan.${options.format}`;
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

export interface ImportOptions extends ApiOptions {
  readonly dryRun?: boolean;
}

/** `ledger import <pid> <file>`: uploads a CSV or XLSX; answers the HTTP status and the report. */
export async function runImport(partnershipId: string, file: string, options: ImportOptions): Promise<{ status: number; report: unknown }> {
  const type = extname(file).toLowerCase() === '.xlsx' ? XLSX : 'text/csv';
  const url = `${options.url}/api/v1/partnerships/${partnershipId}/imports/action-plan${options.dryRun ? '?dryRun=true' : ''}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await bearer(options)}`, 'Content-Type': type },
    body: await readFile(file),
  });
  // 422 carries the report of a refused import: that is an answer to print, not a failure to explain.
  if (!response.ok && response.status !== 422) throw await refusal(response);
  const report: unknown = await response.json();
  return { status: response.status, report };
}
