/** What every command answers (DESIGN §5): 201 on create, 200 otherwise. */
export interface CommandResult {
  readonly id: string;
  readonly version: number | string;
  readonly position: string;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}>;

/** A non-2xx answer: method, path, status and the problem+json body the API sent. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`${method} ${path} failed with ${status}: ${typeof problem === 'string' ? problem : JSON.stringify(problem)}`);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly fetch?: FetchLike;
  /** Attempts for a request that failed on the network or with 429/502/503/504 (same Idempotency-Key). */
  readonly attempts?: number;
  /** Milliseconds to wait before retry n (n = 1, 2, …); default 250·n. */
  readonly backoff?: (attempt: number) => number;
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/** A thin JSON client for `/api/v1`, counting the commands it sends. */
export class ApiClient {
  private readonly root: string;
  private readonly fetchFn: FetchLike;
  private commandCount = 0;

  constructor(private readonly options: ApiClientOptions) {
    this.root = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
    this.fetchFn = options.fetch ?? ((url, init) => fetch(url, init));
  }

  get commandsSent(): number {
    return this.commandCount;
  }

  /** POST a command; the Idempotency-Key makes a retry after a lost answer harmless. */
  async post(path: string, body: object, idempotencyKey: string): Promise<CommandResult> {
    this.commandCount += 1;
    return this.send<CommandResult>('POST', path, { body: JSON.stringify(body), idempotencyKey });
  }

  async get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path, {});
  }

  private async send<T>(method: string, path: string, request: { body?: string; idempotencyKey?: string }): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}`, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await this.fetchFn(`${this.root}${path}`, {
          method,
          headers,
          ...(request.body !== undefined ? { body: request.body } : {}),
        });
      } catch (error) {
        if (attempt >= attempts) throw new Error(`${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
        await this.wait(attempt);
        continue;
      }
      if (!response.ok && RETRYABLE.has(response.status) && attempt < attempts) {
        await this.wait(attempt);
        continue;
      }
      const text = await response.text();
      if (!response.ok) throw new ApiError(method, path, response.status, parse(text));
      return (text === '' ? undefined : parse(text)) as T;
    }
  }

  private wait(attempt: number): Promise<void> {
    const ms = this.options.backoff?.(attempt) ?? 250 * attempt;
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
