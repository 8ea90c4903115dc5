import { AgencyAccountabilityFold, MalformedEvent, accountabilityChangeOf, parseCloudEvent, type ConsumedEvent } from '@ledger/messaging';

const event = (name: string, data: Record<string, unknown>, id = name): ConsumedEvent => ({
  id,
  type: `uk.learning-ledger.${name}.v1`,
  subject: 's',
  data,
});
const envelope = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    specversion: '1.0',
    id: 'e1',
    type: 'uk.learning-ledger.ActionAgreed.v1',
    source: '/partnerships/p',
    subject: 'action-a',
    time: '2025-03-10T09:00:00.000Z',
    data: { actionId: 'a', status: 'agreed' },
    ...overrides,
  });

describe('reading the topic', () => {
  it('accepts a ledger CloudEvent', () => {
    expect(parseCloudEvent(Buffer.from(envelope()))).toEqual({
      id: 'e1',
      type: 'uk.learning-ledger.ActionAgreed.v1',
      subject: 'action-a',
      data: { actionId: 'a', status: 'agreed' },
    });
  });

  it.each([
    ['not JSON', '{'],
    ['not an object', '[1]'],
    ['another spec version', envelope({ specversion: '0.3' })],
    ['no id', envelope({ id: '' })],
    ['a foreign type', envelope({ type: 'com.example.Thing' })],
    ['no time', envelope({ time: 'yesterday' })],
  ])('refuses %s', (_what, value) => {
    expect(() => parseCloudEvent(value)).toThrow(MalformedEvent);
  });

  it('refuses data off its contract', () => {
    expect(() => accountabilityChangeOf(event('ActionAgreed', { actionId: 'a', status: 'finished' }))).toThrow(MalformedEvent);
    expect(() =>
      accountabilityChangeOf(event('ActionProposed', { actionId: 'a', partnershipId: 'p', leadAgencyId: 'g', targetDate: '30/06/2025' })),
    ).toThrow(MalformedEvent);
  });

  it('ignores what the model does not read, including versions it does not know', () => {
    expect(accountabilityChangeOf(event('FindingRecorded', { sourceId: 's' }))).toBeNull();
    expect(
      accountabilityChangeOf({ ...event('ActionAgreed', { actionId: 'a', status: 'agreed' }), type: 'uk.learning-ledger.ActionAgreed.v2' }),
    ).toBeNull();
  });
});

describe('the agency accountability model', () => {
  const fold = new AgencyAccountabilityFold();
  const apply = (e: ConsumedEvent) => fold.apply(accountabilityChangeOf(e)!);
  apply(event('ActionProposed', { actionId: 'a1', partnershipId: 'p', leadAgencyId: 'police', targetDate: '2025-01-31' }));
  apply(event('ActionProposed', { actionId: 'a2', partnershipId: 'p', leadAgencyId: 'police', targetDate: '2025-01-31' }));
  apply(event('TargetDateRevised', { actionId: 'a2', newTargetDate: '2025-12-31' }));
  apply(event('ActionProposed', { actionId: 'a3', partnershipId: 'p', leadAgencyId: 'health', targetDate: '2025-01-31' }));
  apply(event('CompletionVerified', { actionId: 'a3', status: 'completion-verified' }));
  apply(event('ActionProposed', { actionId: 'a4', partnershipId: 'p', leadAgencyId: 'health', targetDate: '2025-01-31' }));
  apply(event('ActionSuperseded', { actionId: 'a4', status: 'superseded' }));
  apply(event('ChallengeRaised', { challengeId: 'c1', partnershipId: 'p', toAgencyId: 'police' }));
  apply(event('ChallengeRaised', { challengeId: 'c2', partnershipId: 'p', toAgencyId: 'police' }));
  apply(event('ChallengeResolved', { challengeId: 'c2', status: 'resolved' }));
  apply(event('ChallengeRaised', { challengeId: 'c3', partnershipId: 'other', toAgencyId: 'police' }));

  it('counts actions by lead agency and status, and challenges received, per partnership', () => {
    expect(fold.rows('p', '2025-06-01')).toEqual([
      {
        partnershipId: 'p',
        agencyId: 'health',
        openActions: 0,
        overdueActions: 0,
        completedActions: 1,
        closedActions: 0,
        withdrawnActions: 1,
        challengesReceived: 0,
        openChallenges: 0,
      },
      {
        partnershipId: 'p',
        agencyId: 'police',
        openActions: 2,
        overdueActions: 1,
        completedActions: 0,
        closedActions: 0,
        withdrawnActions: 0,
        challengesReceived: 2,
        openChallenges: 1,
      },
    ]);
  });

  it('derives overdue from the day asked about', () => {
    expect(fold.rows('p', '2025-01-31').find((row) => row.agencyId === 'police')?.overdueActions).toBe(0);
  });
});
