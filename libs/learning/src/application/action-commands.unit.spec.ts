import { randomUUID } from 'node:crypto';
import {
  CommandExecutor,
  IllegalTransition,
  InMemoryEventStore,
  InvalidInput,
  NotFound,
  UnknownReference,
  type CommandContext,
  type RecordedEvent,
} from '@ledger/event-sourcing';
import { stateAfter } from '@ledger/testing';
import { actionDecider } from '../domain/action/action.decider';
import { ForumRequired, ReasonRequired, SuccessorRequired } from '../domain/action/action.errors';
import { upcastActionEvent } from '../domain/action/schemas/action-event.upcast';
import { ActionCommands, type ProposeActionBody } from './action-commands';
import type { AgencyDirectory, AgencySummary } from './ports';

const PARTNERSHIP = '00000000-0000-4000-8000-0000000000b1';
const OTHER_PARTNERSHIP = '00000000-0000-4000-8000-0000000000b2';
const AGENCY = '00000000-0000-4000-8000-0000000000d1';
const RECOMMENDATION = '00000000-0000-4000-8000-0000000000c1';
const FOREIGN_RECOMMENDATION = '00000000-0000-4000-8000-0000000000c2';

class FixedAgencies implements AgencyDirectory {
  async agencies(partnershipId: string): Promise<ReadonlyMap<string, AgencySummary>> {
    return new Map(partnershipId === PARTNERSHIP ? [[AGENCY, { name: 'Synthetic Police Force', kind: 'police' }]] : []);
  }
}

function context(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    partnershipId: PARTNERSHIP,
    actor: { userId: 'user-0001', role: 'partnership-admin' },
    now: new Date('2025-03-01T10:00:00.000Z'),
    correlationId: '00000000-0000-4000-8000-0000000000f1',
    ...overrides,
  };
}

const body: ProposeActionBody = {
  recommendationIds: [RECOMMENDATION],
  description: 'Refresh multi-agency training on professional curiosity',
  leadAgencyId: AGENCY,
  owner: 'person-ref-0001',
  targetDate: '2025-06-30',
  successMeasure: 'Repeat audit shows improvement',
};

describe('ActionCommands', () => {
  let store: InMemoryEventStore;
  let commands: ActionCommands;

  const streamOf = (actionId: string): Promise<readonly RecordedEvent[]> => store.readStream(`action-${actionId}`);
  const statusOf = async (actionId: string): Promise<string> =>
    stateAfter(actionDecider, (await streamOf(actionId)).map(upcastActionEvent)).status;
  /** Another aggregate's first event, as its own commands would have written it. */
  const seed = (streamId: string, type: string, partnershipId: string) =>
    store.appendToStream(streamId, 'no-stream', [
      {
        type,
        data: {},
        metadata: {
          eventId: randomUUID(),
          partnershipId,
          actor: { userId: 'user-0002', role: 'partnership-admin' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: '2025-01-01T00:00:00.000Z',
        },
      },
    ]);

  beforeEach(async () => {
    store = new InMemoryEventStore({ clock: () => new Date('2025-03-01T10:00:01.000Z') });
    commands = new ActionCommands(new CommandExecutor(store, { waitFor: async () => undefined }), store, new FixedAgencies());
    await seed(`recommendation-${RECOMMENDATION}`, 'RecommendationMade', PARTNERSHIP);
    await seed(`recommendation-${FOREIGN_RECOMMENDATION}`, 'RecommendationMade', OTHER_PARTNERSHIP);
  });

  async function proposed(): Promise<string> {
    return (await commands.propose(context(), body)).id;
  }

  describe('propose', () => {
    it('creates action-<new id> with the partnership from the context', async () => {
      const outcome = await commands.propose(context(), body);
      expect(outcome).toMatchObject({ version: 1n, position: expect.any(String) });
      const [event] = await streamOf(outcome.id);
      expect(event).toMatchObject({
        type: 'ActionProposed',
        data: { actionId: outcome.id, partnershipId: PARTNERSHIP, recommendationIds: [RECOMMENDATION], owner: 'person-ref-0001' },
        metadata: { partnershipId: PARTNERSHIP, occurredAt: '2025-03-01T10:00:00.000Z' },
      });
    });

    it('refuses an unknown lead agency (422 unknown-reference on leadAgencyId)', async () => {
      await expect(commands.propose(context(), { ...body, leadAgencyId: 'nope' })).rejects.toMatchObject({
        constructor: UnknownReference,
        errors: [{ field: 'leadAgencyId', message: expect.any(String) }],
      });
    });

    it.each([
      ['of another partnership', FOREIGN_RECOMMENDATION],
      ['that does not exist', '00000000-0000-4000-8000-0000000000c9'],
    ])('refuses a recommendation %s', async (_, recommendationId) => {
      await expect(commands.propose(context(), { ...body, recommendationIds: [RECOMMENDATION, recommendationId] })).rejects.toMatchObject({
        constructor: UnknownReference,
        errors: [{ field: 'recommendationIds', message: expect.any(String) }],
      });
    });

    it('refuses an unreal target date in the decider (400)', async () => {
      await expect(commands.propose(context(), { ...body, targetDate: '2025-02-30' })).rejects.toBeInstanceOf(InvalidInput);
    });
  });

  describe('lifecycle', () => {
    it('walks proposed → closed → reopened, with forum and reason from the context', async () => {
      const id = await proposed();
      await commands.agree(context({ forum: 'Executive, 2025-03-05' }), id);
      await commands.start(context(), id);
      await commands.recordProgress(context(), id, { narrative: 'Sessions booked', rag: 'green' });
      await commands.attachEvidence(context(), id, { title: 'Repeat audit', kind: 'audit-result', describesImpact: true });
      await commands.claimCompletion(context(), id);
      await commands.verifyCompletion(context({ forum: 'L&I subgroup, 2025-04-10' }), id);
      await commands.assureImpact(context({ forum: 'QA subgroup' }), id, { method: 'repeat audit' });
      await commands.close(context(), id);
      const outcome = await commands.reopen(context({ reason: 'Change did not last' }), id);

      expect(outcome).toMatchObject({ id, version: 10n });
      expect(await statusOf(id)).toBe('in-progress');
      const events = await streamOf(id);
      expect(events.map((event) => event.type)).toEqual([
        'ActionProposed',
        'ActionAgreed',
        'ActionStarted',
        'ProgressUpdated',
        'EvidenceAttached',
        'CompletionClaimed',
        'CompletionVerified',
        'ImpactAssured',
        'ActionClosed',
        'ActionReopened',
      ]);
      expect(events[3]?.data).toMatchObject({ updateId: expect.stringMatching(/^[0-9a-f-]{36}$/), rag: 'green' });
      expect(events[4]?.data).toMatchObject({ evidenceId: expect.stringMatching(/^[0-9a-f-]{36}$/), describesImpact: true });
      expect(events[6]?.metadata.forum).toBe('L&I subgroup, 2025-04-10');
      expect(events[7]).toMatchObject({ data: { method: 'repeat audit' }, metadata: { forum: 'QA subgroup' } });
      expect(events[9]?.data).toMatchObject({ reason: 'Change did not last' });
    });

    it('pauses, resumes, returns a claim and records impact not demonstrated', async () => {
      const id = await proposed();
      await commands.agree(context(), id);
      await commands.start(context(), id);
      await commands.pause(context(), id);
      expect(await statusOf(id)).toBe('paused');
      await commands.resume(context(), id);
      await commands.attachEvidence(context(), id, { title: 'Policy', kind: 'policy', describesImpact: false });
      await commands.claimCompletion(context(), id);
      await commands.returnCompletion(context({ reason: 'Not all agencies covered' }), id);
      expect(await statusOf(id)).toBe('in-progress');
      await commands.claimCompletion(context(), id);
      await commands.verifyCompletion(context({ forum: 'L&I subgroup' }), id);
      await commands.recordImpactNotDemonstrated(context({ reason: 'No change in repeat audit' }), id);
      expect(await statusOf(id)).toBe('in-progress');
    });

    it('needs a forum to verify completion (422)', async () => {
      const id = await proposed();
      await commands.agree(context(), id);
      await commands.start(context(), id);
      await commands.attachEvidence(context(), id, { title: 'Policy', kind: 'policy', describesImpact: false });
      await commands.claimCompletion(context(), id);
      await expect(commands.verifyCompletion(context(), id)).rejects.toBeInstanceOf(ForumRequired);
    });

    it('revises the target date with the reason from the context', async () => {
      const id = await proposed();
      await commands.reviseTargetDate(context({ reason: 'Trainer availability' }), id, { newTargetDate: '2025-09-30' });
      const events = await streamOf(id);
      expect(events[1]?.data).toEqual({
        actionId: id,
        previousTargetDate: '2025-06-30',
        newTargetDate: '2025-09-30',
        originalTargetDate: '2025-06-30',
        reason: 'Trainer availability',
      });
    });

    it('cancels with a reason and refuses without one', async () => {
      const id = await proposed();
      await expect(commands.cancel(context(), id)).rejects.toBeInstanceOf(ReasonRequired);
      await commands.cancel(context({ reason: 'Duplicate of another action' }), id);
      expect(await statusOf(id)).toBe('cancelled');
      await expect(commands.start(context(), id)).rejects.toBeInstanceOf(IllegalTransition);
    });
  });

  describe('supersede', () => {
    it('names a successor of the same partnership', async () => {
      const id = await proposed();
      const successor = await proposed();
      await commands.supersede(context({ reason: 'Merged' }), id, { successorActionId: successor });
      expect((await streamOf(id))[1]?.data).toEqual({ actionId: id, successorActionId: successor, reason: 'Merged' });
    });

    it('refuses an unknown successor or one from another partnership (422 unknown-reference)', async () => {
      const id = await proposed();
      await seed('action-foreign', 'ActionProposed', OTHER_PARTNERSHIP);
      for (const successorActionId of ['missing', 'foreign']) {
        await expect(commands.supersede(context({ reason: 'Merged' }), id, { successorActionId })).rejects.toMatchObject({
          constructor: UnknownReference,
          errors: [{ field: 'successorActionId', message: expect.any(String) }],
        });
      }
    });

    it('refuses itself as successor (422 successor-required)', async () => {
      const id = await proposed();
      await expect(commands.supersede(context({ reason: 'Merged' }), id, { successorActionId: id })).rejects.toBeInstanceOf(
        SuccessorRequired,
      );
    });
  });

  describe('tenancy', () => {
    it('answers 404 for an unknown action', async () => {
      await expect(commands.agree(context(), '00000000-0000-4000-8000-0000000000a9')).rejects.toBeInstanceOf(NotFound);
    });

    it("answers 404 for another partnership's action", async () => {
      const id = await proposed();
      await expect(commands.agree(context({ partnershipId: OTHER_PARTNERSHIP }), id)).rejects.toBeInstanceOf(NotFound);
    });
  });
});
