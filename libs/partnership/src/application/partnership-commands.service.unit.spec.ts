import { CommandExecutor, ImmediateProjectionProgress, InMemoryEventStore, NotFound, type CommandContext } from '@ledger/event-sourcing';
import { AgencyNameTaken } from '../domain/partnership.errors';
import { PartnershipCommands } from './partnership-commands.service';

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  partnershipId: '00000000-0000-4000-8000-000000000000',
  actor: { userId: 'user-platform-admin', role: 'platform-admin' },
  now: new Date('2025-03-10T09:00:00Z'),
  correlationId: 'correlation-1',
  ...overrides,
});

describe('PartnershipCommands', () => {
  let store: InMemoryEventStore;
  let commands: PartnershipCommands;

  beforeEach(() => {
    store = new InMemoryEventStore({ clock: () => new Date('2025-03-10T09:00:01Z') });
    commands = new PartnershipCommands(new CommandExecutor(store, new ImmediateProjectionProgress()));
  });

  const register = () =>
    commands.register(context(), { name: 'Northshire Safeguarding Children Partnership', localAuthorities: ['Northshire County Council'] });

  it('registers a partnership in its own stream, as its own tenant', async () => {
    const outcome = await register();

    const [event, ...rest] = await store.readStream(`partnership-${outcome.id}`);
    expect(rest).toEqual([]);
    expect(outcome).toMatchObject({ version: 1n, position: event!.position });
    expect(event).toMatchObject({
      type: 'PartnershipRegistered',
      data: {
        partnershipId: outcome.id,
        name: 'Northshire Safeguarding Children Partnership',
        localAuthorities: ['Northshire County Council'],
      },
      metadata: { partnershipId: outcome.id, occurredAt: '2025-03-10T09:00:00.000Z', actor: { userId: 'user-platform-admin' } },
    });
  });

  it('registers once for a retried request with the same Idempotency-Key', async () => {
    const retried = context({ idempotencyKey: 'key-1', requestHash: 'hash-1' });
    const body = { name: 'Northshire Safeguarding Children Partnership', localAuthorities: ['Northshire County Council'] };

    const first = await commands.register(retried, body);
    const second = await commands.register(retried, body);

    expect(second).toEqual(first);
    expect((await store.readAll()).events).toHaveLength(1);
  });

  it('adds agencies and answers with the new agency id', async () => {
    const { id: partnershipId } = await register();

    const council = await commands.addAgency(context({ partnershipId }), { name: 'Northshire County Council', kind: 'local-authority' });
    const police = await commands.addAgency(context({ partnershipId }), { name: 'Northshire Constabulary', kind: 'police' });

    expect(police.version).toBe(3n);
    const events = await store.readStream(`partnership-${partnershipId}`);
    expect(events.slice(1).map((event) => event.data)).toEqual([
      { partnershipId, agencyId: council.id, name: 'Northshire County Council', kind: 'local-authority' },
      { partnershipId, agencyId: police.id, name: 'Northshire Constabulary', kind: 'police' },
    ]);
  });

  it('answers a retried add with the agency the first try created, and adds it once', async () => {
    const { id: partnershipId } = await register();
    const retried = context({ partnershipId, idempotencyKey: 'key-2', requestHash: 'hash-2' });

    const first = await commands.addAgency(retried, { name: 'Northshire ICB', kind: 'health' });
    const second = await commands.addAgency(retried, { name: 'Northshire ICB', kind: 'health' });

    expect(second.id).toBe(first.id);
    expect(await store.readStream(`partnership-${partnershipId}`)).toHaveLength(2);
  });

  it('refuses an agency name already taken', async () => {
    const { id: partnershipId } = await register();
    await commands.addAgency(context({ partnershipId }), { name: 'Northshire Constabulary', kind: 'police' });

    await expect(
      commands.addAgency(context({ partnershipId }), { name: 'northshire constabulary', kind: 'police' }),
    ).rejects.toBeInstanceOf(AgencyNameTaken);
  });

  it('establishes a subgroup and publishes themes', async () => {
    const { id: partnershipId } = await register();

    const subgroup = await commands.establishSubgroup(context({ partnershipId }), { name: 'Learning and Improvement' });
    const themes = await commands.publishThemes(context({ partnershipId }), { themes: ['neglect', 'information sharing'] });

    expect(themes).toMatchObject({ id: partnershipId, version: 3n });
    const events = await store.readStream(`partnership-${partnershipId}`);
    expect(events.map((event) => event.type)).toEqual(['PartnershipRegistered', 'SubgroupEstablished', 'ThemeListPublished']);
    expect(events[1]!.data).toEqual({ partnershipId, subgroupId: subgroup.id, name: 'Learning and Improvement' });
  });

  it('answers NotFound for a partnership that does not exist', async () => {
    await expect(commands.publishThemes(context(), { themes: ['neglect'] })).rejects.toBeInstanceOf(NotFound);
  });
});
