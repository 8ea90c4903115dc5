import { problemOf } from './ledger-client';

type Query = Readonly<Record<string, string | undefined>>;

/** The file name from `Content-Disposition: attachment; filename="…"`, else the fallback. */
function filenameOf(response: Response, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? fallback;
}

/**
 * Downloads a file the API serves only with the bearer token: fetched with the Authorization
 * header, then saved through a short-lived Blob URL (a plain link could not carry the token).
 */
export async function apiDownload(token: string, path: string, query: Query, fallbackName: string): Promise<string> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  const response = await fetch(`/api/v1${path}${search}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw await problemOf(response);
  const name = filenameOf(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = name;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // Chromium has started the download once click() returns; release the blob shortly after.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
