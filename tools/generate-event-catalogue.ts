/**
 * Renders docs/event-catalogue.md from the code, so the catalogue cannot drift:
 * - event types and written schema versions come from each context's exported lists
 *   (`*_EVENT_TYPES`, `*_SCHEMA_VERSIONS`, `*_EVENT_SCHEMAS`) through the @ledger/* aliases;
 * - data fields come from real events: each context's domain fixtures (test code, deliberately
 *   not part of any lib's public index, hence the relative imports) run through its decider;
 * - the read models that consume each event come from the projections' `canHandle`;
 * - the metadata envelope comes from one command run through the real CommandExecutor.
 * An event type with no example, or an example of an unknown type, stops the render.
 *
 * test/event-catalogue.unit.spec.ts compares the result with docs/event-catalogue.md;
 * `UPDATE_EVENT_CATALOGUE=1 npx jest test/event-catalogue.unit.spec.ts` rewrites the file.
 */
import {
  CommandExecutor,
  ImmediateProjectionProgress,
  InMemoryEventStore,
  fold,
  type Command,
  type Decider,
  type DomainEvent,
  type RecordedEvent,
} from '@ledger/event-sourcing';
import {
  PARTNERSHIP_EVENT_SCHEMAS,
  PARTNERSHIP_EVENT_TYPES,
  PARTNERSHIP_SCHEMA_VERSIONS,
  PartnershipCommands,
  partnershipDecider,
  partnershipStreamId,
  partnershipsProjection,
  INSPECTOR_GRANT_EVENT_SCHEMAS,
  INSPECTOR_GRANT_EVENT_TYPES,
  INSPECTOR_GRANT_SCHEMA_VERSIONS,
  inspectorGrantDecider,
  inspectorGrantStreamId,
  inspectorGrantsProjection,
} from '@ledger/partnership';
import {
  ACTION_EVENT_SCHEMAS,
  ACTION_EVENT_TYPES,
  CURRENT_ACTION_SCHEMA_VERSIONS,
  RECOMMENDATION_EVENT_TYPES,
  RECOMMENDATION_SCHEMA_VERSIONS,
  SOURCE_EVENT_TYPES,
  SOURCE_SCHEMA_VERSIONS,
  actionDecider,
  actionStreamId,
  actionsProjection,
  recommendationDecider,
  recommendationStreamId,
  recommendationsProjection,
  sourceDecider,
  sourceStreamId,
  sourcesProjection,
} from '@ledger/learning';
import {
  CHALLENGE_EVENT_SCHEMAS,
  CHALLENGE_EVENT_TYPES,
  CHALLENGE_SCHEMA_VERSIONS,
  challengeDecider,
  challengeStreamId,
  challengesProjection,
} from '@ledger/challenge';
import * as partnership from '../libs/partnership/src/domain/partnership.fixtures';
import * as grant from '../libs/partnership/src/domain/inspector-grant/inspector-grant.fixtures';
import * as source from '../libs/learning/src/domain/source/test/source.fixtures';
import * as recommendation from '../libs/learning/src/domain/recommendation/test/recommendation.fixtures';
import * as action from '../libs/learning/src/domain/action/action.fixtures';
import * as challenge from '../libs/challenge/src/domain/challenge.fixtures';
import {
  PEOPLE_EVENT_SCHEMAS,
  PEOPLE_SCHEMA_VERSIONS,
  PERSON_EVENT_TYPES,
  REDACTION_EVENT_TYPES,
  personDecider,
  personStreamId,
  redactionDecider,
  redactionStreamId,
} from '@ledger/people';
import * as people from '../libs/people/src/domain/people.fixtures';

/** One aggregate as the catalogue shows it. */
export interface CatalogueAggregate {
  readonly context: string;
  readonly aggregate: string;
  /** The stream name pattern, e.g. `action-<actionId>`. */
  readonly stream: string;
  readonly eventTypes: readonly string[];
  /** The schema version each type is written with today. */
  readonly versions: Readonly<Record<string, number>>;
  /** Every stored schema the upcasters read (`Type.vN`), when the context exports the list. */
  readonly readableSchemas?: readonly string[];
  /** Example events, as the decider emits them. */
  readonly examples: () => readonly DomainEvent[];
}

/** Given these events, when this command: what the decider emits. */
type Case<C extends Command, E extends DomainEvent> = readonly [given: readonly E[], when: C];

function decided<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>, cases: readonly Case<C, E>[]): E[] {
  return cases.flatMap(([given, when]) => [...decider.decide(when, fold(decider, given))]);
}

const a = action;
const c = challenge;
const h = challenge.HISTORIES;

export const LEDGER_AGGREGATES: readonly CatalogueAggregate[] = [
  {
    context: 'Partnership',
    aggregate: 'Partnership',
    stream: partnershipStreamId('<partnershipId>'),
    eventTypes: PARTNERSHIP_EVENT_TYPES,
    versions: PARTNERSHIP_SCHEMA_VERSIONS,
    readableSchemas: PARTNERSHIP_EVENT_SCHEMAS,
    examples: () => {
      const registered = [partnership.registered()];
      return decided(partnershipDecider, [
        [[], partnership.register()],
        [registered, partnership.addAgency()],
        [registered, partnership.establishSubgroup()],
        [registered, partnership.publishThemes()],
      ]);
    },
  },
  {
    context: 'Partnership',
    aggregate: 'InspectorGrant',
    stream: inspectorGrantStreamId('<grantId>'),
    eventTypes: INSPECTOR_GRANT_EVENT_TYPES,
    versions: INSPECTOR_GRANT_SCHEMA_VERSIONS,
    readableSchemas: INSPECTOR_GRANT_EVENT_SCHEMAS,
    examples: () =>
      decided(inspectorGrantDecider, [
        [[], grant.grantInspectorAccess()],
        [[grant.accessGranted()], grant.revokeInspectorAccess()],
      ]),
  },
  {
    context: 'Learning',
    aggregate: 'LearningSource',
    stream: sourceStreamId('<sourceId>'),
    eventTypes: SOURCE_EVENT_TYPES,
    versions: SOURCE_SCHEMA_VERSIONS,
    examples: () => {
      const recorded = [source.sourceRecorded()];
      return decided(sourceDecider, [
        [[], source.recordSource()],
        [[], source.recordSource({ reference: undefined })],
        [recorded, source.recordFinding()],
        [recorded, source.recordMilestone('submitted-to-panel')],
        [recorded, source.closeSource()],
      ]);
    },
  },
  {
    context: 'Learning',
    aggregate: 'Recommendation',
    stream: recommendationStreamId('<recommendationId>'),
    eventTypes: RECOMMENDATION_EVENT_TYPES,
    versions: RECOMMENDATION_SCHEMA_VERSIONS,
    examples: () => {
      const made = [recommendation.recommendationMade()];
      return decided(recommendationDecider, [
        [[], recommendation.makeRecommendation()],
        [made, recommendation.respond()],
        [
          [...made, recommendation.recommendationResponded()],
          recommendation.respond({ decision: 'partially-accepted', reason: 'Regional protocol covers part of it' }),
        ],
      ]);
    },
  },
  {
    context: 'Learning',
    aggregate: 'Action',
    stream: actionStreamId('<actionId>'),
    eventTypes: ACTION_EVENT_TYPES,
    versions: CURRENT_ACTION_SCHEMA_VERSIONS,
    readableSchemas: ACTION_EVENT_SCHEMAS,
    examples: () =>
      decided(actionDecider, [
        [[], a.propose()],
        [[], a.propose({ owner: undefined })],
        [a.historyFor('proposed'), a.agree()],
        [a.historyFor('agreed'), a.start()],
        [a.historyFor('in-progress'), a.recordProgress()],
        [a.historyFor('in-progress'), a.reviseTargetDate()],
        [a.historyFor('in-progress'), a.attachEvidence()],
        [
          a.historyFor('in-progress'),
          a.attachEvidence({ uri: 'https://docs.example.org/p.pdf', sha256: 'ab'.repeat(32), effectiveFrom: '2025-04-01' }),
        ],
        [a.historyFor('in-progress'), a.pause()],
        [a.historyFor('paused'), a.resume()],
        [a.historyFor('in-progress'), a.claimCompletion()],
        [a.historyFor('completion-claimed'), a.verifyCompletion()],
        [a.historyFor('completion-claimed'), a.returnCompletion()],
        [a.historyFor('completion-verified'), a.assureImpact()],
        [a.historyFor('completion-verified'), a.assureImpact(null)],
        [a.historyFor('completion-verified'), a.recordImpactNotDemonstrated()],
        [a.historyFor('impact-assured'), a.close()],
        [a.historyFor('agreed'), a.cancel()],
        [a.historyFor('agreed'), a.supersede()],
        [a.historyFor('closed'), a.reopen()],
        [a.historyFor('closed'), a.disposeEvidence()],
      ]),
  },
  {
    context: 'Challenge',
    aggregate: 'Challenge',
    stream: challengeStreamId('<challengeId>'),
    eventTypes: CHALLENGE_EVENT_TYPES,
    versions: CHALLENGE_SCHEMA_VERSIONS,
    readableSchemas: CHALLENGE_EVENT_SCHEMAS,
    examples: () =>
      decided(challengeDecider, [
        [[], c.raise()],
        [h.raised, c.acknowledge()],
        [h.acknowledged, c.respond()],
        [h.responded, c.acceptResponse()],
        [h.responded, c.rejectResponse()],
        [h.raised, c.escalate('delegated-partner')],
        [h.escalated, c.escalate('lead-partner')],
        [h['response-accepted'], c.resolve()],
        [h.raised, c.withdraw()],
        [h.withdrawn, c.close()],
        [h.raised, c.linkAction()],
      ]),
  },
  {
    context: 'People',
    aggregate: 'Person',
    stream: personStreamId('<personId>'),
    eventTypes: PERSON_EVENT_TYPES,
    versions: PEOPLE_SCHEMA_VERSIONS,
    readableSchemas: PEOPLE_EVENT_SCHEMAS,
    examples: () =>
      decided(personDecider, [
        [[], people.registerPerson()],
        [[people.personRegistered()], people.forgetPerson()],
      ]),
  },
  {
    context: 'People',
    aggregate: 'RedactionRegister',
    stream: redactionStreamId('<partnershipId>'),
    eventTypes: REDACTION_EVENT_TYPES,
    versions: PEOPLE_SCHEMA_VERSIONS,
    readableSchemas: PEOPLE_EVENT_SCHEMAS,
    examples: () => decided(redactionDecider, [[[], people.redactField()]]),
  },
];

const PROJECTIONS: readonly { readonly name: string; readonly canHandle: readonly string[] }[] = [
  partnershipsProjection,
  sourcesProjection,
  recommendationsProjection,
  actionsProjection,
  challengesProjection,
  inspectorGrantsProjection,
];

/** The metadata envelope, described once; a key the code writes but this map lacks stops the render. */
const METADATA_FIELDS: Readonly<Record<string, string>> = {
  eventId: 'Globally unique; a retried append with the same ids is a no-op. Derived from the command id under an `Idempotency-Key`.',
  partnershipId: 'The tenant. Every stream belongs to exactly one partnership.',
  actor: '`userId`, the `role` acted in and, when the token names one, `agencyId`.',
  correlationId: 'From the `X-Correlation-Id` header when it is a UUID, otherwise new per request.',
  causationId: 'The command that caused the event; all events of one command share it (idempotency looks it up).',
  occurredAt: 'Business time: when it happened in the world (the body’s `occurredAt`, default now).',
  backdatedReason: 'Present when `occurredAt` is more than 5 minutes before record time: the body’s `reason`.',
  forum: 'The forum or decision reference the body named (`forum`), e.g. the subgroup that verified completion.',
  requestHash: 'SHA-256 of method, path and canonical body when the request carried an `Idempotency-Key`.',
};

/** The whole catalogue (async only because the metadata example runs a real command). */
export async function renderEventCatalogue(): Promise<string> {
  return renderCatalogue(LEDGER_AGGREGATES, await exampleRecordedEvent());
}

export function renderCatalogue(aggregates: readonly CatalogueAggregate[], recorded: RecordedEvent): string {
  const lines = [
    '# Event catalogue',
    '',
    '<!-- Generated from the code by tools/generate-event-catalogue.ts. Do not edit by hand:',
    '     UPDATE_EVENT_CATALOGUE=1 npx jest test/event-catalogue.unit.spec.ts -->',
    '',
    'Every event the ledger stores, by bounded context and aggregate. Each aggregate instance is one',
    'stream; an event is stored with its type name, the version of its stored JSON shape',
    '(`schema_version`), its data and the metadata envelope below. Stored events are never rewritten:',
    'a new shape gets a new version and an upcaster in the context’s `schemas/` (see',
    '[architecture.md](architecture.md#5-events-and-schemas)).',
    '',
    'Fields are taken from real events: the domain fixtures run through each decider. *JSON* lists the',
    'types seen across those examples (`null` means the field is stored explicitly as `null` when',
    'absent); *Example* is the first example’s value.',
    '',
    ...renderMetadata(recorded),
  ];
  for (const aggregate of aggregates) lines.push(...renderAggregate(aggregate));
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderMetadata(recorded: RecordedEvent): string[] {
  const lines = ['## Metadata (every event)', '', '| Key | Example | Meaning |', '| --- | --- | --- |'];
  for (const [key, value] of Object.entries(recorded.metadata)) {
    const meaning = METADATA_FIELDS[key];
    if (meaning === undefined)
      throw new Error(`event metadata key "${key}" has no description: add it to METADATA_FIELDS in tools/generate-event-catalogue.ts`);
    lines.push(`| \`${key}\` | ${code(value)} | ${meaning} |`);
  }
  lines.push(
    '',
    'The store adds `stream_id`, `stream_version` (1, 2, … per stream), `global_position`,',
    '`transaction_id`, `recorded_at` (record time) and `schema_version`. Optional keys are absent, not `null`.',
    '',
  );
  return lines;
}

function renderAggregate(aggregate: CatalogueAggregate): string[] {
  const examples = aggregate.examples();
  const known = new Set(aggregate.eventTypes);
  const stray = examples.find((event) => !known.has(event.type));
  if (stray) throw new Error(`${aggregate.aggregate}: an example is a ${stray.type}, which is not in its event type list`);
  const lines = [
    `## ${aggregate.context} › ${aggregate.aggregate}`,
    '',
    `Stream \`${aggregate.stream}\` · ${aggregate.eventTypes.length} event types`,
    '',
    '| Event | Written as | Read models |',
    '| --- | --- | --- |',
  ];
  for (const type of aggregate.eventTypes) {
    const version = aggregate.versions[type];
    if (version === undefined) throw new Error(`${type} has no schema version in ${aggregate.aggregate}'s schema version list`);
    const readers = PROJECTIONS.filter((projection) => projection.canHandle.includes(type)).map((projection) => `\`${projection.name}\``);
    lines.push(`| [${type}](#${type.toLowerCase()}) | \`${type}.v${version}\` | ${readers.join(', ') || '—'} |`);
  }
  lines.push('');
  for (const type of aggregate.eventTypes) {
    const samples = examples.filter((event) => event.type === type);
    if (samples.length === 0)
      throw new Error(`no example of ${type}: add a case for ${aggregate.aggregate} in tools/generate-event-catalogue.ts`);
    lines.push(`### ${type}`, '');
    const readable = aggregate.readableSchemas?.filter((schema) => schema.startsWith(`${type}.v`));
    if (readable && readable.length > 0) lines.push(`Stored schemas read: ${readable.map((schema) => `\`${schema}\``).join(', ')}.`, '');
    lines.push('| Field | JSON | Example |', '| --- | --- | --- |');
    for (const field of Object.keys(samples[0]!.data)) {
      const types = [...new Set(samples.map((sample) => jsonType((sample.data as Record<string, unknown>)[field])))].sort(nullLast);
      lines.push(`| \`${field}\` | ${types.join(' \\| ')} | ${code((samples[0]!.data as Record<string, unknown>)[field])} |`);
    }
    lines.push('');
  }
  return lines;
}

function nullLast(x: string, y: string): number {
  return Number(x === 'null') - Number(y === 'null');
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const inner = [...new Set(value.map(jsonType))];
    return inner.length === 1 ? `${inner[0]}[]` : 'array';
  }
  return typeof value === 'object' ? 'object' : typeof value;
}

function code(value: unknown): string {
  const text = JSON.stringify(value ?? null);
  const short = text.length > 70 ? `${text.slice(0, 67)}…` : text;
  return `\`${short.replace(/\|/g, '\\|')}\``;
}

/** One event as the store records it, from a real command through the executor (fixed time and ids). */
async function exampleRecordedEvent(): Promise<RecordedEvent> {
  const now = new Date('2025-03-10T09:00:00.000Z');
  const store = new InMemoryEventStore({ clock: () => now });
  const commands = new PartnershipCommands(new CommandExecutor(store, new ImmediateProjectionProgress()));
  await commands.register(
    {
      partnershipId: '',
      actor: { userId: 'user-business-unit-1', role: 'platform-admin', agencyId: partnership.COUNCIL_ID },
      now,
      occurredAt: new Date('2025-03-03T14:00:00.000Z'),
      reason: 'Entered from the board minutes',
      forum: 'Safeguarding partnership board, 2025-03-03',
      correlationId: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b01',
      idempotencyKey: 'catalogue-example',
      requestHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    },
    { name: 'Northshire Safeguarding Children Partnership', localAuthorities: ['Northshire County Council'] },
  );
  const [event] = (await store.readAll()).events;
  if (!event) throw new Error('the example command stored no event');
  return event;
}
