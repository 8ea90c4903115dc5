import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import type { RecordSourceMilestone } from './source.commands';
import { MilestoneAlreadyReached, MilestoneNotValidForKind } from './source.errors';
import type { SourceMilestoneReached } from './source.events';
import type { SourceState } from './source.state';
import { milestonesFor } from './source.values';

export function recordSourceMilestone(command: RecordSourceMilestone, state: SourceState): SourceMilestoneReached[] {
  if (state.status === 'initial') throw new NotFound('source', command.data.sourceId);
  if (state.status === 'closed') throw new IllegalTransition('source', state.status, command.type);
  const { milestone } = command.data;
  const allowed = milestonesFor(state.kind);
  if (!allowed.includes(milestone)) throw new MilestoneNotValidForKind(milestone, state.kind, allowed);
  if (state.milestones.includes(milestone)) throw new MilestoneAlreadyReached(milestone);
  return [{ type: 'SourceMilestoneReached', data: { sourceId: state.sourceId, milestone } }];
}
