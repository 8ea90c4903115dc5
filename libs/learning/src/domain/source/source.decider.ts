import type { Decider } from '@ledger/event-sourcing';
import { closeSource } from './close-source';
import { recordFinding } from './record-finding';
import { recordSource } from './record-source';
import { recordSourceMilestone } from './record-source-milestone';
import type { SourceCommand } from './source.commands';
import type { SourceEvent } from './source.events';
import { initialSourceState, type SourceState } from './source.state';

function decide(command: SourceCommand, state: SourceState): readonly SourceEvent[] {
  switch (command.type) {
    case 'RecordSource':
      return recordSource(command, state);
    case 'RecordFinding':
      return recordFinding(command, state);
    case 'RecordSourceMilestone':
      return recordSourceMilestone(command, state);
    case 'CloseSource':
      return closeSource(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown source command ${(unknown as SourceCommand).type}`);
    }
  }
}

function evolve(state: SourceState, event: SourceEvent): SourceState {
  switch (event.type) {
    case 'SourceRecorded': {
      const { sourceId, partnershipId, kind } = event.data;
      return { status: 'open', sourceId, partnershipId, kind, findingIds: [], milestones: [] };
    }
    case 'FindingRecorded':
      return state.status === 'initial' ? state : { ...state, findingIds: [...state.findingIds, event.data.findingId] };
    case 'SourceMilestoneReached':
      return state.status === 'initial' ? state : { ...state, milestones: [...state.milestones, event.data.milestone] };
    case 'SourceClosed':
      return state.status === 'initial' ? state : { ...state, status: 'closed' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** LearningSource (stream `source-<id>`): a review, audit, inspection… and the findings it yields. */
export const sourceDecider: Decider<SourceCommand, SourceEvent, SourceState> = { initialState: initialSourceState, evolve, decide };
