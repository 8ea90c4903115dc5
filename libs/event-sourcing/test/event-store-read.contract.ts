import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@ledger/event-sourcing';
import { commandEvents, idsOf, newEvent, newStreamId } from './event-store.fixtures';

/** Pages readAll from `after` to the end; every page and the final checkpoint. */
export async function readToEnd(
  store: EventStore,
  after: string,
  limit?: number,
): Promise<{ events: RecordedEvent[]; checkpoint: string; pages: number }> {
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  for (let pages = 0; ; pages++) {
    const page = await store.readAll({ after: checkpoint, ...(limit ? { limit } : {}) });
    if (page.events.length === 0) {
      expect(page.checkpoint).toBe(checkpoint);
      return { events, checkpoint, pages };
    }
    events.push(...page.events);
    checkpoint = page.checkpoint;
  }
}

/** The reading half of the contract (see eventStoreContract). */
export function eventStoreReadContract(getStore: () => EventStore): void {
  describe('readStream', () => {
    it('answers [] for a stream that does not exist', async () => {
      expect(await getStore().readStream(newStreamId())).toEqual([]);
    });

    it('stops at toVersion', async () => {
      const store = getStore();
      const stream = newStreamId();
      await store.appendToStream(stream, 'no-stream', commandEvents(3));
      expect((await store.readStream(stream, { toVersion: 2n })).map((e) => e.streamVersion)).toEqual([1n, 2n]);
    });

    it('stops at recordedUntil, including events recorded at that instant', async () => {
      const store = getStore();
      const stream = newStreamId();
      await store.appendToStream(stream, 'no-stream', [newEvent('Started')]);
      const first = (await store.readStream(stream))[0]!;
      // Append until the record clock has moved on (each append takes time; no fixed sleep).
      let last = first;
      while (last.recordedAt.getTime() <= first.recordedAt.getTime()) {
        await store.appendToStream(stream, 'any', [newEvent('Moved')]);
        last = (await store.readStream(stream)).at(-1)!;
      }
      const asOf = await store.readStream(stream, { recordedUntil: first.recordedAt });
      expect(asOf.length).toBeGreaterThanOrEqual(1);
      expect(asOf[0]!.position).toBe(first.position);
      expect(asOf.every((e) => e.recordedAt.getTime() <= first.recordedAt.getTime())).toBe(true);
      expect(idsOf(asOf)).not.toContain(last.metadata.eventId);
      expect(await store.readStream(stream, { recordedUntil: new Date(first.recordedAt.getTime() - 1) })).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('pages through every event once, in append order, from any checkpoint', async () => {
      const store = getStore();
      const head = (await readToEnd(store, store.start)).checkpoint;
      const [a, b, c] = [newStreamId(), newStreamId('challenge'), newStreamId()];
      const appended = [commandEvents(2), commandEvents(3), commandEvents(1), commandEvents(2)];
      await store.appendToStream(a, 'no-stream', appended[0]!);
      await store.appendToStream(b, 'no-stream', appended[1]!);
      await store.appendToStream(a, 2n, appended[2]!);
      await store.appendToStream(c, 'no-stream', appended[3]!);

      const { events, checkpoint, pages } = await readToEnd(store, head, 3);
      expect(idsOf(events)).toEqual(idsOf(appended.flat()));
      expect(pages).toBe(3);
      expect(events.map((e) => `${e.streamId}@${e.streamVersion}`)).toEqual([
        `${a}@1`,
        `${a}@2`,
        `${b}@1`,
        `${b}@2`,
        `${b}@3`,
        `${a}@3`,
        `${c}@1`,
        `${c}@2`,
      ]);
      expect(checkpoint).toBe(events.at(-1)!.position);
    });

    it('orders positions so that a checkpoint covers exactly what was read', async () => {
      const store = getStore();
      const head = (await readToEnd(store, store.start)).checkpoint;
      await store.appendToStream(newStreamId(), 'no-stream', commandEvents(4));
      const first = await store.readAll({ after: head, limit: 2 });
      const rest = await store.readAll({ after: first.checkpoint });
      for (const event of first.events) expect(store.covers(first.checkpoint, event.position)).toBe(true);
      for (const event of rest.events) expect(store.covers(first.checkpoint, event.position)).toBe(false);
      expect(rest.events).toHaveLength(2);
      expect(store.covers(rest.checkpoint, first.checkpoint)).toBe(true);
    });

    it('starts before every event', async () => {
      const store = getStore();
      const result = await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
      expect(store.covers(store.start, result.position)).toBe(false);
      expect(store.covers(result.position, result.position)).toBe(true);
      expect(store.covers(store.start, store.start)).toBe(true);
      const from = await store.readAll({ after: store.start, limit: 1 });
      expect(from.events).toHaveLength(1);
      expect(await store.readAll({ limit: 1 })).toEqual(from);
    });
  });

  describe('readCommand', () => {
    it("answers one command's events across streams, in order", async () => {
      const store = getStore();
      const causationId = randomUUID();
      const [x, y] = [commandEvents(2, causationId), commandEvents(1, causationId)];
      await store.appendToStream(newStreamId(), 'no-stream', x);
      await store.appendToStream(newStreamId(), 'no-stream', commandEvents(2));
      await store.appendToStream(newStreamId(), 'no-stream', y);
      expect(idsOf(await store.readCommand(causationId))).toEqual(idsOf([...x, ...y]));
    });

    it('answers [] for a command that wrote nothing', async () => {
      expect(await getStore().readCommand(randomUUID())).toEqual([]);
    });
  });
}
