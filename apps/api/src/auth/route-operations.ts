import { isOperationName, type OperationName } from '@ledger/identity';

/**
 * Which operation of the role matrix (libs/identity/src/permissions.ts) each route is. The key is
 * `METHOD /path` below `/api/v1`, with path parameters as in the OpenAPI document (`{pid}`).
 * A route may instead carry `@Permit('operation')` on its handler, which wins over this table.
 * test/roles-matrix.e2e.spec.ts fails for any route of the OpenAPI document that has neither.
 */
const P = '/partnerships/{pid}';
const A = `${P}/actions/{aid}`;
const C = `${P}/challenges/{cid}`;

const reads = (...paths: string[]) => paths.map((path) => [`GET ${path}`, 'partnership.read'] as const);
const posts = (operation: OperationName, ...paths: string[]) => paths.map((path) => [`POST ${path}`, operation] as const);

export const ROUTE_OPERATIONS: Readonly<Record<string, OperationName>> = Object.fromEntries([
  ['GET /partnerships', 'partnership.list'],
  ['POST /partnerships', 'partnership.register'],
  ...reads(P, `${P}/agencies`, `${P}/action-plan`, `${P}/integrity`, `${P}/timeline`, `${P}/changes`, `${P}/lineage`),
  ...reads(...['agency-accountability', 'cycle-times', 'themes', 'enablers', 'timeliness'].map((name) => `${P}/analytics/${name}`)),
  ...reads(
    ...['sources/{sid}', 'recommendations/{rid}', 'actions/{aid}', 'challenges/{cid}'].flatMap((item) => [
      `${P}/${item}`,
      `${P}/${item}/history`,
    ]),
  ),
  ...reads(...['sources', 'recommendations', 'actions', 'challenges'].map((list) => `${P}/${list}`)),
  ...posts('partnership.configure', `${P}/agencies`),
  ['GET /partnerships/{pid}/inspector-grants', 'inspector-grant.read'],
  ...posts('inspector-grant.manage', `${P}/inspector-grants`, `${P}/inspector-grants/{gid}/revoke`),
  ...posts('source.record', `${P}/sources`, `${P}/sources/{sid}/findings`, `${P}/sources/{sid}/milestones`, `${P}/sources/{sid}/close`),
  ...posts('recommendation.make', `${P}/recommendations`),
  ...posts('recommendation.respond', `${P}/recommendations/{rid}/responses`),
  ...posts('action.propose', `${P}/actions`),
  ...posts('action.agree', `${A}/agree`),
  ...posts(
    'action.deliver',
    ...['start', 'pause', 'resume', 'progress-updates', 'target-date-revisions', 'evidence', 'claim-completion'].map((v) => `${A}/${v}`),
  ),
  ...posts(
    'action.assure',
    ...['verify-completion', 'return-completion', 'assure-impact', 'record-impact-not-demonstrated', 'close'].map((v) => `${A}/${v}`),
  ),
  ...posts('action.redirect', `${A}/cancel`, `${A}/reopen`, `${A}/supersede`),
  ...posts('challenge.raise', `${P}/challenges`),
  ...posts('challenge.answer', `${C}/acknowledge`, `${C}/respond`),
  ...posts('challenge.link-action', `${C}/linked-actions`),
  ...posts('challenge.judge', `${C}/accept-response`, `${C}/reject-response`, `${C}/resolve`, `${C}/close`),
  ...posts('challenge.escalate', `${C}/escalate`, `${C}/withdraw`),
]);

/** `POST /partnerships/{pid}/actions/{aid}/agree` from an Express route path (`/api/v1/partnerships/:pid/...`). */
export function routeKey(method: string, expressPath: string): string {
  const path = expressPath.replace(/^\/api\/v1(?=\/)/, '').replace(/:(\w+)/g, '{$1}');
  return `${method.toUpperCase()} ${path}`;
}

/**
 * The operation a route of the OpenAPI document declares: its `x-ledger-operation` (from `@Permit`)
 * or its line in ROUTE_OPERATIONS; undefined when it declares none.
 */
export function declaredOperation(method: string, template: string, extension?: unknown): OperationName | undefined {
  if (typeof extension === 'string' && isOperationName(extension)) return extension;
  return ROUTE_OPERATIONS[`${method.toUpperCase()} ${template}`];
}
