import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import type { CloseSource } from './source.commands';
import type { SourceClosed } from './source.events';
import type { SourceState } from './source.state';

export function closeSource(command: CloseSource, state: SourceState): SourceClosed[] {
  if (state.status === 'initial') throw new NotFound('source', command.data.sourceId);
  if (state.status === 'closed') throw new IllegalTransition('source', state.status, command.type);
  return [{ type: 'SourceClosed', data: { sourceId: state.sourceId } }];
}
