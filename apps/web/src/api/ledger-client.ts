/** A refusal or failure from the API, read from its application/problem+json body (RFC 9457). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code: string | null,
    readonly fieldErrors: readonly { readonly field: string; readonly message: string }[] = [],
  ) {
    super(`${title}: ${detail}`);
  }
}

type Query = Readonly<Record<string, string | undefined>>;

/** GETs `/api/v1{path}` with the signed-in user's bearer token; throws ApiProblem on any non-2xx answer. */
export async function apiGet<T>(token: string, path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  const response = await fetch(`/api/v1${path}${search}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    ...(signal ? { signal } : {}),
  });
  if (response.ok) return (await response.json()) as T;
  throw await problemOf(response);
}

export async function problemOf(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const errors = Array.isArray(body['errors']) ? (body['errors'] as { field: string; message: string }[]) : [];
    return new ApiProblem(
      response.status,
      typeof body['title'] === 'string' ? body['title'] : response.statusText,
      typeof body['detail'] === 'string' ? body['detail'] : text,
      typeof body['code'] === 'string' ? body['code'] : null,
      errors,
    );
  } catch {
    return new ApiProblem(response.status, response.statusText || 'Request failed', text.slice(0, 300), null);
  }
}
