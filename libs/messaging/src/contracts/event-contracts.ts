import type { RecordedEvent } from '@ledger/event-sourcing';

/** One published contract, as each context defines it (see libs/<context>/src/contracts). */
export interface ContractDefinition {
  readonly version: number;
  readonly description: string;
  /** JSON Schema of each property of the contract's `data`; every one is required. */
  readonly properties: Readonly<Record<string, object>>;
  /** Every domain field the contract leaves out, with the reason. */
  readonly omitted: Readonly<Record<string, string>>;
}

/** A domain event as it goes on the bus: contract type (= domain type), contract version, data. */
export interface IntegrationEvent {
  readonly type: string;
  readonly version: number;
  readonly data: object;
}

/** A context's contracts: definitions per domain event type, and the explicit mapper. */
export interface ContextContracts {
  readonly context: string;
  readonly definitions: Readonly<Record<string, ContractDefinition>>;
  map(event: RecordedEvent): IntegrationEvent;
}

/** A stored event no context claims: the relay stops on it rather than skip it. */
export class UnmappedEventType extends Error {
  constructor(
    readonly eventType: string,
    readonly eventId: string,
  ) {
    super(
      `event ${eventId} is a ${eventType}, which no integration-event contract maps: deploy a relay that knows it (nothing after it is published until then)`,
    );
    this.name = 'UnmappedEventType';
  }
}

/** The contract mapper misbehaved: its answer is not the contract it declares. */
export class ContractMismatch extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractMismatch';
  }
}

/**
 * Every context's contracts behind one `map`: routes a stored event to the context that claims
 * its type and refuses, loudly, a type nobody claims or that two contexts claim.
 */
export class EventContracts {
  private readonly owners = new Map<string, ContextContracts>();

  constructor(readonly contexts: readonly ContextContracts[]) {
    for (const context of contexts) {
      for (const type of Object.keys(context.definitions)) {
        const other = this.owners.get(type);
        if (other) throw new ContractMismatch(`${type} is claimed by both ${other.context} and ${context.context}`);
        this.owners.set(type, context);
      }
    }
  }

  /** Every domain event type with a contract. */
  get eventTypes(): readonly string[] {
    return [...this.owners.keys()];
  }

  definitionOf(type: string): ContractDefinition | undefined {
    return this.owners.get(type)?.definitions[type];
  }

  map(event: RecordedEvent): IntegrationEvent {
    const context = this.owners.get(event.type);
    if (!context) throw new UnmappedEventType(event.type, event.metadata.eventId);
    const contract = context.map(event);
    const definition = context.definitions[event.type];
    if (contract.type !== event.type || contract.version !== definition?.version) {
      throw new ContractMismatch(
        `${context.context} mapped ${event.type} to ${contract.type}.v${contract.version}, not the declared v${definition?.version}`,
      );
    }
    return contract;
  }
}
