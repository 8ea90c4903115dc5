import { CR, EXEC, LI, QA } from './steps';
import { m } from './timeline';
import type { SourceSpec } from './types';

/**
 * Seven learning sources over eighteen months. Reviews are named by internal reference or a
 * synthetic pseudonym only; nothing here describes a real child or family.
 */
export const SOURCES: readonly SourceSpec[] = [
  {
    key: 'rr1',
    kind: 'rapid-review',
    title: 'Rapid review RR-{year}-01 (infant, serious harm, neglect)',
    reference: 'RR-{year}-01',
    day: m(0, 8),
    forum: CR,
    findings: [
      {
        key: 'f1',
        day: m(0, 20),
        summary:
          "Missed health appointments for an infant were not shared between health visiting, the GP practice and children's social care; each agency held part of the picture.",
        themes: ['information-sharing', 'neglect'],
        enablers: ['partnership-working', 'knowledge-management'],
      },
      {
        key: 'f2',
        day: m(0, 20),
        summary:
          'Practitioners did not ask who else lived in or visited the household; an adult known to police was not considered in assessments.',
        themes: ['professional-curiosity', 'domestic-abuse'],
        enablers: ['frontline-and-family-engagement'],
      },
      {
        key: 'f3',
        day: m(0, 21),
        summary: 'The out-of-hours police and emergency duty team response on the night of the incident was prompt and well coordinated.',
        themes: ['information-sharing'],
        enablers: ['partnership-working'],
        goodPractice: true,
      },
    ],
  },
  {
    key: 'lcspr',
    kind: 'lcspr',
    title: "Local child safeguarding practice review 'Family Q' (synthetic pseudonym)",
    reference: 'LCSPR-{year}-01',
    day: m(1, 10),
    forum: CR,
    findings: [
      {
        key: 'f1',
        day: m(7, 2),
        summary:
          "The children's daily lived experience was rarely recorded; assessments described the adults' needs rather than what the children said or showed.",
        themes: ['voice-of-the-child', 'neglect'],
        enablers: ['frontline-and-family-engagement'],
      },
      {
        key: 'f2',
        day: m(7, 2),
        summary:
          'Discharge from hospital to the community happened without a joint plan, so the safeguarding plan lapsed at the point of transition.',
        themes: ['transitions', 'information-sharing'],
        enablers: ['partnership-working', 'subgroups-and-mechanisms'],
      },
      {
        key: 'f3',
        day: m(7, 3),
        summary:
          'Domestic abuse risk assessments focused on the adult victim and did not consider the impact on each child in the household.',
        themes: ['domestic-abuse', 'voice-of-the-child'],
        enablers: ['knowledge-management'],
      },
      {
        key: 'f4',
        day: m(7, 3),
        summary:
          'The family was stepped down from child in need to early help without a handover meeting, and early help support did not start for eleven weeks.',
        themes: ['early-help', 'transitions'],
        enablers: ['subgroups-and-mechanisms', 'resourcing'],
      },
    ],
  },
  {
    key: 'audit',
    kind: 'multi-agency-audit',
    title: 'Multi-agency case audit: neglect and early help (8 cases)',
    reference: 'MACA-{year}-02',
    day: m(2, 14),
    forum: QA,
    findings: [
      {
        key: 'f1',
        day: m(3, 10),
        summary: 'Multi-agency chronologies were absent or single-agency in 6 of 8 cases, so cumulative neglect was not visible.',
        themes: ['neglect', 'information-sharing'],
        enablers: ['knowledge-management'],
      },
      {
        key: 'f2',
        day: m(3, 10),
        summary: 'Early help assessments were not reviewed for up to six months; drift was not escalated.',
        themes: ['early-help', 'neglect'],
        enablers: ['leadership-and-challenge', 'resourcing'],
      },
      {
        key: 'f3',
        day: m(3, 11),
        summary: "Schools' designated safeguarding leads contributed strong, child-focused information to early help reviews when invited.",
        themes: ['early-help', 'voice-of-the-child'],
        enablers: ['partnership-working'],
        goodPractice: true,
      },
    ],
  },
  {
    key: 's11',
    kind: 'section-11',
    title: 'Section 11 self-assessment cycle {year}',
    reference: 'S11-{year}',
    day: m(4, 1),
    forum: QA,
    findings: [
      {
        key: 'f1',
        day: m(5, 18),
        summary:
          'Voluntary and community sector returns showed safeguarding training below the partnership standard in 39% of organisations.',
        themes: ['workforce-training'],
        enablers: ['resourcing', 'partnership-working'],
      },
      {
        key: 'f2',
        day: m(5, 18),
        summary: 'Education returns showed inconsistent safer recruitment checks across academies and maintained schools.',
        themes: ['safer-recruitment'],
        enablers: ['leadership-and-challenge'],
      },
      {
        key: 'f3',
        day: m(5, 19),
        summary: "Probation returns showed no routine enquiry to children's social care when a person on probation lives with children.",
        themes: ['information-sharing', 'domestic-abuse'],
        enablers: ['partnership-working'],
      },
      {
        key: 'f4',
        day: m(5, 19),
        summary: 'Health commissioners had not written section 11 standards into provider contracts.',
        themes: ['commissioning'],
        enablers: ['leadership-and-challenge', 'subgroups-and-mechanisms'],
      },
    ],
  },
  {
    key: 'jtai',
    kind: 'inspection',
    title: 'Joint targeted area inspection (JTAI): the multi-agency response to children affected by domestic abuse',
    reference: 'JTAI-{year}',
    day: m(7, 12),
    forum: EXEC,
    findings: [
      {
        key: 'f1',
        day: m(8, 20),
        summary: 'Police domestic abuse notifications waited up to five days for a decision in the multi-agency safeguarding hub.',
        themes: ['domestic-abuse', 'information-sharing'],
        enablers: ['partnership-working', 'resourcing'],
      },
      {
        key: 'f2',
        day: m(8, 20),
        summary: 'The partnership could describe its activity but not the impact of its actions on practice.',
        themes: ['quality-assurance'],
        enablers: ['leadership-and-challenge', 'knowledge-management'],
      },
      {
        key: 'f3',
        day: m(8, 21),
        summary: 'Primary care identification and referral of domestic abuse was inconsistent.',
        themes: ['domestic-abuse', 'professional-curiosity'],
        enablers: ['frontline-and-family-engagement'],
      },
      {
        key: 'f4',
        day: m(8, 21),
        summary: "Schools' early notification of domestic abuse incidents helped staff support children the next morning.",
        themes: ['domestic-abuse', 'voice-of-the-child'],
        enablers: ['partnership-working'],
        goodPractice: true,
      },
    ],
  },
  {
    key: 'survey',
    kind: 'feedback',
    title: 'Frontline practitioner survey {year} (412 respondents)',
    reference: 'SURVEY-{year}',
    day: m(9, 1),
    forum: LI,
    findings: [
      {
        key: 'f1',
        day: m(10, 6),
        summary: 'Only 38% of respondents knew how to use the resolving professional differences (escalation) policy.',
        themes: ['professional-challenge'],
        enablers: ['leadership-and-challenge', 'frontline-and-family-engagement'],
      },
      {
        key: 'f2',
        day: m(10, 6),
        summary: 'Learning from reviews rarely reached frontline teams beyond those directly involved.',
        themes: ['learning-dissemination'],
        enablers: ['knowledge-management', 'frontline-and-family-engagement'],
      },
      {
        key: 'f3',
        day: m(10, 7),
        summary: 'Practitioners reported no shared pathway for young people moving to adult services at 18.',
        themes: ['transitions'],
        enablers: ['partnership-working'],
      },
    ],
  },
  {
    key: 'rr2',
    kind: 'rapid-review',
    title: 'Rapid review RR-{year}-02 (adolescent, serious harm, criminal exploitation)',
    reference: 'RR-{year}-02',
    day: m(12, 4),
    forum: CR,
    findings: [
      {
        key: 'f1',
        day: m(12, 18),
        summary: 'Information from return-home interviews after missing episodes did not reach the school or the youth justice service.',
        themes: ['information-sharing', 'exploitation'],
        enablers: ['partnership-working'],
      },
      {
        key: 'f2',
        day: m(12, 18),
        summary: 'Assessments focused on the family home and not on risks in peer groups and public spaces.',
        themes: ['exploitation', 'professional-curiosity'],
        enablers: ['knowledge-management'],
      },
      {
        key: 'f3',
        day: m(12, 19),
        summary: 'Plans ended when the young person turned 18, although the exploitation risk continued.',
        themes: ['transitions', 'exploitation'],
        enablers: ['partnership-working', 'resourcing'],
      },
    ],
  },
];
