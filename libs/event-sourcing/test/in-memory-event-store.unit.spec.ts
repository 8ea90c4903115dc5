import { InMemoryEventStore } from '@ledger/event-sourcing';
import { eventStoreContract } from './event-store.contract';
import { newEvent, newStreamId } from './event-store.fixtures';

/** A record clock that moves on by a millisecond per append. */
function tickingClock(): () => Date {
  let now = Date.parse('2025-11-20T10:00:00.000Z');
  return () => new Date((now += 1));
}

eventStoreContract('in-memory', () => new InMemoryEventStore({ clock: tickingClock() }));

describe('in-memory event store', () => {
  it('wakes subscribers synchronously, and no longer after they unsubscribe', async () => {
    const store = new InMemoryEventStore();
    let wakes = 0;
    const unsubscribe = await store.subscribe(() => wakes++);
    const append = store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
    expect(wakes).toBe(1);
    await append;
    await unsubscribe();
    await store.appendToStream(newStreamId(), 'no-stream', [newEvent('Started')]);
    expect(wakes).toBe(1);
  });

  it('hands back stored copies, as the database would', async () => {
    const store = new InMemoryEventStore();
    const stream = newStreamId();
    const data = { actionId: 'a1', tags: ['x'] };
    await store.appendToStream(stream, 'no-stream', [newEvent('ActionProposed', data)]);
    data.tags.push('changed later');
    expect((await store.readStream(stream))[0]!.data).toEqual({ actionId: 'a1', tags: ['x'] });
  });
});
