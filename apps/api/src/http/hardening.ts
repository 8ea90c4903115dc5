import { HttpException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { RequestHandler, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import type { Server } from 'node:http';
import { Observable, throwError } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import type { SecurityConfig } from '../config/security-config';
import { problem } from './problem-details';

/**
 * The API's HTTP hardening (docs/security.md, "Hardening controls"). Call once, right after
 * NestFactory.create and before any other `app.use`, so that headers, CORS and the per-address
 * limit apply to every route, Swagger UI included, and run before bodies are parsed.
 */
export function applyHardening(app: NestExpressApplication, config: SecurityConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(helmet(securityHeaders(config)));
  app.use(noStoreForApi);
  if (config.corsOrigins.length > 0) app.enableCors(corsOptions(config.corsOrigins));
  if (config.rateLimitPerIpPerMinute > 0) app.use(rateLimitByAddress(new FixedWindowRateLimiter(config.rateLimitPerIpPerMinute)));
  app.useGlobalInterceptors(
    ...(config.rateLimitPerUserPerMinute > 0
      ? [new UserRateLimitInterceptor(new FixedWindowRateLimiter(config.rateLimitPerUserPerMinute))]
      : []),
    new RequestTimeoutInterceptor(config.requestTimeoutMs),
  );
  limitSlowClients(app.getHttpServer(), config.requestTimeoutMs);
}

/** helmet's headers with a CSP under which Swagger UI (/api/docs: own scripts, inline <style>, data: images) works. */
export function securityHeaders(config: Pick<SecurityConfig, 'oidc'>): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        // A browser client signing in with the OIDC provider talks to it directly.
        'connect-src': ["'self'", ...(config.oidc ? [new URL(config.oidc.issuer).origin] : [])],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  };
}

/** API answers hold partnership records: no shared or browser cache may keep them. */
const noStoreForApi: RequestHandler = (request, response, next) => {
  if (request.path.startsWith('/api/v1')) response.setHeader('Cache-Control', 'no-store');
  next();
};

export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Correlation-Id'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After', 'Content-Disposition'],
    // Bearer tokens, never cookies: browsers need not send credentials.
    credentials: false,
    maxAge: 600,
  };
}

export interface RateVerdict {
  readonly allowed: boolean;
  /** Seconds until the key's window ends (for Retry-After). */
  readonly retryAfterSeconds: number;
}

/**
 * In-memory fixed-window counter: each key gets `limit` hits per window, the window starting at
 * the key's first hit. Expired windows are swept once a window, so memory holds only the keys
 * seen in the last window. Per process: N API instances allow N × limit.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep: number;

  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  hit(key: string): RateVerdict {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { allowed: window.count <= this.limit, retryAfterSeconds: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) };
  }

  get trackedKeys(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key);
  }
}

const tooMany = (seconds: number, per: string) =>
  problem(429, 'rate-limited', `Too many requests from this ${per}; try again in ${seconds} s (Retry-After).`);

/** Per client address, before authentication: covers token guessing and anonymous floods. Health probes are exempt. */
export function rateLimitByAddress(limiter: FixedWindowRateLimiter): RequestHandler {
  return (request, response, next) => {
    if (request.path.startsWith('/health/')) return next();
    const verdict = limiter.hit(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    if (verdict.allowed) return next();
    response
      .status(429)
      .setHeader('Retry-After', String(verdict.retryAfterSeconds))
      .type('application/problem+json')
      .send(JSON.stringify({ ...tooMany(verdict.retryAfterSeconds, 'address'), instance: request.originalUrl }));
  };
}

/** Per authenticated user (token `sub`); runs after the auth guard, so it counts only real principals. */
export class UserRateLimitInterceptor implements NestInterceptor {
  constructor(private readonly limiter: FixedWindowRateLimiter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const userId = http.getRequest<AuthenticatedRequest>().principal?.userId;
    if (userId === undefined) return next.handle();
    const verdict = this.limiter.hit(userId);
    if (verdict.allowed) return next.handle();
    http.getResponse<Response>().setHeader('Retry-After', String(verdict.retryAfterSeconds));
    return throwError(() => new HttpException(tooMany(verdict.retryAfterSeconds, 'user'), 429));
  }
}

/**
 * Abandons a handler that has not answered within the limit: 503 `request-timeout`. The work may
 * still finish (a command may be recorded), which the detail says. A response already streaming
 * is left to finish.
 */
export class RequestTimeoutInterceptor implements NestInterceptor {
  constructor(private readonly limitMs: number) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return new Observable((subscriber) => {
      const timer = setTimeout(() => {
        if (response.headersSent) return;
        subscriber.error(
          new HttpException(
            problem(
              503,
              'request-timeout',
              `The request took longer than ${this.limitMs} ms and was abandoned. A command may still have been recorded: ` +
                'repeat it with the same Idempotency-Key, or query before trying again.',
            ),
            503,
          ),
        );
      }, this.limitMs);
      const subscription = next.handle().subscribe({
        next: (value) => subscriber.next(value),
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
      return () => {
        clearTimeout(timer);
        subscription.unsubscribe();
      };
    });
  }
}

/** Slow senders (slowloris): the whole request must arrive within the limit (at least 10 s), headers within 10 s. */
function limitSlowClients(server: Server, limitMs: number): void {
  server.requestTimeout = Math.max(limitMs, 10_000);
  server.headersTimeout = Math.min(server.headersTimeout, 10_000);
}
