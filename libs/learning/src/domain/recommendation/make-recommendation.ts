import { IllegalTransition } from '@ledger/event-sourcing';
import type { MakeRecommendation } from './recommendation.commands';
import {
  AddresseeRequired,
  DuplicateReference,
  RecommendationNumberRequired,
  RecommendationTextRequired,
  ScopeUnknown,
} from './recommendation.errors';
import type { RecommendationMade } from './recommendation.events';
import type { RecommendationState } from './recommendation.state';
import { isScope } from './recommendation.values';

function distinct(field: string, ids: readonly string[]): readonly string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new DuplicateReference(field, id);
    seen.add(id);
  }
  return ids;
}

export function makeRecommendation(command: MakeRecommendation, state: RecommendationState): RecommendationMade[] {
  if (state.status !== 'initial') throw new IllegalTransition('recommendation', state.status, command.type);
  const { recommendationId, partnershipId, sourceId, scope } = command.data;
  const text = command.data.text.trim();
  if (text === '') throw new RecommendationTextRequired();
  const number = command.data.number.trim();
  if (number === '') throw new RecommendationNumberRequired();
  if (command.data.addresseeAgencyIds.length === 0) throw new AddresseeRequired();
  if (!isScope(scope)) throw new ScopeUnknown(scope);
  const findingIds = distinct('findingIds', command.data.findingIds);
  const addresseeAgencyIds = distinct('addresseeAgencyIds', command.data.addresseeAgencyIds);
  return [
    {
      type: 'RecommendationMade',
      data: { recommendationId, partnershipId, sourceId, findingIds, number, text, addresseeAgencyIds, scope },
    },
  ];
}
