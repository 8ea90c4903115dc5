import { GENESIS_HASH, canonicalEvent, canonicalJson, chainHash, type ChainEventRow } from '@ledger/event-sourcing';

const row: ChainEventRow = {
  transaction_id: '741',
  global_position: '12',
  stream_id: 'action-6f1c2a3b-0000-4000-8000-000000000001',
  stream_version: '3',
  event_id: '1b2c3d4e-0000-4000-8000-000000000002',
  event_type: 'ActionAgreed',
  schema_version: 1,
  data: { actionId: '6f1c2a3b-0000-4000-8000-000000000001', reasons: ['b', 'a'] },
  metadata: { partnershipId: 'p', actor: { userId: 'u', role: 'auditor' } },
  partnership_id: '0b6f1a2e-4c3d-4e5f-8a9b-1c2d3e4f5a01',
  occurred_at: '2025-11-20T09:30:00.000000Z',
  recorded_at: '2025-11-20T09:30:01.123456Z',
  correlation_id: null,
  causation_id: null,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
  });

  it('writes the same text whatever order the keys arrived in', () => {
    expect(canonicalJson({ z: null, y: true, x: 'é' })).toBe(canonicalJson({ x: 'é', y: true, z: null }));
  });

  it('leaves out undefined members', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });
});

describe('chainHash', () => {
  it('covers every column of the event', () => {
    const base = chainHash(GENESIS_HASH, row);
    const changes: Partial<ChainEventRow>[] = [
      { transaction_id: '742' },
      { global_position: '13' },
      { stream_version: '4' },
      { data: { ...(row.data as object), reasons: ['a', 'b'] } },
      { recorded_at: '2025-11-20T09:30:01.123457Z' },
      { correlation_id: '1b2c3d4e-0000-4000-8000-000000000009' },
    ];
    for (const change of changes) expect(chainHash(GENESIS_HASH, { ...row, ...change })).not.toBe(base);
  });

  it('depends on the previous link', () => {
    expect(chainHash('ff'.repeat(32), row)).not.toBe(chainHash(GENESIS_HASH, row));
  });

  it('hashes the canonical text, not the key order of the data', () => {
    const reordered = { ...row, data: { reasons: ['b', 'a'], actionId: '6f1c2a3b-0000-4000-8000-000000000001' } };
    expect(canonicalEvent(reordered)).toBe(canonicalEvent(row));
    expect(chainHash(GENESIS_HASH, reordered)).toMatch(/^[0-9a-f]{64}$/);
  });
});
