import { foldProjection, type AnyDocumentProjection, type DocumentProjection } from '@ledger/event-sourcing';
import { actionsProjection, recommendationsProjection, sourcesProjection } from '@ledger/learning';
import { challengesProjection } from '@ledger/challenge';
import { partnershipsProjection } from '@ledger/partnership';
import { DocumentFolds } from '../../apps/api/src/time-travel/document-folds';
import { foldDocuments } from '../../apps/api/src/time-travel/fold-documents';
import { cutOf, withinCut, type LoggedEvent } from '../../apps/api/src/time-travel/logged-event';
import { partnershipHistory } from './partnership-story';

/** A generated history as the store would give it back: commit order, positions, versions and both times. */
function recorded(seed: string, index: number, budget: number): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  for (const append of partnershipHistory(seed, index, budget).appends) {
    append.events.forEach((event, offset) => {
      const position = events.length + 1;
      events.push({
        ...event,
        schemaVersion: 1,
        streamId: append.streamId,
        streamVersion: BigInt(append.expectedVersion + offset + 1),
        globalPosition: BigInt(position),
        position: `${position}:${position}`,
        recordedAt: new Date(append.recordAt),
        recordedMicros: append.recordAt * 1000,
        occurredMicros: Date.parse(event.metadata.occurredAt) * 1000,
      });
    });
  }
  return events;
}

describe('national histories', () => {
  const events = recorded('unit-seed', 3, 3000);

  it('are the same for the same seed and differ for another', () => {
    const again = recorded('unit-seed', 3, 3000);
    expect(again.map((event) => event.metadata.eventId)).toEqual(events.map((event) => event.metadata.eventId));
    expect(recorded('other-seed', 3, 3000)[0]!.metadata.eventId).not.toBe(events[0]!.metadata.eventId);
  });

  it('keep each stream in version order, with back-dated events that say why', () => {
    const versions = new Map<string, bigint>();
    for (const event of events) {
      expect(event.streamVersion).toBe((versions.get(event.streamId) ?? 0n) + 1n);
      versions.set(event.streamId, event.streamVersion);
    }
    const backdated = events.filter((event) => event.metadata.backdatedReason !== undefined);
    expect(backdated.length).toBeGreaterThan(events.length * 0.05);
    expect(new Set(events.map((event) => event.type)).size).toBeGreaterThan(25);
  });

  it('fold through foldDocuments exactly as through the engine’s foldProjection, for every read model', () => {
    const projections: readonly AnyDocumentProjection[] = [
      partnershipsProjection,
      sourcesProjection,
      recommendationsProjection,
      actionsProjection,
      challengesProjection,
    ];
    for (const any of projections) {
      const projection = any as unknown as DocumentProjection<unknown>;
      const expected = foldProjection<unknown>(projection, events);
      const { docs } = foldDocuments<unknown>(projection, events);
      expect([...docs.keys()]).toEqual([...expected.keys()]);
      expect(JSON.stringify([...docs.values()])).toBe(JSON.stringify([...expected.values()]));
    }
  });

  it('fold any asOf/validAt cut through the kept per-document folds exactly as folding the cut’s events, tail included', () => {
    const recordedAt = (share: number) => new Date(events[Math.floor(events.length * share)]!.recordedAt.getTime());
    const cuts = [
      {},
      { asOf: recordedAt(0.5) },
      { validAt: new Date('2023-06-30T00:00:00Z') },
      { asOf: recordedAt(0.8), validAt: new Date('2024-01-15T00:00:00Z') },
      { validAt: new Date('2021-02-01T00:00:00Z') },
    ];
    const cached = events.length - 40;
    const [log, tail] = [events.slice(0, cached), events.slice(cached)];
    for (const any of [
      partnershipsProjection,
      sourcesProjection,
      recommendationsProjection,
      actionsProjection,
      challengesProjection,
    ] as const) {
      const projection = any as unknown as DocumentProjection<unknown>;
      const folds = new DocumentFolds(projection);
      for (const at of [...cuts, ...cuts.flatMap((each) => [each, each])]) {
        const cut = cutOf(at);
        const expected = foldDocuments(
          projection,
          events.filter((event) => withinCut(event, cut)),
        );
        const folded = folds.fold(log, cached, tail, cut);
        expect([...folded.docs.keys()]).toEqual([...expected.docs.keys()]);
        expect(JSON.stringify([...folded.docs.values()])).toBe(JSON.stringify([...expected.docs.values()]));
        expect([...folded.backdated]).toEqual([...expected.backdated]);
      }
    }
  });
});
