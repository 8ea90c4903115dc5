import type { EventStore, ReadAllOptions, ReadAllPage } from '../core/event-store.port';

interface InFlight {
  readonly key: string;
  readonly epoch: number;
  readonly page: Promise<ReadAllPage>;
}

/**
 * The event store as the engine's daemons see it: daemons at the same checkpoint that ask for the
 * same page share one `readAll` query instead of sending one each, and daemons that look for
 * held-back events together share one `head` query. A new event wakes every daemon at once, and
 * those that route nothing of it sit at the same checkpoint, so they ask together.
 *
 * A read may only be shared when it cannot miss an event its caller knows of. Callers learn of
 * new events by a wake-up (`newEvents`, called before the daemons are nudged) or by `head()`, so
 * each bumps an epoch (a head once it answers), and a caller joins an in-flight query only if it
 * was sent in the current epoch, that is after everything the caller could know to be committed.
 * Otherwise it sends its own. Everything else goes straight to the store.
 */
export function sharedLogReads(store: EventStore): { readonly store: EventStore; newEvents(): void } {
  let epoch = 0;
  let inFlight: InFlight[] = [];
  let headInFlight: { readonly epoch: number; readonly head: Promise<string | null> } | null = null;
  const shared: EventStore = {
    get start() {
      return store.start;
    },
    appendToStream: (streamId, expected, events) => store.appendToStream(streamId, expected, events),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readCommand: (causationId) => store.readCommand(causationId),
    subscribe: (onWake) => store.subscribe(onWake),
    covers: (checkpoint, position) => store.covers(checkpoint, position),
    readAll(options: ReadAllOptions = {}): Promise<ReadAllPage> {
      const key = `${options.after ?? ''}|${options.limit ?? ''}`;
      const joinable = inFlight.find((read) => read.key === key && read.epoch === epoch);
      if (joinable) return joinable.page.then(copyOf);
      const read: InFlight = { key, epoch, page: store.readAll(options) };
      inFlight.push(read);
      const done = () => (inFlight = inFlight.filter((other) => other !== read));
      read.page.then(done, done);
      return read.page.then(copyOf);
    },
    head(): Promise<string | null> {
      if (headInFlight?.epoch === epoch) return headInFlight.head;
      const asked = { epoch, head: store.head() };
      headInFlight = asked;
      const done = () => {
        if (headInFlight === asked) headInFlight = null;
        epoch++;
      };
      asked.head.then(done, done);
      return asked.head.then((head) => head);
    },
  };
  return {
    store: shared,
    newEvents: () => {
      epoch++;
    },
  };
}

/** Each caller gets its own page (the events themselves are shared, and never changed). */
function copyOf(page: ReadAllPage): ReadAllPage {
  return { events: [...page.events], checkpoint: page.checkpoint };
}
