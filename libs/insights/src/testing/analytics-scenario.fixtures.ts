import { EventLog } from './event-log.fixtures';

export const POLICE = 'agency-police';
export const HEALTH = 'agency-health';
export const LA = 'agency-la';
/** The analytics scenario is judged on 1 May 2026 (a Friday, before the 4 May bank holiday). */
export const AT = new Date('2026-05-01T12:00:00Z');

const day = (date: string) => `${date}T10:00:00Z`;

/**
 * A small partnership whose figures are worked out by hand in the analytics specs: three rapid
 * reviews, an LCSPR and a survey; five findings; three recommendations; five actions; five challenges.
 */
export function analyticsScenario(): EventLog {
  const log = new EventLog()
    .partnership()
    .agency(POLICE, 'Northshire Constabulary', 'police')
    .agency(HEALTH, 'Northshire ICB', 'health')
    .agency(LA, 'Northshire County Council', 'local-authority')
    .source('s1', 'rapid-review', 'RR-2026-01', day('2026-01-05'))
    .milestone('s1', 'notified', '2026-01-05T09:00:00Z')
    .milestone('s1', 'submitted-to-panel', day('2026-01-23'))
    .finding('s1', 'f1', day('2026-01-10'), {
      themes: ['information-sharing', 'professional-curiosity'],
      enablers: ['partnership-working'],
    })
    .finding('s1', 'f2', day('2026-01-10'), { themes: ['early-help'], enablers: ['frontline-and-family-engagement'] })
    .source('s2', 'rapid-review', 'RR-2026-02', day('2026-03-20'))
    .milestone('s2', 'notified', day('2026-03-20'))
    .milestone('s2', 'submitted-to-panel', day('2026-04-16'))
    .finding('s2', 'f5', day('2026-03-25'), { themes: ['information-sharing'], enablers: ['partnership-working'] })
    .source('s3', 'rapid-review', 'RR-2026-03', day('2026-04-01'))
    .source('s4', 'lcspr', 'LCSPR Gabriel', day('2025-06-01'))
    .finding('s4', 'f3', day('2025-06-10'), { themes: ['information-sharing'], enablers: ['leadership-and-challenge', 'resourcing'] })
    .source('s5', 'feedback', 'Frontline survey 2026', day('2026-02-01'))
    .finding('s5', 'f4', day('2026-02-05'), { themes: ['voice-of-the-child'], goodPractice: true })
    .recommendation('r1', 's1', ['f1', 'f2'], day('2026-01-20'), { addresseeAgencyIds: [POLICE, HEALTH] })
    .recommendation('r2', 's4', ['f3'], day('2025-06-30'), { addresseeAgencyIds: [LA] })
    .recommendation('r3', 's5', ['f4'], day('2026-02-15'), { addresseeAgencyIds: [HEALTH] });

  log
    .action('a1', ['r1'], POLICE, '2026-02-28', day('2026-01-25'))
    .act('a1', 'ActionAgreed', day('2026-01-30'), {}, { forum: 'Learning and Improvement subgroup' })
    .evidence('a1', 'e1', day('2026-03-01'), false)
    .act('a1', 'CompletionClaimed', day('2026-03-05'))
    .act('a1', 'CompletionVerified', day('2026-03-10'), {}, { forum: 'QA subgroup' })
    .evidence('a1', 'e2', day('2026-04-01'), true)
    .act('a1', 'ImpactAssured', day('2026-04-09'), { method: 'repeat audit' }, { forum: 'QA subgroup' })
    .action('a2', ['r1'], HEALTH, '2026-03-31', day('2026-01-25'))
    .act('a2', 'ActionAgreed', day('2026-02-09'), {}, { forum: 'Safeguarding partnership board' })
    .action('a3', ['r2'], LA, '2025-09-30', day('2025-07-01'))
    .act('a3', 'ActionAgreed', day('2025-07-10'), {}, { forum: 'Case Review Sub-group' })
    .act('a3', 'TargetDateRevised', day('2025-09-15'), {
      previousTargetDate: '2025-09-30',
      newTargetDate: '2025-12-31',
      reason: 'Audit moved',
    })
    .evidence('a3', 'e3', day('2025-11-20'), false)
    .act('a3', 'CompletionClaimed', day('2025-11-25'))
    .act('a3', 'CompletionVerified', day('2025-12-01'), {}, { forum: 'Case Review Sub-group' })
    .action('a4', ['r3'], HEALTH, '2026-06-30', day('2026-02-20'))
    .act('a4', 'ActionAgreed', day('2026-02-25'))
    .action('a5', ['r3'], POLICE, '2026-04-15', day('2026-02-20'))
    .act('a5', 'ActionCancelled', day('2026-03-01'), { reason: 'Duplicate of a4' });

  return log
    .challenge('c1', POLICE, '2026-03-16', day('2026-03-02'))
    .challengeEvent('c1', 'ChallengeResponded', day('2026-03-20'), { response: 'Rota revised' })
    .challenge('c2', POLICE, '2026-04-15', day('2026-04-01'))
    .challengeEvent('c2', 'ChallengeEscalated', day('2026-04-20'), { level: 'delegated-partner', fromLevel: null, reason: 'No response' })
    .challenge('c3', HEALTH, '2025-11-17', day('2025-11-03'))
    .challengeEvent('c3', 'ChallengeResponded', day('2025-11-10'), { response: 'Done' })
    .challengeEvent('c3', 'ChallengeResolved', day('2025-12-01'), { outcome: 'Assured' })
    .challenge('c4', LA, '2026-05-20', day('2026-04-20'))
    .challenge('c5', HEALTH, '2026-01-30', day('2026-01-15'))
    .challengeEvent('c5', 'ChallengeWithdrawn', day('2026-01-20'), { reason: 'Raised in error' });
}
