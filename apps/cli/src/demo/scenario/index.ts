import { AUDIT_AND_SECTION_11_ACTIONS } from './actions-audit-s11';
import { JTAI_AND_SURVEY_ACTIONS } from './actions-jtai-survey';
import { LCSPR_ACTIONS } from './actions-lcspr';
import { RAPID_REVIEW_ACTIONS } from './actions-rapid-reviews';
import { CHALLENGES } from './challenges';
import { AGENCIES, PARTNERSHIP } from './partnership';
import { RECOMMENDATIONS } from './recommendations';
import { SOURCES } from './sources';
import type { Scenario } from './types';

/** Northshire: one synthetic partnership with eighteen months of learning, actions and challenge. */
export const NORTHSHIRE: Scenario = {
  partnership: PARTNERSHIP,
  agencies: AGENCIES,
  sources: SOURCES,
  recommendations: RECOMMENDATIONS,
  actions: [...RAPID_REVIEW_ACTIONS, ...LCSPR_ACTIONS, ...AUDIT_AND_SECTION_11_ACTIONS, ...JTAI_AND_SURVEY_ACTIONS],
  challenges: CHALLENGES,
};

export type * from './types';
export * from './timeline';
export * from './vocabulary';
