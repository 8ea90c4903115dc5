import { IllegalTransition, InvalidInput } from '@ledger/event-sourcing';
import type { ProposeAction } from '../action.commands';
import type { ActionProposed } from '../action.events';
import type { ActionState } from '../action.state';
import { calendarDate, optionalText, requiredText } from './action-guards';

/** Creates the action. Only on an empty stream; a second proposal on the same id is a 409. */
export function proposeAction(command: ProposeAction, state: ActionState): readonly ActionProposed[] {
  if (state.status !== 'initial') throw new IllegalTransition('action', state.status, command.type);
  const { data } = command;
  const recommendationIds = [...new Set(data.recommendationIds)];
  if (recommendationIds.length === 0) throw new InvalidInput('recommendationIds', 'must name at least one recommendation');
  return [
    {
      type: 'ActionProposed',
      data: {
        actionId: data.actionId,
        partnershipId: data.partnershipId,
        recommendationIds,
        description: requiredText('description', data.description),
        leadAgencyId: requiredText('leadAgencyId', data.leadAgencyId),
        owner: optionalText(data.owner),
        targetDate: calendarDate('targetDate', data.targetDate),
        successMeasure: requiredText('successMeasure', data.successMeasure),
      },
    },
  ];
}
