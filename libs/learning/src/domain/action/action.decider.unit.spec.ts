import { IllegalTransition, NotFound } from '@ledger/event-sourcing';
import { deciderSpecification } from '@ledger/testing';
import type { ActionCommand, ActionCommandType } from './action.commands';
import { actionDecider } from './action.decider';
import type { ActionEvent } from './action.events';
import { ACTION_STATUSES, OPEN_STATUSES, type ActionStatus } from './action.state';
import * as f from './action.fixtures';

/*
 * Every (status × command) pair: each allowed transition with the events it emits, and each
 * refused one with IllegalTransition (409). Domain-rule refusals (422) are in action.rules.unit.spec.ts.
 */
const spec = deciderSpecification(actionDecider);

interface Case {
  readonly command: () => ActionCommand;
  readonly emits: readonly ActionEvent[];
  readonly allowedIn: readonly ActionStatus[];
}

const open: readonly ActionStatus[] = OPEN_STATUSES;
/* DisposeEvidence (the retention job's command) is allowed in every status: retention/dispose-evidence.unit.spec.ts. */
const CASES: Record<Exclude<ActionCommandType, 'ProposeAction' | 'DisposeEvidence'>, Case> = {
  AgreeAction: { command: f.agree, emits: [f.agreed()], allowedIn: ['proposed'] },
  StartAction: { command: f.start, emits: [f.started()], allowedIn: ['agreed'] },
  PauseAction: { command: f.pause, emits: [f.paused()], allowedIn: ['in-progress'] },
  ResumeAction: { command: f.resume, emits: [f.resumed()], allowedIn: ['paused'] },
  ClaimCompletion: { command: f.claimCompletion, emits: [f.completionClaimed()], allowedIn: ['in-progress'] },
  VerifyCompletion: { command: () => f.verifyCompletion(), emits: [f.completionVerified()], allowedIn: ['completion-claimed'] },
  ReturnCompletion: { command: () => f.returnCompletion(), emits: [f.completionReturned()], allowedIn: ['completion-claimed'] },
  AssureImpact: { command: () => f.assureImpact(), emits: [f.impactAssured()], allowedIn: ['completion-verified'] },
  RecordImpactNotDemonstrated: {
    command: () => f.recordImpactNotDemonstrated(),
    emits: [f.impactNotDemonstrated()],
    allowedIn: ['completion-verified'],
  },
  CloseAction: { command: f.close, emits: [f.closed()], allowedIn: ['impact-assured'] },
  CancelAction: { command: () => f.cancel(), emits: [f.cancelled()], allowedIn: open },
  SupersedeAction: { command: () => f.supersede(), emits: [f.superseded()], allowedIn: open },
  ReopenAction: { command: () => f.reopen(), emits: [f.reopened()], allowedIn: ['closed'] },
  RecordProgressUpdate: {
    command: () => f.recordProgress(),
    emits: [f.progressUpdated()],
    allowedIn: open.filter((status) => status !== 'proposed'),
  },
  ReviseTargetDate: {
    command: () => f.reviseTargetDate(),
    emits: [f.targetDateRevised()],
    allowedIn: ['proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed'],
  },
  AttachEvidence: {
    command: () => f.attachEvidence(),
    emits: [
      f.evidenceAttached({
        evidenceId: f.NEW_EVIDENCE_ID,
        title: 'Revised escalation policy',
        kind: 'policy',
        uri: null,
      }),
    ],
    allowedIn: open,
  },
};

describe('Action decider: every status × command', () => {
  describe('when no action exists', () => {
    it('ProposeAction → ActionProposed', () => {
      spec.given([]).when(f.propose()).then([f.proposed()]);
    });

    for (const [type, { command }] of Object.entries(CASES)) {
      it(`refuses ${type} with NotFound (404)`, () => {
        spec
          .given([])
          .when(command())
          .thenThrows(NotFound, (error) => expect(error).toMatchObject({ what: 'action', id: f.ACTION_ID }));
      });
    }
  });

  for (const status of ACTION_STATUSES) {
    describe(`when ${status}`, () => {
      it('refuses ProposeAction on the same id with IllegalTransition (409)', () => {
        spec
          .given(f.historyFor(status))
          .when(f.propose())
          .thenThrows(IllegalTransition, (error) => expect(error).toMatchObject({ from: status, command: 'ProposeAction' }));
      });

      for (const [type, { command, emits, allowedIn }] of Object.entries(CASES)) {
        if (allowedIn.includes(status)) {
          it(`${type} → ${emits.map((event) => event.type).join(', ')}`, () => {
            spec.given(f.historyFor(status)).when(command()).then(emits);
          });
        } else {
          it(`refuses ${type} with IllegalTransition (409)`, () => {
            spec
              .given(f.historyFor(status))
              .when(command())
              .thenThrows(IllegalTransition, (error) => expect(error).toMatchObject({ aggregate: 'action', from: status, command: type }));
          });
        }
      }
    });
  }
});
