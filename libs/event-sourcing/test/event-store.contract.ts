import { EventIdReused, WrongExpectedVersion, type EventStore } from '@ledger/event-sourcing';
import { commandEvents, idsOf, newEvent, newStreamId, rejectionOf } from './event-store.fixtures';
import { eventStoreReadContract } from './event-store-read.contract';

/**
 * The one contract every EventStore adapter passes (STYLE: "one contract suite for the event
 * store"). `makeStore` runs before each test; tests use fresh stream ids, so a store may be shared.
 */
export function eventStoreContract(name: string, makeStore: () => EventStore | Promise<EventStore>): void {
  describe(`${name} event store contract`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    const getStore = (): EventStore => store;

    describe('appending to a new stream', () => {
      it('numbers events from 1 and reads them back as appended', async () => {
        const stream = newStreamId();
        const events = [
          newEvent('ActionProposed', { actionId: 'a1', title: 'Audit' }),
          { ...newEvent('ActionAgreed', { actionId: 'a1' }), schemaVersion: 2 },
        ];
        const result = await store.appendToStream(stream, 'no-stream', events);
        const read = await store.readStream(stream);
        expect(result.nextExpectedVersion).toBe(2n);
        expect(read.map((e) => [e.type, e.data, e.metadata, e.schemaVersion, e.streamId, e.streamVersion])).toEqual([
          ['ActionProposed', { actionId: 'a1', title: 'Audit' }, events[0]!.metadata, 1, stream, 1n],
          ['ActionAgreed', { actionId: 'a1' }, events[1]!.metadata, 2, stream, 2n],
        ]);
        expect(read[1]!.globalPosition).toBeGreaterThan(read[0]!.globalPosition);
        expect(read[0]!.recordedAt).toBeInstanceOf(Date);
        expect(result.position).toBe(read[1]!.position);
      });

      it.each([['no-stream' as const], [0n], ['any' as const]])('accepts %p as the expected version', async (expected) => {
        const result = await store.appendToStream(newStreamId(), expected, [newEvent('Started')]);
        expect(result.nextExpectedVersion).toBe(1n);
      });

      it('refuses any other exact version and writes nothing', async () => {
        const stream = newStreamId();
        const error = await rejectionOf(store.appendToStream(stream, 3n, [newEvent('Started')]));
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect(error).toMatchObject({ streamId: stream, expected: '3', actual: null });
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('appending to an existing stream', () => {
      let stream: string;
      beforeEach(async () => {
        stream = newStreamId();
        await store.appendToStream(stream, 'no-stream', [newEvent('Started'), newEvent('Moved')]);
      });

      it('accepts the current version', async () => {
        const result = await store.appendToStream(stream, 2n, [newEvent('Moved')]);
        expect(result.nextExpectedVersion).toBe(3n);
      });

      it.each([[1n], [3n], [0n], ['no-stream' as const]])('refuses %p with the actual version and writes nothing', async (expected) => {
        const error = await rejectionOf(store.appendToStream(stream, expected, [newEvent('Moved')]));
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect(error).toMatchObject({ streamId: stream, actual: 2n });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it("appends with 'any'", async () => {
        const result = await store.appendToStream(stream, 'any', [newEvent('Moved'), newEvent('Moved')]);
        expect(result.nextExpectedVersion).toBe(4n);
        expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1n, 2n, 3n, 4n]);
      });

      it('answers an empty append with where the stream is, writing nothing', async () => {
        const last = (await store.readStream(stream))[1]!;
        expect(await store.appendToStream(stream, 2n, [])).toEqual({ nextExpectedVersion: 2n, position: last.position });
        await expect(store.appendToStream(stream, 1n, [])).rejects.toBeInstanceOf(WrongExpectedVersion);
      });
    });

    describe('idempotency by event id', () => {
      it('answers a retry with the original result and writes nothing, even with a stale expected version', async () => {
        const stream = newStreamId();
        const first = commandEvents(2);
        const original = await store.appendToStream(stream, 'no-stream', first);
        const later = await store.appendToStream(stream, 2n, [newEvent('Moved')]);
        const head = (await store.readAll({ after: later.position })).checkpoint;

        expect(await store.appendToStream(stream, 'no-stream', first)).toEqual(original);
        expect(await store.appendToStream(stream, 'any', first)).toEqual(original);
        expect(await store.readStream(stream)).toHaveLength(3);
        expect((await store.readAll({ after: head })).events).toEqual([]);
      });

      it('refuses ids already stored in another stream', async () => {
        const events = commandEvents(2);
        await store.appendToStream(newStreamId(), 'no-stream', events);
        const other = newStreamId();
        await expect(store.appendToStream(other, 'no-stream', events)).rejects.toBeInstanceOf(EventIdReused);
        expect(await store.readStream(other)).toEqual([]);
      });

      it('refuses a batch in which only some ids are stored', async () => {
        const stream = newStreamId();
        const [stored] = commandEvents(1);
        await store.appendToStream(stream, 'no-stream', [stored!]);
        await expect(store.appendToStream(stream, 1n, [stored!, newEvent('Moved')])).rejects.toBeInstanceOf(EventIdReused);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('concurrent appends to one stream', () => {
      it('lets exactly one writer win a new stream', async () => {
        const stream = newStreamId();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.appendToStream(stream, 'no-stream', [newEvent('Started')])),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersion);
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('gives every version to exactly one writer', async () => {
        const stream = newStreamId();
        await store.appendToStream(stream, 'no-stream', [newEvent('Started')]);
        const writer = async (writerNo: number): Promise<string[]> => {
          const mine: string[] = [];
          while (mine.length < 5) {
            const version = (await store.readStream(stream)).at(-1)!.streamVersion;
            const event = newEvent('Moved', { writerNo });
            try {
              await store.appendToStream(stream, version, [event]);
              mine.push(event.metadata.eventId);
            } catch (error) {
              if (!(error instanceof WrongExpectedVersion)) throw error;
            }
          }
          return mine;
        };
        const written = (await Promise.all(Array.from({ length: 6 }, (_, n) => writer(n)))).flat();
        const read = await store.readStream(stream);
        expect(read.map((e) => e.streamVersion)).toEqual(Array.from({ length: 31 }, (_, i) => BigInt(i + 1)));
        expect(idsOf(read.slice(1)).sort()).toEqual([...written].sort());
      });
    });

    describe('subscribe', () => {
      it('wakes the subscriber after an append', async () => {
        let wake = (): void => undefined;
        const woken = new Promise<void>((resolve) => (wake = resolve));
        const unsubscribe = await store.subscribe(() => wake());
        await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
        await expect(woken).resolves.toBeUndefined();
        await unsubscribe();
      });
    });

    eventStoreReadContract(getStore);
  });
}
