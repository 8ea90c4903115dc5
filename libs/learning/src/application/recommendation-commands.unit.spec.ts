import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  NotFound,
  UnknownReference,
  type CommandContext,
  type LedgerError,
} from '@ledger/event-sourcing';
import { ResponseReasonRequired } from '../domain/recommendation/recommendation.errors';
import type { AgencyDirectory, AgencySummary } from './ports';
import { RecommendationCommands, type MakeRecommendationBody, type RecommendationNumbering } from './recommendation-commands';
import { SourceCommands } from './source-commands';

const PARTNERSHIP_ID = '0b9a3e55-5c1f-4c6e-9a39-6f1c2d1e0a01';
const OTHER_PARTNERSHIP_ID = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a10';
const POLICE_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c06';
const HEALTH_ID = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d07';

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  partnershipId: PARTNERSHIP_ID,
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
  now: new Date('2025-06-02T09:00:00Z'),
  correlationId: 'correlation-1',
  ...overrides,
});

const agencies: AgencyDirectory = {
  agencies: async (partnershipId) =>
    new Map<string, AgencySummary>(
      partnershipId === PARTNERSHIP_ID
        ? [
            [POLICE_ID, { name: 'Police (synthetic)', kind: 'police' }],
            [HEALTH_ID, { name: 'ICB (synthetic)', kind: 'health' }],
          ]
        : [],
    ),
};

const fieldOf = (error: unknown) => (error as LedgerError).errors[0]?.field;

describe('RecommendationCommands', () => {
  let store: InMemoryEventStore;
  let sources: SourceCommands;
  let recommendations: RecommendationCommands;
  let numbering: jest.Mocked<RecommendationNumbering>;
  let sourceId: string;
  let findingId: string;
  let body: MakeRecommendationBody;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    const executor = new CommandExecutor(store, new ImmediateProjectionProgress());
    numbering = { nextNumber: jest.fn().mockResolvedValue('3') };
    sources = new SourceCommands(executor);
    recommendations = new RecommendationCommands(executor, store, agencies, numbering);
    sourceId = (await sources.record(context(), { kind: 'lcspr', title: 'LCSPR LR-2025-02' })).id;
    findingId = (
      await sources.recordFinding(context(), sourceId, { summary: 'Neglect was not recognised early.', themes: ['neglect'], enablers: [] })
    ).id;
    body = {
      sourceId,
      findingIds: [findingId],
      text: 'Adopt a shared neglect screening tool.',
      addresseeAgencyIds: [POLICE_ID, HEALTH_ID],
      scope: 'local',
    };
  });

  describe('make', () => {
    it('makes a recommendation numbered next for its source when no number is given', async () => {
      const outcome = await recommendations.make(context(), body);

      expect(outcome).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1n });
      expect(numbering.nextNumber).toHaveBeenCalledWith(PARTNERSHIP_ID, sourceId);
      const [event] = await store.readStream(`recommendation-${outcome.id}`);
      expect(event?.type).toBe('RecommendationMade');
      expect(event?.data).toEqual({
        recommendationId: outcome.id,
        partnershipId: PARTNERSHIP_ID,
        sourceId,
        findingIds: [findingId],
        number: '3',
        text: body.text,
        addresseeAgencyIds: [POLICE_ID, HEALTH_ID],
        scope: 'local',
      });
    });

    it('keeps a number it is given', async () => {
      const outcome = await recommendations.make(context(), { ...body, number: '2b' });

      expect(numbering.nextNumber).not.toHaveBeenCalled();
      expect((await store.readStream(`recommendation-${outcome.id}`))[0]?.data).toMatchObject({ number: '2b' });
    });

    it('makes one from a closed source with no finding named', async () => {
      await sources.close(context(), sourceId);
      const outcome = await recommendations.make(context(), { ...body, findingIds: undefined });

      expect((await store.readStream(`recommendation-${outcome.id}`))[0]?.data).toMatchObject({ findingIds: [] });
    });

    it('refuses an unknown source', async () => {
      const error = await recommendations
        .make(context(), { ...body, sourceId: 'c0ffee00-0000-4000-8000-000000000000' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownReference);
      expect(fieldOf(error)).toBe('sourceId');
    });

    it('refuses another partnership’s source', async () => {
      const error = await recommendations.make(context({ partnershipId: OTHER_PARTNERSHIP_ID }), body).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownReference);
      expect(fieldOf(error)).toBe('sourceId');
    });

    it('refuses a finding that is not the source’s', async () => {
      const other = (await sources.record(context(), { kind: 'learning-review', title: 'Learning review LR-2025-09' })).id;
      const foreign = (
        await sources.recordFinding(context(), other, { summary: 'Transitions were poorly planned.', themes: [], enablers: [] })
      ).id;

      const error = await recommendations.make(context(), { ...body, findingIds: [findingId, foreign] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownReference);
      expect(fieldOf(error)).toBe('findingIds');
      expect((error as Error).message).toContain(foreign);
    });

    it('refuses an addressee that is not an agency of the partnership', async () => {
      const error = await recommendations
        .make(context(), { ...body, addresseeAgencyIds: [POLICE_ID, 'd0d0d0d0-0000-4000-8000-000000000000'] })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnknownReference);
      expect(fieldOf(error)).toBe('addresseeAgencyIds');
    });
  });

  describe('respond', () => {
    it('records a response and then a revision naming the decision it replaces', async () => {
      const { id } = await recommendations.make(context(), body);
      await recommendations.respond(context(), id, { decision: 'partially-accepted', reason: 'Health element is regional.' });
      const outcome = await recommendations.respond(context(), id, { decision: 'accepted' });

      expect(outcome).toMatchObject({ id, version: 3n });
      const events = await store.readStream(`recommendation-${id}`);
      expect(events.map((event) => event.data)).toContainEqual({
        recommendationId: id,
        decision: 'accepted',
        reason: null,
        previousDecision: 'partially-accepted',
      });
    });

    it('refuses not-accepted without a reason', async () => {
      const { id } = await recommendations.make(context(), body);
      await expect(recommendations.respond(context(), id, { decision: 'not-accepted' })).rejects.toBeInstanceOf(ResponseReasonRequired);
    });

    it('answers not found for an unknown recommendation or another partnership’s', async () => {
      const { id } = await recommendations.make(context(), body);
      await expect(
        recommendations.respond(context(), 'c0ffee00-0000-4000-8000-000000000000', { decision: 'accepted' }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(
        recommendations.respond(context({ partnershipId: OTHER_PARTNERSHIP_ID }), id, { decision: 'accepted' }),
      ).rejects.toBeInstanceOf(NotFound);
    });
  });
});
