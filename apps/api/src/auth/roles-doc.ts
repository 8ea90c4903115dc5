import { OPERATIONS, ROLE_PURPOSES, ROLES, SCOPES, type OperationName, type Reach, type Role } from '@ledger/identity';
import { ROUTE_OPERATIONS } from './route-operations';

const SCOPE_LABELS: Readonly<Record<Reach, string>> = {
  any: '✓',
  'own-agency-action': 'own agency’s',
  'own-agency-proposal': 'for own agency',
  'recommendation-to-own-agency': 'if addressed',
  'challenge-to-own-agency': 'if addressed',
};

const cell = (operation: OperationName, role: Role): string => {
  const allow: Partial<Record<Role, Reach>> = OPERATIONS[operation].allow;
  const reach = allow[role];
  return reach === undefined ? '—' : SCOPE_LABELS[reach];
};

/**
 * Renders docs/roles.md from the matrix (libs/identity/src/permissions.ts) and the route table
 * (route-operations.ts); roles-doc.unit.spec.ts fails when the file on disk differs.
 */
export function renderRolesDoc(): string {
  const operations = Object.keys(OPERATIONS) as OperationName[];
  const routesOf = (operation: OperationName) =>
    Object.entries(ROUTE_OPERATIONS)
      .filter(([, declared]) => declared === operation)
      .map(([route]) => `\`${route}\``);
  return [
    '# Roles: who may do what',
    '',
    '<!-- Generated from libs/identity/src/permissions.ts and apps/api/src/auth/route-operations.ts.',
    '     Do not edit: UPDATE_ROLES_DOC=1 npx jest apps/api/src/auth/roles-doc.unit.spec.ts -->',
    '',
    'The API enforces this matrix on the server, route by route (`apps/api/src/auth/auth.guard.ts`);',
    '`test/roles-matrix.e2e.spec.ts` walks every route of the OpenAPI document with every role and checks',
    'each answer against it. Tokens carry `roles`, `partnerships` and, for agency leads, `agency` (DESIGN §5).',
    '',
    '## Roles',
    '',
    ...ROLES.map((role) => `- **${role}** — ${ROLE_PURPOSES[role]}`),
    '',
    '## The matrix',
    '',
    '✓ everywhere in the partnership; a scope (below) where the role reaches only its own agency’s items; — refused (403).',
    '',
    `| Operation | What | ${ROLES.join(' | ')} |`,
    `| --- | --- | ${ROLES.map(() => ':-:').join(' | ')} |`,
    ...operations.map(
      (operation) => `| \`${operation}\` | ${OPERATIONS[operation].summary} | ${ROLES.map((role) => cell(operation, role)).join(' | ')} |`,
    ),
    '',
    '## Scopes',
    '',
    'A role admitted only within a scope needs the token’s `agency` claim (else 403 `agency-claim-required`), and the',
    'guard reads the target from the read models: outside the scope is 403 `outside-agency-scope`; a target the',
    'partnership does not have is 404.',
    '',
    ...(Object.entries(SCOPES) as [Reach, string][]).map(([scope, meaning]) => `- \`${scope}\` (“${SCOPE_LABELS[scope]}”): ${meaning}.`),
    '',
    '## Why, operation by operation',
    '',
    ...operations.flatMap((operation) => {
      const routes = routesOf(operation);
      return [`- \`${operation}\` — ${OPERATIONS[operation].why}${routes.length > 0 ? ` Routes: ${routes.join(', ')}.` : ''}`];
    }),
    '',
    'Routes declared with `@Permit(...)` on their handler instead of in the route table carry their operation in',
    'the OpenAPI document as `x-ledger-operation` (`/api/docs-json`).',
    '',
    '## Tenancy and inspectors',
    '',
    '- A platform admin reaches every partnership; every other role reaches those its `partnerships` claim lists.',
    '  Another partnership’s routes answer 404, exactly as an unknown id does, so a stranger learns nothing.',
    '- An **inspector** needs more than the claim: a partnership admin grants access to one inspector (their token',
    '  `sub`) for a window of at most 92 days — `POST /partnerships/{pid}/inspector-grants {inspectorId, from, until,',
    '  reason}` — and may end it early — `POST /partnerships/{pid}/inspector-grants/{gid}/revoke {reason}`. Both are',
    '  events (`InspectorAccessGranted`, `InspectorAccessRevoked`, stream `inspectorgrant-<id>`), so the timeline shows',
    '  who let whom in, when and why. Outside an active window the inspector gets 404 like any stranger, and',
    '  `GET /partnerships` lists only the partnerships with an active grant. `GET .../inspector-grants` lists the grants',
    '  with their status (`pending`, `active`, `ended`, `revoked`).',
    '',
    '## Refusals',
    '',
    'Every 401, 403 and tenancy 404 of the guard is logged as one line at level warn, context `AccessRefused`:',
    '',
    '```',
    'access-refused {"status":403,"reason":"outside-agency-scope","sub":"lead@icb.example","roles":["agency-lead"],"agency":"<agency id>","method":"POST","path":"/api/v1/partnerships/<pid>/actions/<aid>/start","operation":"action.deliver"}',
    '```',
    '',
    'Reasons: `no-token`, `invalid-token` (401); `not-a-member`, `no-active-grant`, `partnership-not-found`,',
    '`target-not-found` (404); `role-not-allowed`, `agency-claim-required`, `outside-agency-scope`, `operation-not-declared` (403). The line',
    'holds ids and codes only — never the token or the body. The response is less precise on purpose: every',
    'tenancy refusal is the same 404 `not-found`.',
    '',
    '## Declaring a new route',
    '',
    "Every route names its operation, either with `@Permit('<operation>')` on the handler (preferred; import it",
    'from `apps/api/src/auth/access.decorators.ts`) or with a line in `apps/api/src/auth/route-operations.ts`. A new',
    'kind of operation is a new entry in `OPERATIONS` (libs/identity/src/permissions.ts) with its roles and reason;',
    'then regenerate this file. A route that names no operation is refused to everyone (403 `operation-not-declared`,',
    'fail closed), and `test/roles-matrix.e2e.spec.ts` fails for it.',
    '',
  ].join('\n');
}
