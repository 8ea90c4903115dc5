import { IllegalTransition, NotFound, type Decider } from '@ledger/event-sourcing';
import type { GrantInspectorAccess, InspectorGrantCommand, RevokeInspectorAccess } from './inspector-grant.commands';
import {
  GrantReasonRequired,
  GrantWindowEmpty,
  GrantWindowOver,
  GrantWindowTooLong,
  InspectorRequired,
  MAX_GRANT_DAYS,
} from './inspector-grant.errors';
import type { InspectorAccessGranted, InspectorAccessRevoked, InspectorGrantEvent } from './inspector-grant.events';
import type { InspectorGrantState } from './inspector-grant.state';

export function inspectorGrantStreamId(grantId: string): string {
  return `inspectorgrant-${grantId}`;
}

const DAY_MS = 24 * 3600 * 1000;

function grant(command: GrantInspectorAccess, state: InspectorGrantState): readonly InspectorAccessGranted[] {
  if (state.status !== 'none') throw new IllegalTransition('inspector grant', state.status, 'GrantInspectorAccess');
  const { grantId, partnershipId, from, until } = command.data;
  const inspectorId = command.data.inspectorId.trim();
  const reason = command.data.reason.trim();
  if (inspectorId === '') throw new InspectorRequired();
  if (reason === '') throw new GrantReasonRequired();
  if (until.getTime() <= from.getTime()) throw new GrantWindowEmpty();
  if (until.getTime() <= command.metadata.now.getTime()) throw new GrantWindowOver();
  if (until.getTime() - from.getTime() > MAX_GRANT_DAYS * DAY_MS) throw new GrantWindowTooLong();
  return [
    {
      type: 'InspectorAccessGranted',
      data: { grantId, partnershipId, inspectorId, from: from.toISOString(), until: until.toISOString(), reason },
    },
  ];
}

function revoke(command: RevokeInspectorAccess, state: InspectorGrantState): readonly InspectorAccessRevoked[] {
  if (state.status === 'none') throw new NotFound('inspector grant', command.data.grantId);
  if (state.status === 'revoked') throw new IllegalTransition('inspector grant', 'revoked', 'RevokeInspectorAccess');
  const reason = command.data.reason.trim();
  if (reason === '') throw new GrantReasonRequired();
  const { grantId, partnershipId, inspectorId } = state;
  return [{ type: 'InspectorAccessRevoked', data: { grantId, partnershipId, inspectorId, reason } }];
}

function evolve(state: InspectorGrantState, event: InspectorGrantEvent): InspectorGrantState {
  switch (event.type) {
    case 'InspectorAccessGranted': {
      const { grantId, partnershipId, inspectorId, from, until } = event.data;
      return { status: 'granted', grantId, partnershipId, inspectorId, from, until };
    }
    case 'InspectorAccessRevoked':
      return state.status === 'granted' ? { ...state, status: 'revoked' } : state;
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

function decide(command: InspectorGrantCommand, state: InspectorGrantState): readonly InspectorGrantEvent[] {
  switch (command.type) {
    case 'GrantInspectorAccess':
      return grant(command, state);
    case 'RevokeInspectorAccess':
      return revoke(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unknown inspector grant command ${(unhandled as InspectorGrantCommand).type}`);
    }
  }
}

/**
 * An inspector's time-boxed access to one partnership (stream `inspectorgrant-<id>`: one word, as the stream id is split at its first hyphen): granted
 * once, revoked at most once; the window itself ends on its own at `until`.
 */
export const inspectorGrantDecider: Decider<InspectorGrantCommand, InspectorGrantEvent, InspectorGrantState> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide,
};
