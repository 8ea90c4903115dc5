import { stateAfter } from '@ledger/testing';
import { actionDecider } from './action.decider';
import type { ActionEvent } from './action.events';
import * as f from './action.fixtures';

const after = (events: readonly ActionEvent[]) => stateAfter(actionDecider, events);

describe('Action evolve', () => {
  it.each([
    ['resumed', [...f.historyFor('paused'), f.resumed()]],
    ['completion returned', [...f.historyFor('completion-claimed'), f.completionReturned()]],
    ['impact not demonstrated', [...f.historyFor('completion-verified'), f.impactNotDemonstrated()]],
    ['reopened', [...f.historyFor('closed'), f.reopened()]],
  ])('is in progress again after %s', (_, events) => {
    expect(after(events).status).toBe('in-progress');
  });

  it('keeps the original target date and moves the current one', () => {
    expect(after([f.proposed(), f.targetDateRevised()])).toMatchObject({ originalTargetDate: f.TARGET_DATE, targetDate: '2025-09-30' });
  });

  it('counts evidence and impact evidence separately', () => {
    expect(after(f.historyFor('in-progress'))).toMatchObject({
      evidenceIds: [f.EVIDENCE_ID, f.IMPACT_EVIDENCE_ID],
      impactEvidenceCount: 1,
    });
  });

  it('remembers why it was cancelled and who succeeded it', () => {
    expect(after(f.historyFor('cancelled'))).toMatchObject({ status: 'cancelled', reason: 'Overtaken by national guidance' });
    expect(after(f.historyFor('superseded'))).toMatchObject({ status: 'superseded', successorActionId: f.SUCCESSOR_ACTION_ID });
  });

  it('ignores events before the action is proposed', () => {
    expect(after([f.agreed()])).toEqual({ status: 'initial' });
  });

  it('never mutates the state it folds from', () => {
    const before = Object.freeze(after([f.proposed()]));
    const next = actionDecider.evolve(before, f.evidenceAttached());
    expect(before).toMatchObject({ status: 'proposed', evidenceIds: [] });
    expect(next).toMatchObject({ evidenceIds: [f.EVIDENCE_ID] });
  });
});
