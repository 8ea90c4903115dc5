import type { Actor } from '@ledger/event-sourcing';
import { actionDecider, actionStreamId } from '@ledger/learning';
import { DecidedStream } from './decided-stream';
import { HISTORY_END } from './history-window';
import { DAY_MS, entryLag, isoDate } from './seeded-random';
import type { SourceContext } from './source-story';
import { EVIDENCE_KINDS, NARRATIVES, RAGS } from './story-words';

const FORUMS = ['Learning and Improvement subgroup', 'Quality Assurance and Performance subgroup', 'Executive group'] as const;

/**
 * One action's life: proposed, agreed, started, monthly progress updates, evidence, slips
 * (target-date revisions), completion claimed and verified or returned, impact assured (or not
 * demonstrated) and closed; some are paused, cancelled or superseded. It stops where the history
 * window ends, so recent actions are still open (and some overdue).
 */
export function recordAction(
  context: SourceContext,
  proposal: { recommendationId: string; leadAgencyId: string; proposedAt: number },
): void {
  const { random, partnershipId } = context;
  const lead: Actor = { userId: `bench-lead-${random.int(1, 40)}`, role: 'agency-lead', agencyId: proposal.leadAgencyId };
  const admin: Actor = { userId: `bench-business-unit-${random.int(1, 3)}`, role: 'partnership-admin' };
  const actionId = random.uuid('action');
  const action = new DecidedStream(actionStreamId(actionId), actionDecider, context);
  let when = proposal.proposedAt;
  let target = when + random.int(90, 400) * DAY_MS;
  const step = (days: number): boolean => {
    when += days * DAY_MS;
    return when <= HISTORY_END;
  };
  const run = (type: Parameters<typeof action.run>[0], data: object, actor: Actor, extra: { forum?: string; reason?: string } = {}) =>
    action.run(type, { actionId, ...data }, when, { actor, lagMs: entryLag(random), ...extra });
  const evidence = (describesImpact: boolean) =>
    run(
      'AttachEvidence',
      {
        evidenceId: random.uuid('evidence'),
        title: describesImpact ? 'Repeat audit findings' : `Evidence pack ${random.int(1, 99)}`,
        kind: random.pick(EVIDENCE_KINDS),
        uri: `https://documents.example.org/${random.uuid('uri')}`,
        describesImpact,
      },
      lead,
    );
  const updates = (count: number) => {
    for (let u = 0; u < count && step(random.int(20, 40)); u++) {
      run('RecordProgressUpdate', { updateId: random.uuid('update'), narrative: random.pick(NARRATIVES), rag: random.pick(RAGS) }, lead);
      if (random.chance(0.12)) evidence(false);
      if (random.chance(0.06) && when < target) {
        target += random.int(30, 120) * DAY_MS;
        run('ReviseTargetDate', { newTargetDate: isoDate(target), reason: 'Dependent training programme rescheduled.' }, admin, {
          forum: random.pick(FORUMS),
        });
      }
    }
  };

  run(
    'ProposeAction',
    {
      partnershipId,
      recommendationIds: [proposal.recommendationId],
      description: `Embed the agreed learning in ${random.pick(['procedures', 'training', 'supervision', 'audit', 'referral pathways'])}.`,
      leadAgencyId: proposal.leadAgencyId,
      owner: `person-${random.int(1000, 9999)}`,
      targetDate: isoDate(target),
      successMeasure: 'A repeat multi-agency audit shows the change in practice.',
    },
    admin,
  );
  context.actionIds.push(actionId);
  if (random.chance(0.3)) evidence(false);
  if (!step(random.int(10, 30)) || !run('AgreeAction', {}, admin, { forum: random.pick(FORUMS) })) return finish();
  if (random.chance(0.05))
    return void (step(random.int(5, 60)) && run('CancelAction', { reason: 'Overtaken by the national reforms.' }, admin));
  if (!step(random.int(3, 30)) || !run('StartAction', {}, lead)) return finish();
  updates(random.int(2, 14));
  if (random.chance(0.05) && step(5)) {
    run('PauseAction', {}, admin, { reason: 'Paused while the service is restructured.' });
    if (!step(random.int(30, 120)) || !run('ResumeAction', {}, admin)) return finish();
    updates(random.int(1, 4));
  }
  if (random.chance(0.02) && step(5)) {
    const successorActionId = random.uuid('action');
    return void run('SupersedeAction', { successorActionId, reason: 'Merged into a wider action.' }, admin);
  }
  evidence(false);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!step(random.int(5, 20)) || !run('ClaimCompletion', {}, lead)) return finish();
    if (!step(random.int(10, 45))) return finish();
    if (random.chance(0.8)) break;
    run('ReturnCompletion', { reason: 'Evidence does not yet show practice has changed.' }, admin, { forum: random.pick(FORUMS) });
    updates(random.int(1, 3));
  }
  if (!run('VerifyCompletion', { forum: random.pick(FORUMS) }, admin, { forum: random.pick(FORUMS) })) return finish();
  if (!step(random.int(60, 200))) return finish();
  if (random.chance(0.12)) {
    run('RecordImpactNotDemonstrated', { reason: 'The repeat audit found no change yet.' }, admin, { forum: random.pick(FORUMS) });
    return updates(random.int(1, 3));
  }
  evidence(true);
  if (
    !step(random.int(5, 30)) ||
    !run('AssureImpact', { method: 'repeat audit' }, admin, { forum: 'Quality Assurance and Performance subgroup' })
  )
    return finish();
  if (step(random.int(5, 30))) run('CloseAction', {}, admin);
  if (random.chance(0.03) && step(random.int(60, 200)))
    run('ReopenAction', { reason: 'Repeat audit found the practice had slipped.' }, admin);
  return finish();

  function finish(): void {
    context.refused += action.refused;
  }
}
