import { foldProjection, type RecordedEvent } from '@ledger/event-sourcing';
import { counterProjection, totalsId, type CounterIncrementedData } from './counter.projection';

const partnershipId = '4f6c2f8e-8a59-4d55-9a57-0f3f0c4a1e01';
let position = 0;

function recorded(type: string, data: object, streamId = 'counter-a'): RecordedEvent {
  position += 1;
  return {
    type,
    data,
    metadata: {
      eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
      partnershipId,
      actor: { userId: 'user-1', role: 'auditor' },
      correlationId: 'c',
      causationId: 'c',
      occurredAt: '2025-01-01T00:00:00.000Z',
    },
    schemaVersion: 1,
    streamId,
    streamVersion: BigInt(position),
    globalPosition: BigInt(position),
    position: `0:${position}`,
    recordedAt: new Date('2025-01-01T00:00:00.000Z'),
  };
}

const incremented = (counterId: string, amount: number, tag?: string): RecordedEvent =>
  recorded(
    'CounterIncremented',
    { counterId, partnershipId, amount, ...(tag ? { tag } : {}) } satisfies CounterIncrementedData,
    `counter-${counterId}`,
  );

describe('foldProjection', () => {
  describe('when given no events', () => {
    it('builds no documents', () => {
      expect(foldProjection(counterProjection(), []).size).toBe(0);
    });
  });

  describe('when given events of several streams', () => {
    it('folds each event into every document it names, in order', () => {
      const documents = foldProjection(counterProjection(), [incremented('a', 2, 'x'), incremented('b', 5), incremented('a', 3, 'y')]);
      expect(documents.get('a')).toEqual({ kind: 'counter', partnershipId, count: 2, total: 5, tags: ['x', 'y'] });
      expect(documents.get('b')).toEqual({ kind: 'counter', partnershipId, count: 1, total: 5, tags: [] });
      expect(documents.get(totalsId(partnershipId))).toEqual({ kind: 'totals', partnershipId, count: 3, total: 10, tags: ['x', 'y'] });
    });
  });

  describe('when an event type is not handled', () => {
    it('neither routes nor evolves it', () => {
      const evolved: string[] = [];
      const projection = counterProjection({ onEvolve: (event) => evolved.push(event.type) });
      const documents = foldProjection(projection, [
        incremented('a', 1),
        recorded('Noise', { counterId: 'a', partnershipId, amount: 100 }),
      ]);
      expect(evolved).toEqual(['CounterIncremented', 'CounterIncremented']);
      expect(documents.get('a')?.total).toBe(1);
    });
  });

  describe('when evolve answers null', () => {
    it('deletes the document', () => {
      const documents = foldProjection(counterProjection(), [
        incremented('a', 1),
        recorded('CounterRemoved', { counterId: 'a' }),
        incremented('b', 1),
      ]);
      expect(documents.has('a')).toBe(false);
      expect([...documents.keys()].sort()).toEqual(['b', totalsId(partnershipId)]);
    });

    it('starts a new document from null when the id comes back', () => {
      const documents = foldProjection(counterProjection(), [
        incremented('a', 1),
        recorded('CounterRemoved', { counterId: 'a' }),
        incremented('a', 7),
      ]);
      expect(documents.get('a')).toMatchObject({ count: 1, total: 7 });
    });
  });

  describe('when a document holds values that JSON does not keep', () => {
    it('hands evolve the document as the database would store it', () => {
      const seen: unknown[] = [];
      const projection = {
        ...counterProjection(),
        documentIds: () => ['a'],
        evolve: (doc: { at: unknown } | null, event: RecordedEvent) => {
          seen.push(doc?.at);
          return { at: event.recordedAt, kind: 'counter' as const };
        },
        columns: () => ({}),
        partnershipIdOf: () => partnershipId,
      };
      const documents = foldProjection(projection, [incremented('a', 1), incremented('a', 1)]);
      expect(seen).toEqual([undefined, '2025-01-01T00:00:00.000Z']);
      expect(documents.get('a')).toEqual({ at: '2025-01-01T00:00:00.000Z', kind: 'counter' });
    });
  });

  describe('when a projection names one document twice for an event', () => {
    it('evolves that document once', () => {
      const projection = { ...counterProjection(), documentIds: () => ['a', 'a'] };
      expect(foldProjection(projection, [incremented('a', 4)]).get('a')?.count).toBe(1);
    });
  });
});
