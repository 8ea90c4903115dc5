import type { Command, Decider } from '../core/decider';
import type { DomainEvent } from '../core/event';
import { IllegalTransition, NotFound, PreconditionFailed } from '../core/errors';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store.adapter';
import type { CommandContext } from './command-context';
import { CommandExecutor, IdempotencyKeyReused, deterministicUuid } from './command-executor';

type CounterEvent = DomainEvent<'Opened', { id: string }> | DomainEvent<'Incremented', { id: string }>;
type CounterCommand = Command<'Open', { id: string }> | Command<'Increment', { id: string }>;

const counter: Decider<CounterCommand, CounterEvent, { open: boolean }> = {
  initialState: () => ({ open: false }),
  evolve: (_state, event) => ({ open: event.type === 'Opened' || event.type === 'Incremented' }),
  decide: (command, state) => {
    if (command.type === 'Open') {
      if (state.open) throw new IllegalTransition('counter', 'open', 'Open');
      return [{ type: 'Opened', data: { id: command.data.id } }];
    }
    return [{ type: 'Incremented', data: { id: command.data.id } }];
  },
};

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  partnershipId: 'p-1',
  actor: { userId: 'u-1', role: 'board-member' },
  now: new Date('2026-01-01T00:00:00Z'),
  correlationId: '00000000-0000-4000-8000-000000000001',
  ...overrides,
});

describe('CommandExecutor', () => {
  let store: InMemoryEventStore;
  let executor: CommandExecutor;
  const waited: string[] = [];
  const run = (type: 'Open' | 'Increment', ctx: CommandContext, creates = type === 'Open') =>
    executor.execute({
      context: ctx,
      id: 'c-1',
      streamId: 'counter-c-1',
      what: 'counter',
      decider: counter,
      creates,
      command: (metadata) => ({ type, data: { id: 'c-1' }, metadata }),
    });

  beforeEach(() => {
    store = new InMemoryEventStore();
    waited.length = 0;
    executor = new CommandExecutor(store, { waitFor: async (position) => void waited.push(position) });
  });

  it('appends with metadata, then waits for the read models to reach the position', async () => {
    const outcome = await run('Open', context());
    expect(outcome).toMatchObject({ id: 'c-1', version: 1n });
    expect(waited).toEqual([outcome.position]);
    const [event] = await store.readStream('counter-c-1');
    expect(event?.metadata).toMatchObject({ partnershipId: 'p-1', actor: { userId: 'u-1' }, occurredAt: '2026-01-01T00:00:00.000Z' });
  });

  it('answers a repeated Idempotency-Key from the first result and writes nothing', async () => {
    const keyed = context({ idempotencyKey: 'k-1', requestHash: 'h-1' });
    const first = await run('Open', keyed);
    const second = await run('Open', keyed);
    expect(second).toEqual(first);
    expect(await store.readStream('counter-c-1')).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with a different request', async () => {
    await run('Open', context({ idempotencyKey: 'k-1', requestHash: 'h-1' }));
    await expect(run('Open', context({ idempotencyKey: 'k-1', requestHash: 'h-2' }))).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it('derives event ids from the key, so racing retries collapse into one append', () => {
    expect(deterministicUuid('a')).toBe(deterministicUuid('a'));
    expect(deterministicUuid('a')).not.toBe(deterministicUuid('b'));
    expect(deterministicUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('hides another partnership’s stream as not found', async () => {
    await run('Open', context());
    await expect(run('Increment', context({ partnershipId: 'p-2' }))).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a non-creating command on a stream that does not exist', async () => {
    await expect(run('Increment', context())).rejects.toBeInstanceOf(NotFound);
  });

  it('checks If-Match against the current version', async () => {
    await run('Open', context());
    await expect(run('Increment', context({ ifMatch: 5n }))).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(run('Increment', context({ ifMatch: 1n }))).resolves.toMatchObject({ version: 2n });
  });

  it('records the back-dating reason only for back-dated business time', async () => {
    await run('Open', context({ occurredAt: new Date('2025-06-01T00:00:00Z'), reason: 'Loaded from the 2025 plan' }));
    // A minute ago is clock skew, not back-dating: the reason belongs to the command, not to its time.
    await run('Increment', context({ occurredAt: new Date('2025-12-31T23:59:00Z'), reason: 'cancel reason' }));
    await run('Increment', context({ occurredAt: new Date('2025-11-30T00:00:00Z'), reason: 'Minutes of the November board' }));
    const events = await store.readStream('counter-c-1');
    expect(events.map((e) => e.metadata.backdatedReason)).toEqual([
      'Loaded from the 2025 plan',
      undefined,
      'Minutes of the November board',
    ]);
  });
});
