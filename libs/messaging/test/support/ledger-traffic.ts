import { randomUUID } from 'node:crypto';
import type { DomainEvent, EventStore, NewEvent } from '@ledger/event-sourcing';
import { challengeStreamId, type ChallengeEvent } from '@ledger/challenge';
import { actionStreamId, type ActionEvent } from '@ledger/learning';
import { partnershipStreamId, type PartnershipEvent } from '@ledger/partnership';

/** One stream's remaining script: the events it will append, in order. */
interface Script {
  readonly streamId: string;
  readonly events: DomainEvent[];
  version: bigint;
}

/** Synthetic only: random ids, organisational names, no person and no case detail. */
function actionScript(partnershipId: string, agencyId: string, index: number): Script {
  const actionId = randomUUID();
  const ref = { actionId };
  const targetDate = index % 8 < 4 ? '2024-01-31' : '2099-06-30';
  const open: ActionEvent[] = [
    {
      type: 'ActionProposed',
      data: {
        ...ref,
        partnershipId,
        recommendationIds: [randomUUID()],
        description: `Refresh multi-agency training ${index}`,
        leadAgencyId: agencyId,
        owner: index % 2 === 0 ? 'person-ref-0001' : null,
        targetDate,
        successMeasure: 'Repeat audit shows improvement',
      },
    },
    { type: 'ActionAgreed', data: ref },
    { type: 'ActionStarted', data: ref },
    { type: 'ProgressUpdated', data: { ...ref, updateId: randomUUID(), narrative: 'Two of five sessions delivered', rag: 'amber' } },
    {
      type: 'EvidenceAttached',
      data: {
        ...ref,
        evidenceId: randomUUID(),
        title: 'Training register',
        kind: 'training',
        uri: null,
        sha256: null,
        describesImpact: true,
        effectiveFrom: null,
        retentionClass: 'standard',
        retentionFrom: '2024-01-01',
      },
    },
  ];
  const completed: ActionEvent[] = [
    {
      type: 'TargetDateRevised',
      data: {
        ...ref,
        reason: 'Trainer availability',
        previousTargetDate: targetDate,
        newTargetDate: '2099-09-30',
        originalTargetDate: targetDate,
      },
    },
    { type: 'CompletionClaimed', data: ref },
    { type: 'CompletionVerified', data: ref },
  ];
  const scripts: ActionEvent[][] = [
    open.slice(0, 1 + (Math.floor(index / 4) % open.length)),
    [...open, ...completed, { type: 'ImpactAssured', data: { ...ref, method: 'repeat audit' } }, { type: 'ActionClosed', data: ref }],
    [...open.slice(0, 2), { type: 'ActionCancelled', data: { ...ref, reason: 'Replaced by the regional protocol' } }],
    [...open, ...completed],
  ];
  return { streamId: actionStreamId(actionId), events: scripts[index % scripts.length]!, version: 0n };
}

function challengeScript(partnershipId: string, agencyId: string, index: number): Script {
  const challengeId = randomUUID();
  const id = { challengeId };
  const events: ChallengeEvent[] = [
    {
      type: 'ChallengeRaised',
      data: {
        ...id,
        partnershipId,
        toAgencyId: agencyId,
        subject: 'Attendance at strategy discussions',
        detail: 'Below the agreed standard',
        responseDueDate: '2025-04-07',
      },
    },
    { type: 'ChallengeAcknowledged', data: id },
    ...(index % 2 === 0
      ? ([
          { type: 'ChallengeResponded', data: { ...id, response: 'Rota revised' } },
          { type: 'ChallengeResponseAccepted', data: id },
          { type: 'ChallengeResolved', data: { ...id, outcome: 'Attendance above 90%' } },
        ] as const)
      : ([
          {
            type: 'ChallengeEscalated',
            data: { ...id, level: 'delegated-partner', fromLevel: null, reason: 'No response by the due date' },
          },
        ] as const)),
  ];
  return { streamId: challengeStreamId(challengeId), events: events.slice(0, 1 + (index % events.length)), version: 0n };
}

/**
 * Realistic appends for one partnership: its registration and agencies, then actions and
 * challenges advancing one event per append, interleaved across streams. Remembers what it
 * appended, per stream in order, for the delivery checks.
 */
export class LedgerTraffic {
  readonly partnershipId = randomUUID();
  readonly agencyIds = [randomUUID(), randomUUID(), randomUUID()];
  /** Event ids per stream, in stream order. */
  readonly appended = new Map<string, string[]>();
  private readonly live: Script[] = [];
  private next = 0;
  private created = 0;

  constructor(private readonly liveStreams = 40) {}

  get count(): number {
    return [...this.appended.values()].reduce((sum, ids) => sum + ids.length, 0);
  }

  /** The partnership stream: registration and three agencies, in one append. */
  async appendSetup(store: EventStore): Promise<void> {
    const pid = this.partnershipId;
    const events: PartnershipEvent[] = [
      {
        type: 'PartnershipRegistered',
        data: { partnershipId: pid, name: 'Northshire Safeguarding Children Partnership', localAuthorities: ['Northshire County Council'] },
      },
      ...this.agencyIds.map((agencyId, i): PartnershipEvent => ({
        type: 'AgencyAdded',
        data: { partnershipId: pid, agencyId, name: `Agency ${i + 1}`, kind: i === 0 ? 'police' : 'health' },
      })),
      { type: 'ThemeListPublished', data: { partnershipId: pid, taxonomyVersion: 1, themes: ['information-sharing'] } },
    ];
    await this.append(store, { streamId: partnershipStreamId(pid), events, version: 0n }, events.length);
  }

  /** `count` more events, one per append (each a single-event transaction), round robin over live streams. */
  async appendNext(store: EventStore, count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.appendOne(store);
  }

  async appendOne(store: EventStore): Promise<void> {
    while (this.live.length < this.liveStreams) this.live.push(this.newScript());
    const index = this.next++ % this.live.length;
    const script = this.live[index]!;
    await this.append(store, script, 1);
    if (script.events.length === 0) this.live[index] = this.newScript();
  }

  private newScript(): Script {
    const n = this.created++;
    const agencyId = this.agencyIds[Math.floor(n / 3) % this.agencyIds.length]!;
    return n % 3 === 2 ? challengeScript(this.partnershipId, agencyId, n) : actionScript(this.partnershipId, agencyId, n);
  }

  private async append(store: EventStore, script: Script, count: number): Promise<void> {
    const events = script.events.splice(0, count).map((event) => this.newEvent(event));
    const result = await store.appendToStream(script.streamId, script.version === 0n ? 'no-stream' : script.version, events);
    script.version = result.nextExpectedVersion;
    const ids = this.appended.get(script.streamId) ?? [];
    ids.push(...events.map((event) => event.metadata.eventId));
    this.appended.set(script.streamId, ids);
  }

  private newEvent(event: DomainEvent): NewEvent {
    const now = new Date().toISOString();
    return {
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(),
        partnershipId: this.partnershipId,
        actor: { userId: 'user-relay-test', role: 'partnership-admin', agencyId: this.agencyIds[0]! },
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: now,
      },
    };
  }
}
