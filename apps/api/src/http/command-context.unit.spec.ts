import { InvalidInput } from '@ledger/event-sourcing';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { commandContextFrom } from './command-context';

const now = new Date('2026-03-01T12:00:00Z');

function requestWith(body: object, headers: Record<string, string> = {}): AuthenticatedRequest {
  return {
    body,
    headers,
    params: { pid: 'p-1' },
    method: 'POST',
    originalUrl: '/api/v1/partnerships/p-1/actions/a-1/agree',
    principal: { userId: 'u-1', name: 'U', roles: ['auditor', 'board-member'], partnerships: ['p-1'], agencyId: 'ag-1' },
  } as unknown as AuthenticatedRequest;
}

function refusal(body: object, headers: Record<string, string> = {}): InvalidInput {
  try {
    commandContextFrom(requestWith(body, headers), now);
  } catch (error) {
    if (error instanceof InvalidInput) return error;
  }
  throw new Error('expected the request to be refused');
}

describe('commandContextFrom', () => {
  it('takes the actor from the token, acting in a role that may write', () => {
    const context = commandContextFrom(requestWith({}), now);
    expect(context).toMatchObject({ partnershipId: 'p-1', actor: { userId: 'u-1', role: 'board-member', agencyId: 'ag-1' }, now });
    expect(context.occurredAt).toBeUndefined();
  });

  it('accepts business time in the recent past without a reason', () => {
    expect(commandContextFrom(requestWith({ occurredAt: '2026-03-01T11:58:00Z' }), now).occurredAt).toEqual(
      new Date('2026-03-01T11:58:00Z'),
    );
  });

  it('requires a reason to back-date', () => {
    expect(refusal({ occurredAt: '2025-03-01T12:00:00Z' }).errors).toEqual([
      { field: 'reason', message: 'is required when occurredAt is back-dated' },
    ]);
    expect(commandContextFrom(requestWith({ occurredAt: '2025-03-01T12:00:00Z', reason: 'Loaded from the 2025 plan' }), now).reason).toBe(
      'Loaded from the 2025 plan',
    );
  });

  it('refuses business time in the future and instants that are not dates', () => {
    expect(refusal({ occurredAt: '2026-03-02T12:00:00Z' }).errors[0]?.field).toBe('occurredAt');
    expect(refusal({ occurredAt: '2026-02-30T12:00:00Z' }).errors[0]?.field).toBe('occurredAt');
  });

  it('reads If-Match as a version and refuses anything else', () => {
    expect(commandContextFrom(requestWith({}, { 'if-match': '"7"' }), now).ifMatch).toBe(7n);
    expect(refusal({}, { 'if-match': 'seven' }).errors[0]?.field).toBe('If-Match');
  });

  it('hashes the request with its Idempotency-Key, ignoring key order in the body', () => {
    const a = commandContextFrom(requestWith({ a: 1, b: [1, 2] }, { 'idempotency-key': 'k' }), now);
    const b = commandContextFrom(requestWith({ b: [1, 2], a: 1 }, { 'idempotency-key': 'k' }), now);
    const c = commandContextFrom(requestWith({ a: 2, b: [1, 2] }, { 'idempotency-key': 'k' }), now);
    expect(a.requestHash).toBe(b.requestHash);
    expect(a.requestHash).not.toBe(c.requestHash);
  });
});
