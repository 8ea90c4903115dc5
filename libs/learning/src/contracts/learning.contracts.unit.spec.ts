import type { ActionEvent } from '../domain/action/action.events';
import { evolveAction, initialActionState } from '../domain/action/action.evolve';
import * as action from '../domain/action/action.fixtures';
import { ACTION_STATUSES } from '../domain/action/action.state';
import { recommendationResponded, recommendationMade } from '../domain/recommendation/test/recommendation.fixtures';
import { findingRecorded, sourceRecorded } from '../domain/source/test/source.fixtures';
import { ACTION_CONTRACTS } from './action.contracts';
import { LEARNING_CONTRACTS, NotALearningEvent, learningContractOf } from './learning.contracts';

const stored = (event: { type: string; data: object }, schemaVersion = 1) => ({ ...event, schemaVersion });

/** Histories that between them contain every action event type. */
const histories: readonly (readonly ActionEvent[])[] = [
  ...ACTION_STATUSES.map((status) => action.historyFor(status)),
  [...action.historyFor('paused'), action.resumed(), action.progressUpdated(), action.targetDateRevised()],
  [...action.historyFor('completion-claimed'), action.completionReturned()],
  [...action.historyFor('completion-verified'), action.impactNotDemonstrated()],
  [...action.historyFor('closed'), action.reopened()],
  [...action.historyFor('closed'), action.evidenceDisposed()],
];

describe('learning contracts', () => {
  describe('action lifecycle events', () => {
    it('cover every action event type in these histories', () => {
      const seen = new Set(histories.flat().map((event) => event.type));
      expect([...seen].sort()).toEqual(Object.keys(ACTION_CONTRACTS).sort());
    });

    it('say the status the action moved to, exactly as the action evolves', () => {
      for (const history of histories) {
        let state = initialActionState();
        for (const event of history) {
          state = evolveAction(state, event);
          const { data } = learningContractOf(stored(event));
          if ('status' in data) expect({ type: event.type, status: data.status }).toEqual({ type: event.type, status: state.status });
        }
      }
    });
  });

  it('maps a proposal without its prose or owner', () => {
    expect(learningContractOf(stored(action.proposed()))).toEqual({
      type: 'ActionProposed',
      version: 1,
      data: {
        actionId: action.ACTION_ID,
        partnershipId: action.PARTNERSHIP_ID,
        recommendationIds: [action.RECOMMENDATION_ID],
        leadAgencyId: action.LEAD_AGENCY_ID,
        ownerAssigned: true,
        targetDate: action.TARGET_DATE,
        status: 'proposed',
      },
    });
    expect(learningContractOf(stored(action.proposed({ owner: null }))).data).toMatchObject({ ownerAssigned: false });
  });

  it('maps sources and findings by reference and themes, without titles or summaries', () => {
    expect(learningContractOf(stored(sourceRecorded())).data).toEqual({
      sourceId: sourceRecorded().data.sourceId,
      partnershipId: sourceRecorded().data.partnershipId,
      kind: 'rapid-review',
      reference: 'RR-2025-04',
    });
    const finding = learningContractOf(stored(findingRecorded())).data;
    expect(finding).not.toHaveProperty('summary');
    expect(finding).toMatchObject({ themes: findingRecorded().data.themes, goodPractice: false });
  });

  it('maps recommendations without their text or reasons', () => {
    expect(learningContractOf(stored(recommendationMade())).data).not.toHaveProperty('text');
    expect(learningContractOf(stored(recommendationResponded({ decision: 'not-accepted', reason: 'Covered regionally' }))).data).toEqual({
      recommendationId: recommendationMade().data.recommendationId,
      decision: 'not-accepted',
      previousDecision: null,
    });
  });

  it('has one definition per learning event type, each version 1 but EvidenceAttached (v2 added its retention)', () => {
    const versions = Object.entries(LEARNING_CONTRACTS).filter(([, definition]) => definition.version !== 1);
    expect(versions.map(([type, definition]) => [type, definition.version])).toEqual([['EvidenceAttached', 2]]);
  });

  it('publishes a stored EvidenceAttached.v1 as contract v2 with class standard', () => {
    const { retentionClass: _class, retentionFrom: _from, ...v1 } = action.evidenceAttached({ effectiveFrom: '2024-05-01' }).data;
    expect(learningContractOf({ type: 'EvidenceAttached', schemaVersion: 1, data: v1 })).toMatchObject({
      version: 2,
      data: { retentionClass: 'standard', retentionFrom: '2024-05-01' },
    });
  });

  it('refuses another context’s event', () => {
    expect(() => learningContractOf({ type: 'AgencyAdded', schemaVersion: 1, data: {} })).toThrow(NotALearningEvent);
  });

  it('refuses a stored version it cannot upcast', () => {
    expect(() => learningContractOf(stored(sourceRecorded(), 2))).toThrow(/SourceRecorded\.v2/);
  });
});
