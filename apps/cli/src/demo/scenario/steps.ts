import type { Day } from './timeline';
import type { ActionStep, ChallengeStep, Forum } from './types';
import type { EscalationLevel, EvidenceKind, Rag } from './vocabulary';

/** Short builders so the scenario reads like an action-plan history. */
export const LI: Forum = 'Learning & Improvement subgroup';
export const QA: Forum = 'Quality Assurance & Performance subgroup';
export const CR: Forum = 'Case Review subgroup';
export const TRAINING: Forum = 'Training subgroup';
export const EXEC: Forum = 'Safeguarding Partnership Executive';

export const agree = (day: Day, forum: Forum = LI): ActionStep => ({ do: 'agree', day, forum });
export const start = (day: Day): ActionStep => ({ do: 'start', day });
export const update = (day: Day, rag: Rag, narrative: string): ActionStep => ({ do: 'progress', day, rag, narrative });
export const evidence = (day: Day, kind: EvidenceKind, title: string): ActionStep => ({
  do: 'evidence',
  day,
  kind,
  title,
  describesImpact: false,
});
export const impactEvidence = (day: Day, kind: EvidenceKind, title: string): ActionStep => ({
  do: 'evidence',
  day,
  kind,
  title,
  describesImpact: true,
});
export const slip = (day: Day, newTargetDay: Day, reason: string, forum: Forum = LI): ActionStep => ({
  do: 'revise-target',
  day,
  newTargetDay,
  reason,
  forum,
});
export const claim = (day: Day): ActionStep => ({ do: 'claim-completion', day });
export const verify = (day: Day, forum: Forum): ActionStep => ({ do: 'verify-completion', day, forum });
export const sendBack = (day: Day, reason: string, forum: Forum): ActionStep => ({ do: 'return-completion', day, reason, forum });
export const assure = (day: Day, forum: Forum = QA): ActionStep => ({ do: 'assure-impact', day, forum });
export const notShown = (day: Day, reason: string, forum: Forum = QA): ActionStep => ({
  do: 'record-impact-not-demonstrated',
  day,
  reason,
  forum,
});
export const close = (day: Day, forum: Forum = LI): ActionStep => ({ do: 'close', day, forum });
export const pause = (day: Day, reason: string, forum: Forum = LI): ActionStep => ({ do: 'pause', day, reason, forum });
export const resume = (day: Day, forum: Forum = LI): ActionStep => ({ do: 'resume', day, forum });
export const cancel = (day: Day, reason: string, forum: Forum): ActionStep => ({ do: 'cancel', day, reason, forum });
export const reopen = (day: Day, reason: string, forum: Forum = QA): ActionStep => ({ do: 'reopen', day, reason, forum });
export const supersede = (day: Day, successor: string, reason: string, forum: Forum): ActionStep => ({
  do: 'supersede',
  day,
  successor,
  reason,
  forum,
});

export const acknowledge = (day: Day): ChallengeStep => ({ do: 'acknowledge', day });
export const respond = (day: Day, response: string): ChallengeStep => ({ do: 'respond', day, response });
export const acceptResponse = (day: Day, forum: Forum): ChallengeStep => ({ do: 'accept-response', day, forum });
export const rejectResponse = (day: Day, reason: string, forum: Forum): ChallengeStep => ({ do: 'reject-response', day, reason, forum });
export const escalate = (day: Day, level: EscalationLevel, reason: string): ChallengeStep => ({ do: 'escalate', day, level, reason });
export const resolve = (day: Day, outcome: string, forum: Forum): ChallengeStep => ({ do: 'resolve', day, outcome, forum });
export const withdraw = (day: Day, reason: string): ChallengeStep => ({ do: 'withdraw', day, reason });
export const closeChallenge = (day: Day, forum: Forum): ChallengeStep => ({ do: 'close', day, forum });
export const linkAction = (day: Day, action: string): ChallengeStep => ({ do: 'link-action', day, action });
