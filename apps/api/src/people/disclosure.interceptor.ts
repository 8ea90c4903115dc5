import { Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { DisclosureService } from './disclosure.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every read of a partnership (GET /partnerships/{pid}/…) passes through here on its way out
 * (ADR 0013): people are decrypted or shown as erased, redacted text becomes `[redacted]`. Doing it
 * at this one edge means no JSON view — live, as-of, history, timeline, lineage, changes — can
 * forget to. Text files sent through `@Res()` (the CSV export) are caught at `response.send`.
 * Binary files (XLSX, PDF) cannot be rewritten here: their builders call DisclosureService.
 */
@Injectable()
export class DisclosureInterceptor implements NestInterceptor {
  constructor(private readonly disclosure: DisclosureService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const pid = request.params?.['pid'];
    if (request.method !== 'GET' || typeof pid !== 'string' || !UUID.test(pid)) return next.handle();
    this.discloseTextFiles(context.switchToHttp().getResponse<Response>(), pid.toLowerCase());
    return next.handle().pipe(mergeMap((body: unknown) => from(this.disclose(pid.toLowerCase(), body))));
  }

  /** A handler that writes a CSV itself (`@Res()`) still sends it through here. */
  private discloseTextFiles(response: Response, partnershipId: string): void {
    const send = response.send.bind(response);
    response.send = ((body?: unknown) => {
      const csv = /^text\/csv\b/i.test(String(response.getHeader('content-type') ?? ''));
      if (!csv || !(typeof body === 'string' || Buffer.isBuffer(body))) return send(body);
      const text = typeof body === 'string' ? body : body.toString('utf8');
      this.disclosure.discloseText(partnershipId, text).then(
        (disclosed) => send(Buffer.from(disclosed, 'utf8')),
        () => response.status(500).end(),
      );
      return response;
    }) as Response['send'];
  }

  private async disclose(partnershipId: string, body: unknown): Promise<unknown> {
    if (typeof body === 'string') return this.disclosure.discloseText(partnershipId, body);
    if (body === null || typeof body !== 'object' || isFile(body)) return body;
    // What Nest would send is the JSON of the body: disclose exactly that (class instances, dates).
    return this.disclosure.disclose(partnershipId, isPlainJson(body) ? body : (JSON.parse(JSON.stringify(body)) as unknown));
  }
}

/** Buffers, streams and StreamableFiles are sent as bytes, not JSON. */
function isFile(body: object): boolean {
  return Buffer.isBuffer(body) || body instanceof StreamableFile || typeof (body as { pipe?: unknown }).pipe === 'function';
}

function isPlainJson(body: object): boolean {
  if (Array.isArray(body)) return true;
  const prototype = Object.getPrototypeOf(body) as object | null;
  return prototype === Object.prototype || prototype === null;
}
