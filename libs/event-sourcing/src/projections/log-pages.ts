import type { RecordedEvent } from '../core/event';
import type { EventStore } from '../core/event-store.port';

export interface LogPage {
  readonly events: readonly RecordedEvent[];
  /** Where the next page starts. */
  readonly checkpoint: string;
}

/** How long to look again when committed events are still hidden by an older open transaction. */
const HELD_BACK_WAIT_MS = 20;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The log in pages of `limit` after `after`, up to the head as it was when reading began (and
 * whatever else is readable by then). The next page is read while the caller works on this one;
 * memory holds two pages at most.
 */
export async function* pagesToHead(store: EventStore, after: string, limit: number): AsyncGenerator<LogPage> {
  const head = await store.head();
  const read = (from: string): Promise<LogPage> => {
    const pending = store.readAll({ after: from, limit });
    pending.catch(() => undefined); // awaited below; a caller that stops early must not leave it unhandled
    return pending;
  };
  let checkpoint = after;
  let next = read(after);
  for (;;) {
    const page = await next;
    const finished = (head === null || store.covers(page.checkpoint, head)) && page.events.length < limit;
    if (page.events.length > 0) {
      checkpoint = page.checkpoint;
      if (!finished) next = read(checkpoint);
      yield page;
    }
    if (finished) return;
    if (page.events.length === 0) {
      // Committed up to the head, but an older transaction elsewhere still hides events: wait for it.
      await pause(HELD_BACK_WAIT_MS);
      next = read(checkpoint);
    }
  }
}

/**
 * The events after `after` up to and including the checkpoint `until`, in pages: exactly the
 * events a reader that stopped at `until` has read beyond `after`. The last page ends at `until`.
 */
export async function* pagesUntil(store: EventStore, after: string, until: string, limit: number): AsyncGenerator<LogPage> {
  let checkpoint = after;
  while (!store.covers(checkpoint, until)) {
    const page = await store.readAll({ after: checkpoint, limit });
    if (page.events.length === 0) {
      // Everything up to a committed checkpoint is readable; only a slow xmin can delay it.
      await pause(HELD_BACK_WAIT_MS);
      continue;
    }
    const events = page.events.filter((event) => store.covers(until, event.position));
    const done = events.length < page.events.length;
    checkpoint = done ? until : page.checkpoint;
    yield { events, checkpoint };
  }
}
