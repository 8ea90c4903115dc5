import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import { deciderSpecification, stateAfter } from '@ledger/testing';
import { inspectorGrantDecider, inspectorGrantStreamId } from './inspector-grant.decider';
import { GrantReasonRequired, GrantWindowEmpty, GrantWindowOver, GrantWindowTooLong, InspectorRequired } from './inspector-grant.errors';
import { accessGranted, accessRevoked, GRANT_ID, grantInspectorAccess, revokeInspectorAccess } from './inspector-grant.fixtures';

const spec = deciderSpecification(inspectorGrantDecider);
const fieldIs = (field: string, code: string) => (error: Error) => expect(error).toMatchObject({ code, errors: [{ field }] });

describe('InspectorGrant', () => {
  it('lives on its own stream', () => {
    expect(inspectorGrantStreamId(GRANT_ID)).toBe(`inspectorgrant-${GRANT_ID}`);
  });

  describe('when there is no grant', () => {
    it('grants access for the window, trimming the inspector id and reason', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ inspectorId: ' inspector-0001@example.gov.uk ', reason: ' JTAI fieldwork, March 2026 ' }))
        .then([accessGranted()]);
    });

    it('grants a window that has already begun (from before now)', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ from: new Date('2026-02-20T00:00:00Z') }))
        .then([accessGranted({ from: '2026-02-20T00:00:00.000Z' })]);
    });

    it('refuses a blank inspector id', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ inspectorId: '  ' }))
        .thenThrows(InspectorRequired, fieldIs('inspectorId', 'inspector-required'));
    });

    it('refuses a blank reason', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ reason: '' }))
        .thenThrows(GrantReasonRequired, fieldIs('reason', 'reason-required'));
    });

    it('refuses a window that ends before it starts', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ until: new Date('2026-03-02T08:00:00Z') }))
        .thenThrows(GrantWindowEmpty, fieldIs('until', 'grant-window-empty'));
    });

    it('refuses a window that is already over', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ from: new Date('2026-02-01T00:00:00Z'), until: new Date('2026-03-01T00:00:00Z') }))
        .thenThrows(GrantWindowOver, fieldIs('until', 'grant-window-over'));
    });

    it('refuses a window longer than 92 days', () => {
      spec
        .given([])
        .when(grantInspectorAccess({ until: new Date('2026-06-02T08:00:01Z') }))
        .thenThrows(GrantWindowTooLong, fieldIs('until', 'grant-window-too-long'));
    });

    it('refuses to revoke a grant that does not exist', () => {
      spec
        .given([])
        .when(revokeInspectorAccess())
        .thenThrows(NotFound, (error) => expect(error).toMatchObject({ what: 'inspector grant', id: GRANT_ID }));
    });
  });

  describe('when granted', () => {
    it('revokes the grant, naming the inspector', () => {
      spec.given([accessGranted()]).when(revokeInspectorAccess()).then([accessRevoked()]);
    });

    it('refuses a revocation without a reason', () => {
      spec
        .given([accessGranted()])
        .when(revokeInspectorAccess({ reason: ' ' }))
        .thenThrows(GrantReasonRequired);
    });

    it('refuses to grant again on the same stream', () => {
      spec.given([accessGranted()]).when(grantInspectorAccess()).thenThrows(IllegalTransition);
    });
  });

  describe('when revoked', () => {
    it('refuses to revoke again', () => {
      spec
        .given([accessGranted(), accessRevoked()])
        .when(revokeInspectorAccess())
        .thenThrows(IllegalTransition, (error) => expect(error).toHaveProperty('code', 'illegal-transition'));
    });

    it('keeps the window it had', () => {
      expect(stateAfter(inspectorGrantDecider, [accessGranted(), accessRevoked()])).toMatchObject({
        status: 'revoked',
        from: '2026-03-02T08:00:00.000Z',
        until: '2026-03-20T18:00:00.000Z',
      });
    });
  });
});
