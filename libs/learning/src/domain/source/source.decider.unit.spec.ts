import { DomainRuleViolation, IllegalTransition, NotFound, type LedgerError } from '@ledger/event-sourcing';
import { deciderSpecification, stateAfter } from '@ledger/testing';
import { sourceDecider } from './source.decider';
import {
  EnablerDuplicated,
  EnablerUnknown,
  FindingAlreadyRecorded,
  FindingSummaryRequired,
  MilestoneAlreadyReached,
  MilestoneNotValidForKind,
  SourceKindUnknown,
  SourceTitleRequired,
  ThemeDuplicated,
  ThemeInvalid,
} from './source.errors';
import type { SourceKind } from './source.values';
import { SOURCE_KINDS, SOURCE_MILESTONES } from './source.values';
import {
  closeSource,
  FINDING_ID,
  findingRecorded,
  milestoneReached,
  OTHER_FINDING_ID,
  recordFinding,
  recordMilestone,
  recordSource,
  sourceClosed,
  sourceRecorded,
} from './test/source.fixtures';

const spec = deciderSpecification(sourceDecider);
const codeIs = (code: string) => (error: Error) => expect((error as LedgerError).code).toBe(code);

describe('LearningSource decider', () => {
  describe('when nothing is recorded yet', () => {
    it('records a source', () => {
      spec.given([]).when(recordSource()).then([sourceRecorded()]);
    });

    it('trims the title and stores a missing or blank reference as null', () => {
      spec
        .given([])
        .when(recordSource({ title: '  Thematic audit: neglect 2025 ', reference: '  ' }))
        .then([sourceRecorded({ title: 'Thematic audit: neglect 2025', reference: null })]);
      spec
        .given([])
        .when(recordSource({ reference: undefined }))
        .then([sourceRecorded({ reference: null })]);
    });

    it.each(SOURCE_KINDS)('records a %s source', (kind) => {
      spec
        .given([])
        .when(recordSource({ kind }))
        .then([sourceRecorded({ kind })]);
    });

    it('refuses a kind that is not a kind of source', () => {
      spec
        .given([])
        .when(recordSource({ kind: 'gossip' as SourceKind }))
        .thenThrows(SourceKindUnknown, codeIs('source-kind-unknown'));
    });

    it('refuses a blank title', () => {
      spec
        .given([])
        .when(recordSource({ title: '   ' }))
        .thenThrows(SourceTitleRequired, codeIs('title-required'));
    });

    it.each([
      ['a finding', recordFinding()],
      ['a milestone', recordMilestone('notified')],
      ['closing', closeSource()],
    ])('answers not found to %s', (_, command) => {
      spec.given([]).when(command).thenThrows(NotFound);
    });
  });

  describe('when open', () => {
    it('refuses to record the source again', () => {
      spec.given([sourceRecorded()]).when(recordSource()).thenThrows(IllegalTransition);
    });

    it('records a finding', () => {
      spec.given([sourceRecorded()]).when(recordFinding()).then([findingRecorded()]);
    });

    it('records a good-practice finding with no themes or enablers', () => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ themes: [], enablers: [], goodPractice: true }))
        .then([findingRecorded({ themes: [], enablers: [], goodPractice: true })]);
    });

    it('normalises themes to trimmed lower-case kebab-case and trims the summary', () => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ summary: '  Early help offer not used.  ', themes: ['  Early Help ', 'neglect', 'information_sharing'] }))
        .then([findingRecorded({ summary: 'Early help offer not used.', themes: ['early-help', 'neglect', 'information-sharing'] })]);
    });

    it('records several findings', () => {
      spec
        .given([sourceRecorded(), findingRecorded()])
        .when(recordFinding({ findingId: OTHER_FINDING_ID }))
        .then([findingRecorded({ findingId: OTHER_FINDING_ID })]);
    });

    it('refuses the same finding id twice', () => {
      spec
        .given([sourceRecorded(), findingRecorded()])
        .when(recordFinding({ findingId: FINDING_ID }))
        .thenThrows(FindingAlreadyRecorded, (error) => expect(error).toBeInstanceOf(IllegalTransition));
    });

    it('refuses a blank summary', () => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ summary: ' ' }))
        .thenThrows(FindingSummaryRequired, codeIs('summary-required'));
    });

    it.each([[''], ['   '], ['information/sharing'], ['-neglect'], ['early--help'], ['café']])('refuses the theme %p', (theme) => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ themes: ['neglect', theme] }))
        .thenThrows(ThemeInvalid, codeIs('theme-invalid'));
    });

    it('refuses a theme listed twice, even when spelled differently', () => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ themes: ['Early help', 'early-help'] }))
        .thenThrows(ThemeDuplicated, codeIs('theme-duplicated'));
    });

    it('refuses an enabler that is not one of the six', () => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ enablers: ['good-vibes'] }))
        .thenThrows(EnablerUnknown, codeIs('enabler-unknown'));
    });

    it('refuses an enabler listed twice', () => {
      spec
        .given([sourceRecorded()])
        .when(recordFinding({ enablers: ['resourcing', 'resourcing'] }))
        .thenThrows(EnablerDuplicated, codeIs('enabler-duplicated'));
    });

    const kindMilestones = SOURCE_KINDS.flatMap((kind) => SOURCE_MILESTONES[kind].map((milestone) => [kind, milestone] as const));
    it.each(kindMilestones)('lets a %s source reach %s', (kind, milestone) => {
      spec
        .given([sourceRecorded({ kind })])
        .when(recordMilestone(milestone))
        .then([milestoneReached(milestone)]);
    });

    it('accepts milestones in any order, for records entered late', () => {
      spec
        .given([sourceRecorded(), milestoneReached('submitted-to-panel')])
        .when(recordMilestone('notified'))
        .then([milestoneReached('notified')]);
    });

    it('refuses a milestone of another kind', () => {
      spec
        .given([sourceRecorded({ kind: 'rapid-review' })])
        .when(recordMilestone('published'))
        .thenThrows(MilestoneNotValidForKind, (error) => {
          expect(error).toBeInstanceOf(DomainRuleViolation);
          expect((error as LedgerError).code).toBe('milestone-not-valid-for-kind');
          expect((error as LedgerError).errors).toEqual([expect.objectContaining({ field: 'milestone' })]);
        });
    });

    it('refuses a milestone reached before', () => {
      spec
        .given([sourceRecorded(), milestoneReached('notified')])
        .when(recordMilestone('notified'))
        .thenThrows(MilestoneAlreadyReached, (error) => expect(error).toBeInstanceOf(IllegalTransition));
    });

    it('closes', () => {
      spec.given([sourceRecorded(), findingRecorded()]).when(closeSource()).then([sourceClosed()]);
    });
  });

  describe('when closed', () => {
    const closed = [sourceRecorded(), findingRecorded(), sourceClosed()];

    it.each([
      ['recording the source again', recordSource()],
      ['a finding', recordFinding({ findingId: OTHER_FINDING_ID })],
      ['a milestone', recordMilestone('started')],
      ['closing again', closeSource()],
    ])('refuses %s', (_, command) => {
      spec.given(closed).when(command).thenThrows(IllegalTransition);
    });
  });

  describe('evolve', () => {
    it('folds findings, milestones and closure into the state', () => {
      expect(
        stateAfter(sourceDecider, [
          sourceRecorded({ kind: 'inspection' }),
          findingRecorded(),
          milestoneReached('notified'),
          sourceClosed(),
        ]),
      ).toEqual({
        status: 'closed',
        sourceId: sourceRecorded().data.sourceId,
        partnershipId: sourceRecorded().data.partnershipId,
        kind: 'inspection',
        findingIds: [FINDING_ID],
        milestones: ['notified'],
      });
    });
  });
});
