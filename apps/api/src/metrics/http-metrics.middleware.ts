import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LedgerMetrics } from './ledger-metrics';

/** Times every request; labels it with the matched route's template (`unmatched` for a 404 without one). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: LedgerMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const end = this.metrics.httpDuration.startTimer({ method: request.method });
    response.once('finish', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      end({ route: typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched', status: String(response.statusCode) });
    });
    next();
  }
}
