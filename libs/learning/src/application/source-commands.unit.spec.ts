import {
  CommandExecutor,
  IllegalTransition,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  NotFound,
  type CommandContext,
} from '@ledger/event-sourcing';
import { MilestoneNotValidForKind } from '../domain/source/source.errors';
import { SourceCommands } from './source-commands';

const PARTNERSHIP_ID = '0b9a3e55-5c1f-4c6e-9a39-6f1c2d1e0a01';
const OTHER_PARTNERSHIP_ID = '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a10';

const context = (overrides: Partial<CommandContext> = {}): CommandContext => ({
  partnershipId: PARTNERSHIP_ID,
  actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
  now: new Date('2025-05-02T09:00:00Z'),
  correlationId: 'correlation-1',
  ...overrides,
});

const finding = {
  summary: 'Escalation policy was not used when partners disagreed.',
  themes: ['Escalation'],
  enablers: ['leadership-and-challenge'],
};

describe('SourceCommands', () => {
  let store: InMemoryEventStore;
  let sources: SourceCommands;

  beforeEach(() => {
    store = new InMemoryEventStore();
    sources = new SourceCommands(new CommandExecutor(store, new ImmediateProjectionProgress()));
  });

  it('records a source under a new id in the caller’s partnership, with its business time', async () => {
    const occurredAt = new Date('2025-04-28T00:00:00Z');
    const outcome = await sources.record(context({ occurredAt, reason: 'entered after the meeting' }), {
      kind: 'multi-agency-audit',
      title: 'Thematic audit: neglect 2025',
    });

    expect(outcome).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1n, position: expect.any(String) });
    const [event] = await store.readStream(`source-${outcome.id}`);
    expect(event?.type).toBe('SourceRecorded');
    expect(event?.data).toEqual({
      sourceId: outcome.id,
      partnershipId: PARTNERSHIP_ID,
      kind: 'multi-agency-audit',
      title: 'Thematic audit: neglect 2025',
      reference: null,
    });
    expect(event?.metadata).toMatchObject({
      partnershipId: PARTNERSHIP_ID,
      occurredAt: occurredAt.toISOString(),
      backdatedReason: 'entered after the meeting',
    });
  });

  it('records a finding under a new finding id, good practice false unless said', async () => {
    const { id: sourceId } = await sources.record(context(), {
      kind: 'rapid-review',
      title: 'Rapid review RR-2025-04',
      reference: 'RR-2025-04',
    });
    const outcome = await sources.recordFinding(context(), sourceId, finding);

    expect(outcome).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), sourceId, version: 2n, position: expect.any(String) });
    const events = await store.readStream(`source-${sourceId}`);
    expect(events[1]?.data).toEqual({
      sourceId,
      findingId: outcome.id,
      summary: finding.summary,
      themes: ['escalation'],
      enablers: ['leadership-and-challenge'],
      goodPractice: false,
    });
  });

  it('answers a retried finding with the same finding id and writes it once', async () => {
    const { id: sourceId } = await sources.record(context(), { kind: 'peer-review', title: 'Peer review PR-2025-01' });
    const retry = context({ idempotencyKey: 'key-1', requestHash: 'hash-1' });
    const first = await sources.recordFinding(retry, sourceId, { ...finding, goodPractice: true });
    const second = await sources.recordFinding(retry, sourceId, { ...finding, goodPractice: true });

    expect(second).toEqual(first);
    expect(await store.readStream(`source-${sourceId}`)).toHaveLength(2);
  });

  it('records milestones of the source’s kind and refuses others', async () => {
    const { id: sourceId } = await sources.record(context(), { kind: 'inspection', title: 'JTAI 2025 (internal ref INS-07)' });
    await expect(sources.recordMilestone(context(), sourceId, { milestone: 'fieldwork-completed' })).resolves.toMatchObject({
      id: sourceId,
      version: 2n,
    });
    await expect(sources.recordMilestone(context(), sourceId, { milestone: 'panel-responded' })).rejects.toBeInstanceOf(
      MilestoneNotValidForKind,
    );
    await expect(sources.recordMilestone(context(), sourceId, { milestone: 'fieldwork-completed' })).rejects.toBeInstanceOf(
      IllegalTransition,
    );
  });

  it('closes a source, after which it takes no findings', async () => {
    const { id: sourceId } = await sources.record(context(), { kind: 'scrutiny', title: 'Scrutiny report SC-2025-02' });
    await expect(sources.close(context(), sourceId)).resolves.toMatchObject({ id: sourceId, version: 2n });
    await expect(sources.recordFinding(context(), sourceId, finding)).rejects.toBeInstanceOf(IllegalTransition);
  });

  it('answers not found for an unknown source or another partnership’s source', async () => {
    const { id: sourceId } = await sources.record(context(), { kind: 'feedback', title: 'Staff survey 2025' });
    await expect(sources.recordFinding(context(), 'c0ffee00-0000-4000-8000-000000000000', finding)).rejects.toBeInstanceOf(NotFound);
    await expect(sources.recordFinding(context({ partnershipId: OTHER_PARTNERSHIP_ID }), sourceId, finding)).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(sources.close(context({ partnershipId: OTHER_PARTNERSHIP_ID }), sourceId)).rejects.toBeInstanceOf(NotFound);
  });
});
