import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { screenCommandBody } from '@ledger/people';

/**
 * Screens the free-text fields of every command for likely personal data about children (NHS
 * numbers, dates of birth, addresses). The command still runs; a successful answer carries
 * `warnings: [{ field, kind, message }]`. Nothing extra is recorded in the log (ADR 0013).
 */
@Injectable()
export class ScreeningInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    if (request.method !== 'POST') return next.handle();
    const warnings = screenCommandBody(request.body);
    if (warnings.length === 0) return next.handle();
    return next
      .handle()
      .pipe(map((body: unknown) => (body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, warnings } : body)));
  }
}
