import { ROLES, type Role } from './roles';

/**
 * The role × operation matrix (docs/roles.md is rendered from it): one source of truth that the
 * API's guard enforces route by route and the e2e tests walk. Each route names its operation
 * (apps/api/src/auth/route-operations.ts or the `@Permit` decorator).
 *
 * A role reaches an operation either everywhere in its partnership (`any`) or only within a scope
 * that the guard checks against the target item: an agency lead acts on its own agency's work.
 */
export const SCOPES = {
  'own-agency-action': 'the action’s lead agency is the caller’s agency (token claim `agency`)',
  'own-agency-proposal': 'the proposed action’s `leadAgencyId` is the caller’s agency',
  'recommendation-to-own-agency': 'the recommendation is addressed to the caller’s agency',
  'challenge-to-own-agency': 'the challenge is addressed to the caller’s agency (`toAgencyId`)',
} as const;
export type Scope = keyof typeof SCOPES;

/** What each role is for (DESIGN §2 and §5), for docs/roles.md. */
export const ROLE_PURPOSES: Readonly<Record<Role, string>> = {
  'platform-admin': 'Runs the hosted service: registers partnerships; may act in any of them.',
  'partnership-admin': 'The partnership’s business unit: keeps its set-up and may do everything inside it.',
  'agency-lead': 'A partner agency’s lead (token claim `agency`): delivers and reports its own agency’s actions, answers challenges to it.',
  'board-member': 'Board and subgroup members: commission reviews, agree the plan, judge completion and impact, challenge.',
  scrutineer: 'The independent scrutineer: raises and escalates challenges; reads everything.',
  auditor: 'Traces evidence of impact; read-only; may see who was let in as an inspector.',
  inspector: 'Reviews change history; read-only, and only while a grant by the partnership admin is active.',
  analyst: 'Replays timelines and analytics; read-only.',
};
export type Reach = 'any' | Scope;

export interface OperationRule {
  readonly kind: 'read' | 'command';
  readonly summary: string;
  readonly allow: Partial<Readonly<Record<Role, Reach>>>;
  /** Why these roles and no others, for docs/roles.md. */
  readonly why: string;
}

const everyone = Object.fromEntries(ROLES.map((role) => [role, 'any'])) as Record<Role, Reach>;
const admins = { 'platform-admin': 'any', 'partnership-admin': 'any' } as const;
const board = { ...admins, 'board-member': 'any' } as const;
const ownAction = { ...admins, 'agency-lead': 'own-agency-action' } as const;
const addressed = { ...admins, 'agency-lead': 'challenge-to-own-agency' } as const;
const challengers = { ...board, scrutineer: 'any' } as const;

const LEAD_WORKS = 'The lead agency does and reports the work; the business unit can enter it on their behalf.';
const BOARD_JUDGES = 'Assurance is the board’s: an agency never marks its own homework.';

export const OPERATIONS = {
  'partnership.list': { kind: 'read', summary: 'List the partnerships one may act in', allow: everyone, why: 'Everyone sees their own.' },
  'partnership.read': {
    kind: 'read',
    summary: 'Read anything of the partnership (plan, items, history, time travel, lineage, analytics, integrity)',
    allow: everyone,
    why: 'Transparency inside the partnership; inspectors only during a grant.',
  },
  'partnership.register': {
    kind: 'command',
    summary: 'Register a partnership (a tenant)',
    allow: { 'platform-admin': 'any' },
    why: 'Creating tenants is the hosting service’s job.',
  },
  'partnership.configure': {
    kind: 'command',
    summary: 'Keep the partnership’s set-up (agencies, subgroups, themes)',
    allow: admins,
    why: 'The business unit keeps the partnership’s set-up.',
  },
  'action-plan.import': {
    kind: 'command',
    summary: 'Import an action plan from CSV or XLSX (sources, recommendations and actions in one all-or-nothing run)',
    allow: admins,
    why:
      'One file writes a whole plan at once, bypassing each step’s own role (the board’s making and agreeing, the lead’s proposing): ' +
      'only the business unit migrating or restoring a plan may do that.',
  },
  'person.register': {
    kind: 'command',
    summary: 'Register a member of staff in the people registry (details encrypted under their own key)',
    allow: admins,
    why: 'The business unit keeps the staff register and answers for the personal data in it (its data controller’s duty).',
  },
  'person.forget': {
    kind: 'command',
    summary: 'Forget a person: destroy their key so every view, file and export shows “[erased]” (irreversible)',
    allow: admins,
    why: 'Erasure answers a data-protection request and cannot be undone: a decision for the data controller’s business unit, not a user.',
  },
  'field.redact': {
    kind: 'command',
    summary: 'Redact one text field of an earlier event (every view, file and export shows “[redacted]”)',
    allow: admins,
    why:
      'Redaction withdraws recorded text from every reader, inspectors included: the business unit decides it, on a recorded reason, ' +
      'so no author can quietly withdraw what they wrote.',
  },
  'inspector-grant.manage': {
    kind: 'command',
    summary: 'Grant or revoke an inspector’s time-boxed access',
    allow: admins,
    why: 'Admitting outsiders is an administrative decision, recorded as events.',
  },
  'inspector-grant.read': {
    kind: 'read',
    summary: 'List inspector grants',
    allow: { ...admins, auditor: 'any', scrutineer: 'any' },
    why: 'Who had access, and when, is itself audit evidence.',
  },
  'source.record': {
    kind: 'command',
    summary: 'Record a learning source, its findings and milestones; close it',
    allow: board,
    why: 'Reviews and audits are commissioned by the board and its subgroups.',
  },
  'recommendation.make': {
    kind: 'command',
    summary: 'Make a recommendation',
    allow: board,
    why: 'Recommendations come from the board’s reviews.',
  },
  'recommendation.respond': {
    kind: 'command',
    summary: 'Respond to a recommendation (accept, partially, not)',
    allow: { ...admins, 'agency-lead': 'recommendation-to-own-agency' },
    why: 'Only an addressee answers for itself.',
  },
  'action.propose': {
    kind: 'command',
    summary: 'Propose an action',
    allow: { ...board, 'agency-lead': 'own-agency-proposal' },
    why: 'An agency proposes its own actions; the board may propose any.',
  },
  'action.agree': { kind: 'command', summary: 'Agree an action', allow: board, why: 'A forum of the board agrees the plan.' },
  'action.deliver': {
    kind: 'command',
    summary: 'Start, pause, resume; progress updates, target-date revisions, evidence; claim completion',
    allow: ownAction,
    why: LEAD_WORKS,
  },
  'action.assure': {
    kind: 'command',
    summary: 'Verify or return completion; assure impact or record it not demonstrated; close',
    allow: board,
    why: BOARD_JUDGES,
  },
  'action.redirect': {
    kind: 'command',
    summary: 'Cancel, reopen or supersede an action',
    allow: board,
    why: 'Changing what the plan promises is the board’s call.',
  },
  'challenge.raise': {
    kind: 'command',
    summary: 'Raise a challenge',
    allow: challengers,
    why: 'Challenge is the board’s and the independent scrutineer’s instrument.',
  },
  'challenge.answer': {
    kind: 'command',
    summary: 'Acknowledge or respond to a challenge',
    allow: addressed,
    why: 'Only the agency challenged answers.',
  },
  'challenge.link-action': {
    kind: 'command',
    summary: 'Link an action that answers a challenge',
    allow: { ...challengers, 'agency-lead': 'challenge-to-own-agency' },
    why: 'The challenged agency shows what it is doing; the challengers may link too.',
  },
  'challenge.judge': {
    kind: 'command',
    summary: 'Accept or reject a response; resolve; close',
    allow: board,
    why: 'The board decides whether it is satisfied.',
  },
  'challenge.escalate': {
    kind: 'command',
    summary: 'Escalate or withdraw a challenge',
    allow: challengers,
    why: 'Those who may raise a challenge may press or drop it.',
  },
} as const satisfies Readonly<Record<string, OperationRule>>;

export type OperationName = keyof typeof OPERATIONS;

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(OPERATIONS, value);
}

/** What the caller's roles reach: the whole partnership, some scopes, or nothing. */
export type Access =
  { readonly reach: 'any' } | { readonly reach: 'scoped'; readonly scopes: readonly Scope[] } | { readonly reach: 'none' };

export function accessTo(operation: OperationName, roles: readonly Role[]): Access {
  const allow: Partial<Record<Role, Reach>> = OPERATIONS[operation].allow;
  const reaches = roles.map((role) => allow[role]).filter((reach): reach is Reach => reach !== undefined);
  if (reaches.includes('any')) return { reach: 'any' };
  const scopes = [...new Set(reaches.filter((reach): reach is Scope => reach !== 'any'))];
  return scopes.length > 0 ? { reach: 'scoped', scopes } : { reach: 'none' };
}

/** The roles an operation admits at all (in any scope), in ROLES order. */
export function rolesFor(operation: OperationName): Role[] {
  const allow: Partial<Record<Role, Reach>> = OPERATIONS[operation].allow;
  return ROLES.filter((role) => allow[role] !== undefined);
}
