import type { AssureImpact, ClaimCompletion, RecordImpactNotDemonstrated, ReturnCompletion, VerifyCompletion } from '../action.commands';
import { CompletionNeedsEvidence, ForumRequired, ImpactNeedsEvidence } from '../action.errors';
import type { CompletionClaimed, CompletionReturned, CompletionVerified, ImpactAssured, ImpactNotDemonstrated } from '../action.events';
import type { ActionState } from '../action.state';
import { inStatus, isBlank, optionalText, requiredReason } from './action-guards';

/** InProgress → CompletionClaimed; needs at least one piece of evidence. */
export function claimCompletion(command: ClaimCompletion, state: ActionState): readonly CompletionClaimed[] {
  const action = inStatus(state, command, ['in-progress']);
  if (action.evidenceIds.length === 0) throw new CompletionNeedsEvidence(action.actionId);
  return [{ type: 'CompletionClaimed', data: { actionId: action.actionId } }];
}

/** CompletionClaimed → CompletionVerified; needs the verifying forum (stored in metadata). */
export function verifyCompletion(command: VerifyCompletion, state: ActionState): readonly CompletionVerified[] {
  const { actionId } = inStatus(state, command, ['completion-claimed']);
  if (isBlank(command.data.forum)) throw new ForumRequired(actionId);
  return [{ type: 'CompletionVerified', data: { actionId } }];
}

/** CompletionClaimed → InProgress, with the reason the claim was sent back. */
export function returnCompletion(command: ReturnCompletion, state: ActionState): readonly CompletionReturned[] {
  const { actionId } = inStatus(state, command, ['completion-claimed']);
  return [{ type: 'CompletionReturned', data: { actionId, reason: requiredReason(command.data.reason, command) } }];
}

/** CompletionVerified → ImpactAssured; needs at least one piece of evidence that describes impact. */
export function assureImpact(command: AssureImpact, state: ActionState): readonly ImpactAssured[] {
  const action = inStatus(state, command, ['completion-verified']);
  if (action.impactEvidenceCount === 0) throw new ImpactNeedsEvidence(action.actionId);
  return [{ type: 'ImpactAssured', data: { actionId: action.actionId, method: optionalText(command.data.method) } }];
}

/** CompletionVerified → InProgress: the change did not show in practice; say why. */
export function recordImpactNotDemonstrated(command: RecordImpactNotDemonstrated, state: ActionState): readonly ImpactNotDemonstrated[] {
  const { actionId } = inStatus(state, command, ['completion-verified']);
  return [{ type: 'ImpactNotDemonstrated', data: { actionId, reason: requiredReason(command.data.reason, command) } }];
}
