import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { BACKDATING_THRESHOLD_MS, InvalidInput, type CommandContext } from '@ledger/event-sourcing';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { parseInstant } from './instant';
import { WRITER_ROLES } from '@ledger/identity';

/** Business time may run ahead of the server clock by this much (clock skew), no more. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Builds the CommandContext from the request: the principal, business time, reason and forum
 * from the (already validated) body, Idempotency-Key and If-Match headers.
 */
export function commandContextFrom(request: AuthenticatedRequest, now: Date = new Date()): CommandContext {
  const principal = request.principal;
  if (!principal) throw new Error('commandContextFrom needs an authenticated request');
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
  const pid = request.params['pid'];
  const partnershipId = typeof pid === 'string' ? pid : '';

  // Checked here as well as in the DTO: this runs first, and must name the field at fault.
  const occurredAt = body['occurredAt'] === undefined ? undefined : parseInstant(body['occurredAt']);
  if (occurredAt === null) throw new InvalidInput('occurredAt', 'must be an ISO-8601 instant with a zone');
  const reason = typeof body['reason'] === 'string' ? body['reason'] : undefined;
  if (occurredAt) {
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new InvalidInput('occurredAt', 'must not be in the future');
    if (occurredAt.getTime() < now.getTime() - BACKDATING_THRESHOLD_MS && !reason) {
      throw new InvalidInput('reason', 'is required when occurredAt is back-dated');
    }
  }

  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
    throw new InvalidInput('Idempotency-Key', 'must be 1 to 200 characters');
  }
  const correlationHeader = header(request, 'x-correlation-id');
  const role = principal.roles.find((r) => WRITER_ROLES.includes(r)) ?? principal.roles[0] ?? 'unknown';

  return {
    partnershipId,
    actor: { userId: principal.userId, role, ...(principal.agencyId ? { agencyId: principal.agencyId } : {}) },
    now,
    ...(occurredAt ? { occurredAt } : {}),
    ...(reason ? { reason } : {}),
    ...(typeof body['forum'] === 'string' ? { forum: body['forum'] } : {}),
    correlationId: correlationHeader && UUID.test(correlationHeader) ? correlationHeader : randomUUID(),
    ...(idempotencyKey ? { idempotencyKey, requestHash: requestHash(request) } : {}),
    ...ifMatchOf(request),
  };
}

function ifMatchOf(request: AuthenticatedRequest): { ifMatch?: bigint } {
  const value = header(request, 'if-match');
  if (value === undefined) return {};
  const match = /^(?:W\/)?"?(\d{1,18})"?$/.exec(value.trim());
  if (!match) throw new InvalidInput('If-Match', 'must be a version in quotes, e.g. "3"');
  return { ifMatch: BigInt(match[1]!) };
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The same method, path and body give the same hash; a reused key with another request is refused. */
function requestHash(request: AuthenticatedRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl.split('?')[0]}\n${canonicalJson(request.body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `@Ctx()` in a command handler: the CommandContext of this request. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) =>
  commandContextFrom(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
