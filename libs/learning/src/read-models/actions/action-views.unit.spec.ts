import { foldProjection } from '@ledger/event-sourcing';
import * as f from '../../domain/action/action.fixtures';
import type { ActionDocument } from './action.document';
import { actionMatches, compareActions, filterActions, toActionView } from './action-views';
import { actionsProjection } from './actions.projection';
import { recordedAction } from './actions.fixtures';

const OTHER_ID = '00000000-0000-4000-8000-00000000a009';
const OTHER_AGENCY = '00000000-0000-4000-8000-00000000d009';

function action(events: Parameters<typeof recordedAction>[0], id = f.ACTION_ID): ActionDocument {
  return foldProjection(actionsProjection, recordedAction(events, id)).get(id)!;
}

const inProgress = action([f.proposed(), f.agreed(), f.started()]);
const proposedLater = action(
  [
    [
      f.proposed({ leadAgencyId: OTHER_AGENCY, recommendationIds: [f.OTHER_RECOMMENDATION_ID] }),
      { occurredAt: '2025-03-20T09:00:00.000Z' },
    ],
  ],
  OTHER_ID,
);
const july = new Date('2025-07-01T10:00:00Z');
const june = new Date('2025-06-01T10:00:00Z');

describe('actionMatches (the in-memory twin of actionConditions)', () => {
  it('passes everything without filters', () => {
    expect(actionMatches(inProgress, {}, july)).toBe(true);
  });

  it('filters by status, lead agency and recommendation', () => {
    expect(actionMatches(inProgress, { status: 'in-progress' }, july)).toBe(true);
    expect(actionMatches(inProgress, { status: 'agreed' }, july)).toBe(false);
    expect(actionMatches(inProgress, { agencyId: f.LEAD_AGENCY_ID }, july)).toBe(true);
    expect(actionMatches(inProgress, { agencyId: OTHER_AGENCY }, july)).toBe(false);
    expect(actionMatches(inProgress, { recommendationId: f.RECOMMENDATION_ID }, july)).toBe(true);
    expect(actionMatches(inProgress, { recommendationId: f.OTHER_RECOMMENDATION_ID }, july)).toBe(false);
  });

  it('judges overdue at `now`: after the target date in England only', () => {
    expect(actionMatches(inProgress, { overdue: true }, july)).toBe(true);
    expect(actionMatches(inProgress, { overdue: false }, june)).toBe(true);
    expect(actionMatches(inProgress, { overdue: true }, june)).toBe(false);
    expect(actionMatches(action([...f.historyFor('completion-verified')]), { overdue: true }, july)).toBe(false);
  });
});

describe('filterActions', () => {
  it('answers views oldest first, filtered, with timeliness derived at now', () => {
    const views = filterActions([proposedLater, inProgress], {}, july);
    expect(views.map((view) => view.id)).toEqual([f.ACTION_ID, OTHER_ID]);
    expect(views[0]).toEqual(toActionView(inProgress, july));
    expect(filterActions([proposedLater, inProgress], { agencyId: OTHER_AGENCY }, july).map((view) => view.id)).toEqual([OTHER_ID]);
  });

  it('breaks a tie on creation time by id', () => {
    const twin = { ...inProgress, id: '00000000-0000-4000-8000-00000000a000' };
    expect([inProgress, twin].sort(compareActions).map((doc) => doc.id)).toEqual([twin.id, inProgress.id]);
  });
});
