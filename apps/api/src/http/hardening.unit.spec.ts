import { HttpException, type ArgumentsHost, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { firstValueFrom, NEVER, of, type Observable } from 'rxjs';
import { ProblemDetailsFilter } from './problem-details.filter';
import { FixedWindowRateLimiter, RequestTimeoutInterceptor, UserRateLimitInterceptor, corsOptions, securityHeaders } from './hardening';

/** A clock the test moves by hand. */
class ManualClock {
  constructor(public ms = 1_000_000) {}
  readonly now = () => this.ms;
}

interface FakeResponse {
  headers: Record<string, string>;
  headersSent: boolean;
  statusCode?: number;
  body?: string;
  contentType?: string;
}

function httpContext(request: object, response: FakeResponse = { headers: {}, headersSent: false }): ExecutionContext {
  const fake = {
    ...response,
    setHeader(name: string, value: string) {
      response.headers[name] = value;
    },
    status(code: number) {
      response.statusCode = code;
      return this;
    },
    type(value: string) {
      response.contentType = value;
      return this;
    },
    send(body: string) {
      response.body = body;
      return this;
    },
  };
  Object.defineProperty(fake, 'headersSent', { get: () => response.headersSent });
  return {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => fake, getNext: () => undefined }),
  } as unknown as ExecutionContext;
}

const handler = (result: Observable<unknown>): CallHandler => ({ handle: () => result });

describe('FixedWindowRateLimiter', () => {
  it('allows `limit` hits per key and window, then says when to come back', () => {
    const clock = new ManualClock();
    const limiter = new FixedWindowRateLimiter(2, 60_000, clock.now);
    expect([limiter.hit('a').allowed, limiter.hit('a').allowed]).toEqual([true, true]);
    clock.ms += 15_000;
    expect(limiter.hit('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b').allowed).toBe(true);
  });

  it('opens a new window once the key’s window has passed', () => {
    const clock = new ManualClock();
    const limiter = new FixedWindowRateLimiter(1, 60_000, clock.now);
    limiter.hit('a');
    expect(limiter.hit('a').allowed).toBe(false);
    clock.ms += 60_000;
    expect(limiter.hit('a').allowed).toBe(true);
  });

  it('forgets keys whose window has passed, so memory holds only recent callers', () => {
    const clock = new ManualClock();
    const limiter = new FixedWindowRateLimiter(5, 60_000, clock.now);
    for (let i = 0; i < 100; i += 1) limiter.hit(`10.0.0.${i}`);
    clock.ms += 61_000;
    limiter.hit('fresh');
    expect(limiter.trackedKeys).toBe(1);
  });
});

describe('UserRateLimitInterceptor', () => {
  it('refuses the user past the limit with 429 rate-limited and Retry-After', async () => {
    const interceptor = new UserRateLimitInterceptor(new FixedWindowRateLimiter(1));
    const request = { principal: { userId: 'busy@example.org' } };
    await expect(firstValueFrom(interceptor.intercept(httpContext(request), handler(of('ok'))))).resolves.toBe('ok');
    const response: FakeResponse = { headers: {}, headersSent: false };
    const refusal = await firstValueFrom(interceptor.intercept(httpContext(request, response), handler(of('ok')))).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(429);
    expect((refusal as HttpException).getResponse()).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(Number(response.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
  });

  it('leaves requests without a principal (public routes) to the per-address limit', async () => {
    const interceptor = new UserRateLimitInterceptor(new FixedWindowRateLimiter(1));
    for (let i = 0; i < 3; i += 1) await expect(firstValueFrom(interceptor.intercept(httpContext({}), handler(of(i))))).resolves.toBe(i);
  });
});

describe('RequestTimeoutInterceptor', () => {
  it('answers 503 request-timeout when the handler does not answer in time', async () => {
    const outcome = await firstValueFrom(new RequestTimeoutInterceptor(20).intercept(httpContext({}), handler(NEVER))).catch(
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(HttpException);
    expect((outcome as HttpException).getStatus()).toBe(503);
    expect((outcome as HttpException).getResponse()).toMatchObject({ status: 503, code: 'request-timeout', title: 'Service Unavailable' });
  });

  it('passes a timely answer through', async () => {
    await expect(
      firstValueFrom(new RequestTimeoutInterceptor(1_000).intercept(httpContext({}), handler(of({ id: 'x' })))),
    ).resolves.toEqual({ id: 'x' });
  });
});

describe('ProblemDetailsFilter on an unexpected error', () => {
  it('answers a generic 500 that carries no message, stack or internals', () => {
    const response: FakeResponse = { headers: {}, headersSent: false };
    const context = httpContext({ method: 'GET', originalUrl: '/api/v1/partnerships' }, response);
    const host = { switchToHttp: () => context.switchToHttp() } as unknown as ArgumentsHost;
    const error = new Error(
      'connect ECONNREFUSED 10.1.2.3:5432 user=ledger password=hunter2 at /work/main/libs/platform/src/database.ts:42',
    );
    const filter = new ProblemDetailsFilter();
    (filter as unknown as { logger: { error: () => void } }).logger = { error: () => undefined };
    filter.catch(error, host);
    expect(response.statusCode).toBe(500);
    expect(response.contentType).toBe('application/problem+json');
    const body = JSON.parse(response.body ?? '{}') as Record<string, unknown>;
    expect(body).toEqual({
      type: 'https://learning-ledger.uk/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something went wrong on our side; it has been logged.',
      code: 'internal-error',
      instance: '/api/v1/partnerships',
    });
    expect(response.body).not.toMatch(/ECONNREFUSED|hunter2|\/work\/|\.ts:\d+|\n\s+at /);
  });
});

describe('securityHeaders and corsOptions', () => {
  it('lets a browser client reach the OIDC provider, and nothing else outside', () => {
    const csp = securityHeaders({
      oidc: { issuer: 'https://login.example.gov.uk/realms/ledger', audience: 'api', clockSkewSeconds: 60, jwksCooldownSeconds: 30 },
    }).contentSecurityPolicy as { directives: Record<string, string[]> };
    expect(csp.directives['connect-src']).toEqual(["'self'", 'https://login.example.gov.uk']);
    expect(csp.directives['script-src']).toEqual(["'self'"]);
  });

  it('allows only the configured origins, without credentials', () => {
    expect(corsOptions(['https://ledger.example.gov.uk'])).toMatchObject({ origin: ['https://ledger.example.gov.uk'], credentials: false });
  });
});
