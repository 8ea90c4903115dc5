import { IllegalTransition } from '@ledger/event-sourcing';
import type { RecordSource } from './source.commands';
import { SourceKindUnknown, SourceTitleRequired } from './source.errors';
import type { SourceRecorded } from './source.events';
import type { SourceState } from './source.state';
import { isSourceKind } from './source.values';

export function recordSource(command: RecordSource, state: SourceState): SourceRecorded[] {
  if (state.status !== 'initial') throw new IllegalTransition('source', state.status, command.type);
  const { sourceId, partnershipId, kind } = command.data;
  if (!isSourceKind(kind)) throw new SourceKindUnknown(kind);
  const title = command.data.title.trim();
  if (title === '') throw new SourceTitleRequired();
  const reference = command.data.reference?.trim() || null;
  return [{ type: 'SourceRecorded', data: { sourceId, partnershipId, kind, title, reference } }];
}
