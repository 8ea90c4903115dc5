import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  NotFound,
  UnknownReference,
  type CommandContext,
} from '@ledger/event-sourcing';
import { ChallengeCommands } from './challenge-commands.service';
import type { ChallengeActionDirectory, ChallengeAgencyDirectory } from './ports';

const PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
const OTHER_PARTNERSHIP_ID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a02';
const POLICE_ID = '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e02';
const ACTION_ID = '5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d01';

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  partnershipId: PARTNERSHIP_ID,
  actor: { userId: 'user-chair-1', role: 'board-member', agencyId: '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e01' },
  now: new Date('2025-03-10T09:00:00Z'),
  correlationId: 'correlation-1',
  ...overrides,
});

const agencies: ChallengeAgencyDirectory = {
  agencies: async (partnershipId) =>
    new Map(partnershipId === PARTNERSHIP_ID ? [[POLICE_ID, { name: 'Northshire Constabulary', kind: 'police' }]] : []),
};
const actions: ChallengeActionDirectory = {
  exists: async (partnershipId, actionId) => partnershipId === PARTNERSHIP_ID && actionId === ACTION_ID,
};

const body = {
  toAgencyId: POLICE_ID,
  subject: 'Attendance at strategy discussions',
  detail: 'Audit found police attendance below the agreed standard.',
  responseDueDate: '2025-04-07',
};

describe('ChallengeCommands', () => {
  let store: InMemoryEventStore;
  let commands: ChallengeCommands;

  beforeEach(() => {
    store = new InMemoryEventStore();
    commands = new ChallengeCommands(new CommandExecutor(store, new ImmediateProjectionProgress()), agencies, actions);
  });

  const typesOf = async (challengeId: string) => (await store.readStream(`challenge-${challengeId}`)).map((event) => event.type);

  it('raises a challenge to an agency of the partnership, recording who raised it', async () => {
    const outcome = await commands.raise(context(), body);

    const [event] = await store.readStream(`challenge-${outcome.id}`);
    expect(outcome.version).toBe(1n);
    expect(event).toMatchObject({
      type: 'ChallengeRaised',
      data: { challengeId: outcome.id, partnershipId: PARTNERSHIP_ID, ...body },
      metadata: { partnershipId: PARTNERSHIP_ID, actor: { role: 'board-member', agencyId: '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e01' } },
    });
  });

  it('refuses an agency the partnership does not have, writing nothing', async () => {
    const refused = commands.raise(context(), { ...body, toAgencyId: 'no-such-agency' });

    await expect(refused).rejects.toBeInstanceOf(UnknownReference);
    await expect(refused).rejects.toMatchObject({ errors: [{ field: 'toAgencyId' }] });
    expect((await store.readAll()).events).toEqual([]);
  });

  it('takes business time from the request for the due-date rule', async () => {
    const outcome = await commands.raise(context({ occurredAt: new Date('2025-01-06T10:00:00Z'), reason: 'Entered from the paper log' }), {
      ...body,
      responseDueDate: '2025-01-31',
    });

    const [event] = await store.readStream(`challenge-${outcome.id}`);
    expect(event!.metadata).toMatchObject({ occurredAt: '2025-01-06T10:00:00.000Z', backdatedReason: 'Entered from the paper log' });
  });

  it('runs the lifecycle through rejection, escalation, resolution and closure', async () => {
    const { id } = await commands.raise(context(), body);

    await commands.acknowledge(context(), id);
    await commands.respond(context(), id, { response: 'Rota revised.' });
    await commands.rejectResponse(context(), id, { reason: 'No attendance data.' });
    await commands.escalate(context(), id, { level: 'lead-partner', reason: 'Second response outstanding.' });
    await commands.respond(context(), id, { response: 'Attendance data attached.' });
    await commands.acceptResponse(context(), id);
    await commands.resolve(context(), id, { outcome: 'Attendance restored.' });
    const closed = await commands.close(context(), id);

    expect(closed).toMatchObject({ id, version: 9n });
    expect(await typesOf(id)).toEqual([
      'ChallengeRaised',
      'ChallengeAcknowledged',
      'ChallengeResponded',
      'ChallengeResponseRejected',
      'ChallengeEscalated',
      'ChallengeResponded',
      'ChallengeResponseAccepted',
      'ChallengeResolved',
      'ChallengeClosed',
    ]);
  });

  it('withdraws and links an action of the partnership', async () => {
    const { id } = await commands.raise(context(), body);

    await commands.linkAction(context(), id, { actionId: ACTION_ID });
    await commands.withdraw(context(), id, { reason: 'Covered by the joint audit.' });

    const events = await store.readStream(`challenge-${id}`);
    expect(events.map((event) => event.data)).toEqual([
      expect.anything(),
      { challengeId: id, actionId: ACTION_ID },
      { challengeId: id, reason: 'Covered by the joint audit.' },
    ]);
  });

  it('refuses to link an action the partnership does not have', async () => {
    const { id } = await commands.raise(context(), body);

    await expect(commands.linkAction(context(), id, { actionId: 'no-such-action' })).rejects.toMatchObject({
      constructor: UnknownReference,
      errors: [{ field: 'actionId' }],
    });
  });

  it("answers NotFound for another partnership's challenge", async () => {
    const { id } = await commands.raise(context(), body);

    await expect(commands.acknowledge(context({ partnershipId: OTHER_PARTNERSHIP_ID }), id)).rejects.toBeInstanceOf(NotFound);
    expect(await typesOf(id)).toEqual(['ChallengeRaised']);
  });

  it('answers NotFound for a challenge that does not exist', async () => {
    await expect(commands.close(context(), '9a7b6c5d-4e3f-4a1b-8c2d-3e4f5a6b7c99')).rejects.toBeInstanceOf(NotFound);
  });
});
