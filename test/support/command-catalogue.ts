import type { Seed } from './seed';

/**
 * Every command route (POST) of the HTTP API (DESIGN §5, plus the source milestones/close and the
 * action supersede routes the API also serves), each with a body the DTO accepts for a Seed and
 * the shape of each field, so tests can generate refusals route by route.
 * `tenancy-and-roles.e2e.spec.ts` checks that the OpenAPI document has no POST route missing here.
 */

/** The shape of a body field; each kind has wrong values in `WRONG_VALUES`. */
export type FieldKind = 'text' | 'text[]' | 'uuid' | 'uuid[]' | 'date' | 'instant' | 'boolean' | 'uri' | 'sha256' | 'enum' | 'enablers';

/** Who may run the route: a platform admin, a partnership admin, or any writer role. */
export type Audience = 'platform' | 'admin' | 'writer';

export interface CommandRoute {
  /** e.g. `actions/agree`. */
  readonly name: string;
  readonly method: 'post';
  /** The OpenAPI path below `/api/v1`, e.g. `/partnerships/{pid}/actions/{aid}/agree`. */
  readonly template: string;
  readonly path: (seed: Seed, ids?: PathIds) => string;
  readonly body: (seed: Seed) => Record<string, unknown>;
  readonly requiredFields: readonly string[];
  readonly fieldTypes: Readonly<Record<string, FieldKind>>;
  readonly audience: Audience;
}

/** Path parameter names of the API and the Seed ids they take. */
export const PATH_PARAMS = {
  pid: 'partnershipId',
  sid: 'sourceId',
  rid: 'recommendationId',
  aid: 'actionId',
  cid: 'challengeId',
  gid: 'grantId',
  personId: 'personId',
} as const satisfies Record<string, keyof Seed>;
export type PathParam = keyof typeof PATH_PARAMS;
export type PathIds = Partial<Record<PathParam, string>>;

/** Fills `{pid}`, `{aid}`… from the seed, or from `ids` where given. */
export function fillPath(template: string, seed: Seed, ids: PathIds = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in PATH_PARAMS)) throw new Error(`unknown path parameter {${name}} in ${template}`);
    const param = name as PathParam;
    return ids[param] ?? seed[PATH_PARAMS[param]];
  });
}

/** The path parameters of a template, e.g. ['pid', 'aid']. */
export function pathParams(template: string): PathParam[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as PathParam);
}

/** Fields every command body may carry (DESIGN §5: business time, forum; reason where optional). */
const BUSINESS_TIME = { occurredAt: 'instant', forum: 'text' } as const satisfies Record<string, FieldKind>;
const WITH_REASON = { ...BUSINESS_TIME, reason: 'text' } as const satisfies Record<string, FieldKind>;

interface Spec {
  readonly body?: (seed: Seed) => Record<string, unknown>;
  readonly required?: readonly string[];
  readonly fields?: Readonly<Record<string, FieldKind>>;
  readonly audience?: Audience;
}

function route(template: string, spec: Spec = {}): CommandRoute {
  return {
    name: template.replace(/^\/partnerships(\/\{pid\})?\/?/, '').replace(/\/\{\w+\}/g, '') || 'partnerships',
    method: 'post',
    template,
    path: (seed, ids) => fillPath(template, seed, ids),
    body: spec.body ?? (() => ({})),
    requiredFields: spec.required ?? [],
    fieldTypes: { ...WITH_REASON, ...spec.fields },
    audience: spec.audience ?? 'writer',
  };
}

/** A command with no fields of its own (`{occurredAt?, reason?, forum?}`). */
const bare = (template: string) => route(template);
/** A command whose reason is required. */
const reasoned = (template: string) =>
  route(template, { body: () => ({ reason: 'The subgroup agreed this on review.' }), required: ['reason'] });

const A = '/partnerships/{pid}/actions/{aid}';
const C = '/partnerships/{pid}/challenges/{cid}';

export const COMMAND_CATALOGUE: readonly CommandRoute[] = [
  route('/partnerships', {
    audience: 'platform',
    body: () => ({ name: 'Southshire Safeguarding Children Partnership', localAuthorities: ['Southshire Council'] }),
    required: ['name', 'localAuthorities'],
    fields: { name: 'text', localAuthorities: 'text[]' },
  }),
  route('/partnerships/{pid}/agencies', {
    audience: 'admin',
    body: () => ({ name: 'Northshire Education Service', kind: 'education' }),
    required: ['name', 'kind'],
    fields: { name: 'text', kind: 'enum' },
  }),
  route('/partnerships/{pid}/sources', {
    body: () => ({ kind: 'lcspr', title: 'LCSPR 2025-02', reference: 'LCSPR-2025-02' }),
    required: ['kind', 'title'],
    fields: { kind: 'enum', title: 'text', reference: 'text' },
  }),
  route('/partnerships/{pid}/sources/{sid}/findings', {
    body: () => ({
      summary: 'Escalation routes were not used.',
      themes: ['escalation'],
      enablers: ['leadership-and-challenge'],
      goodPractice: false,
    }),
    required: ['summary', 'themes', 'enablers'],
    fields: { summary: 'text', themes: 'text[]', enablers: 'enablers', goodPractice: 'boolean' },
  }),
  route('/partnerships/{pid}/sources/{sid}/milestones', {
    body: () => ({ milestone: 'submitted-to-panel' }),
    required: ['milestone'],
    fields: { milestone: 'text' },
  }),
  bare('/partnerships/{pid}/sources/{sid}/close'),
  route('/partnerships/{pid}/recommendations', {
    body: (s) => ({
      sourceId: s.sourceId,
      findingIds: [s.findingId],
      number: '2',
      text: 'Agencies should use the escalation policy.',
      addresseeAgencyIds: [s.agencyId, s.otherAgencyId],
      scope: 'local',
    }),
    required: ['sourceId', 'findingIds', 'text', 'addresseeAgencyIds', 'scope'],
    fields: { sourceId: 'uuid', findingIds: 'uuid[]', number: 'text', text: 'text', addresseeAgencyIds: 'uuid[]', scope: 'enum' },
  }),
  route('/partnerships/{pid}/recommendations/{rid}/responses', {
    // partially-accepted makes `reason` required too (DESIGN §5).
    body: () => ({ decision: 'partially-accepted', reason: 'The protocol is regional; we adopt the local part.' }),
    required: ['decision', 'reason'],
    fields: { decision: 'enum' },
  }),
  route('/partnerships/{pid}/actions', {
    body: (s) => ({
      recommendationIds: [s.recommendationId],
      description: 'Train front-line staff on the protocol.',
      leadAgencyId: s.otherAgencyId,
      owner: 'Designated nurse',
      targetDate: '2027-06-30',
      successMeasure: '90% of staff trained.',
    }),
    required: ['recommendationIds', 'description', 'leadAgencyId', 'targetDate', 'successMeasure'],
    fields: {
      recommendationIds: 'uuid[]',
      description: 'text',
      leadAgencyId: 'uuid',
      owner: 'text',
      targetDate: 'date',
      successMeasure: 'text',
    },
  }),
  ...['agree', 'start', 'pause', 'resume', 'claim-completion', 'verify-completion', 'assure-impact', 'close'].map((verb) =>
    bare(`${A}/${verb}`),
  ),
  ...['return-completion', 'record-impact-not-demonstrated', 'cancel', 'reopen'].map((verb) => reasoned(`${A}/${verb}`)),
  route(`${A}/supersede`, {
    body: (s) => ({ successorActionId: s.actionId, reason: 'Merged into the wider action.' }),
    required: ['successorActionId', 'reason'],
    fields: { successorActionId: 'uuid' },
  }),
  route(`${A}/progress-updates`, {
    body: () => ({ narrative: 'Draft protocol circulated.', rag: 'amber' }),
    required: ['narrative', 'rag'],
    fields: { narrative: 'text', rag: 'enum' },
  }),
  route(`${A}/target-date-revisions`, {
    body: () => ({ newTargetDate: '2027-09-30', reason: 'Awaiting the regional protocol.' }),
    required: ['newTargetDate', 'reason'],
    fields: { newTargetDate: 'date' },
  }),
  route(`${A}/evidence`, {
    body: () => ({
      title: 'Training register',
      kind: 'training',
      uri: 'https://intranet.example/register.pdf',
      sha256: 'a'.repeat(64),
      describesImpact: false,
      effectiveFrom: '2026-01-15',
    }),
    required: ['title', 'kind', 'describesImpact'],
    fields: {
      title: 'text',
      kind: 'enum',
      uri: 'uri',
      sha256: 'sha256',
      describesImpact: 'boolean',
      effectiveFrom: 'date',
    },
  }),
  route('/partnerships/{pid}/challenges', {
    body: (s) => ({
      toAgencyId: s.otherAgencyId,
      subject: 'Health attendance at ICPCs',
      detail: 'The board asks for attendance figures.',
      responseDueDate: '2027-02-28',
    }),
    required: ['toAgencyId', 'subject', 'detail', 'responseDueDate'],
    fields: { toAgencyId: 'uuid', subject: 'text', detail: 'text', responseDueDate: 'date' },
  }),
  route(`${C}/linked-actions`, { body: (s) => ({ actionId: s.actionId }), required: ['actionId'], fields: { actionId: 'uuid' } }),
  ...['acknowledge', 'accept-response', 'close'].map((verb) => bare(`${C}/${verb}`)),
  route(`${C}/respond`, {
    body: () => ({ response: 'Attendance is now monitored monthly.' }),
    required: ['response'],
    fields: { response: 'text' },
  }),
  ...['reject-response', 'withdraw'].map((verb) => reasoned(`${C}/${verb}`)),
  route(`${C}/escalate`, {
    body: () => ({ level: 'lead-partner', reason: 'No response by the due date.' }),
    required: ['level', 'reason'],
    fields: { level: 'enum' },
  }),
  route('/partnerships/{pid}/inspector-grants', {
    audience: 'admin',
    body: () => ({
      inspectorId: 'inspector@example.gov.uk',
      from: new Date(Date.now() - 3_600_000).toISOString(),
      until: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      reason: 'JTAI fieldwork',
    }),
    required: ['inspectorId', 'from', 'until', 'reason'],
    fields: { inspectorId: 'text', from: 'instant', until: 'instant' },
  }),
  route('/partnerships/{pid}/inspector-grants/{gid}/revoke', {
    audience: 'admin',
    body: () => ({ reason: 'Fieldwork finished early.' }),
    required: ['reason'],
  }),
  route(`${C}/resolve`, {
    body: () => ({ outcome: 'Attendance audit shows improvement.' }),
    required: ['outcome'],
    fields: { outcome: 'text' },
  }),
  route('/partnerships/{pid}/people', {
    audience: 'admin',
    body: (s) => ({
      name: 'Sam Example',
      email: 'sam.example@example.org',
      phone: '020 7946 0000',
      role: 'Designated nurse',
      agencyId: s.agencyId,
    }),
    required: ['name'],
    fields: { name: 'text', email: 'text', phone: 'text', role: 'text', agencyId: 'uuid' },
  }),
  route('/partnerships/{pid}/people/{personId}/forget', {
    audience: 'admin',
    body: () => ({ reason: 'Left the partnership and asked to be forgotten.' }),
    required: ['reason'],
  }),
  route('/partnerships/{pid}/redactions', {
    audience: 'admin',
    body: (s) => ({
      itemKind: 'action',
      itemId: s.actionId,
      eventId: '3f0b1c9e-6a55-4c0e-9d8a-2f1f4b7c8d9e',
      field: 'description',
      reason: 'The text named a member of staff.',
    }),
    required: ['eventId', 'field', 'reason'],
    fields: { streamId: 'text', itemKind: 'enum', itemId: 'uuid', eventId: 'uuid', field: 'text' },
  }),
];

/**
 * POST routes whose body is not JSON, so the JSON refusals of COMMAND_CATALOGUE do not apply;
 * each has its own bad-input tests. The tenancy walk still covers them (404 to strangers, 403 to read-only roles).
 */
export const UPLOAD_ROUTES: readonly { readonly template: string; readonly reason: string }[] = [
  { template: '/partnerships/{pid}/imports/action-plan', reason: 'a raw CSV or XLSX body (test/exports-imports.e2e.spec.ts)' },
];

/** A wrong value for a field, and what else the body needs so that only this field is at fault. */
export interface WrongValue {
  readonly label: string;
  readonly value: unknown;
  readonly patch?: Record<string, unknown>;
}

const ENTERED_LATE = { reason: 'Entered late from the minutes.' };

const ANY_UUID = '3f0b1c9e-6a55-4c0e-9d8a-2f1f4b7c8d9e';
const NUMBER: WrongValue = { label: 'a number', value: 42 };

export const WRONG_VALUES: Readonly<Record<FieldKind, readonly WrongValue[]>> = {
  text: [
    { label: 'a number for a string', value: 42 },
    { label: 'an array for a string', value: ['text'] },
  ],
  'text[]': [
    { label: 'a string for an array', value: 'text' },
    { label: 'a number in the array', value: [42] },
  ],
  uuid: [{ label: 'a non-uuid', value: 'not-a-uuid' }, NUMBER],
  'uuid[]': [
    { label: 'a string for an array', value: ANY_UUID },
    { label: 'a non-uuid in the array', value: ['not-a-uuid'] },
  ],
  date: [
    { label: 'an impossible date', value: '2025-02-30' },
    { label: 'month 13', value: '2025-13-01' },
    { label: 'an instant', value: '2025-01-01T00:00:00Z' },
    NUMBER,
  ],
  instant: [
    { label: 'words', value: 'yesterday' },
    { label: 'no zone', value: '2025-03-02T10:00:00', patch: ENTERED_LATE },
    // BUG: the DTO checks only the shape, and `new Date()` rolls 30 February over to 2 March.
    { label: 'an impossible date', value: '2025-02-30T10:00:00Z', patch: ENTERED_LATE },
    NUMBER,
  ],
  boolean: [
    { label: 'an object for a boolean', value: {} },
    { label: 'a string for a boolean', value: 'true' },
  ],
  uri: [{ label: 'not a URI', value: 'not a uri' }],
  sha256: [{ label: 'not 64 hex characters', value: 'xyz' }],
  enum: [{ label: 'a value not in the enum', value: 'not-a-value' }, NUMBER],
  enablers: [
    { label: 'a string for an array', value: 'resourcing' },
    { label: 'a value not in the enum', value: ['not-an-enabler'] },
  ],
};
