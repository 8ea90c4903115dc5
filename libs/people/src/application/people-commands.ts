import {
  newIdFor,
  NotFound,
  UnknownReference,
  type CommandContext,
  type CommandExecutor,
  type CommandOutcome,
  type EventStore,
} from '@ledger/event-sourcing';
import { sealPersonDetails, type PersonDetails } from '../crypto/envelope-cipher';
import type { PersonKeyStore } from '../keys/person-key-store';
import type { PersonCommand } from '../domain/person/person.commands';
import { personDecider, personStreamId } from '../domain/person/person.decider';
import type { PeopleAgencyDirectory } from './people-ports';

export interface RegisterPersonBody extends PersonDetails {
  readonly agencyId?: string;
}

/**
 * Commands of the people registry. Registering makes the person's data key first and puts only
 * ciphertext in the log; forgetting records PersonForgotten, then destroys the key. If the process
 * stops between the two, the event already makes every view show the person as erased, and
 * running forget again (CLI) destroys the key without a second event.
 */
export class PeopleCommands {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly keys: PersonKeyStore,
    private readonly agencies: PeopleAgencyDirectory,
  ) {}

  async register(context: CommandContext, body: RegisterPersonBody): Promise<CommandOutcome> {
    const partnershipId = context.partnershipId;
    if (body.agencyId !== undefined && !(await this.agencies.agencies(partnershipId)).has(body.agencyId)) {
      throw new UnknownReference('agencyId', body.agencyId);
    }
    const personId = newIdFor(context, 'person');
    const details: PersonDetails = {
      name: body.name.trim(),
      ...(body.email ? { email: body.email } : {}),
      ...(body.phone ? { phone: body.phone } : {}),
      ...(body.role ? { role: body.role } : {}),
    };
    const dataKey = await this.keys.create(personId, partnershipId);
    const ciphertext = sealPersonDetails(dataKey, personId, details);
    return this.run(context, personId, true, {
      type: 'RegisterPerson',
      data: { partnershipId, personId, agencyId: body.agencyId ?? null, ciphertext },
    });
  }

  async forget(context: CommandContext, personId: string, reason: string): Promise<CommandOutcome> {
    const outcome = await this.run(context, personId, false, { type: 'ForgetPerson', data: { personId, reason } });
    await this.keys.destroy(personId);
    return outcome;
  }

  /**
   * The CLI's forget: the partnership comes from the person's stream. A person already forgotten
   * whose key somehow survived has the key destroyed now; answers what happened.
   */
  async forgetAnywhere(
    context: Omit<CommandContext, 'partnershipId'>,
    personId: string,
    reason: string,
  ): Promise<{ readonly partnershipId: string; readonly outcome: CommandOutcome | null; readonly keyDestroyed: boolean }> {
    const stream = await this.store.readStream(personStreamId(personId));
    const first = stream[0];
    if (!first) throw new NotFound('person', personId);
    const partnershipId = first.metadata.partnershipId;
    const forgotten = stream.some((event) => event.type === 'PersonForgotten');
    const outcome = forgotten
      ? null
      : await this.run({ ...context, partnershipId }, personId, false, { type: 'ForgetPerson', data: { personId, reason } });
    const keyDestroyed = await this.keys.destroy(personId);
    return { partnershipId, outcome, keyDestroyed };
  }

  private run(
    context: CommandContext,
    personId: string,
    creates: boolean,
    command: Pick<PersonCommand, 'type' | 'data'>,
  ): Promise<CommandOutcome> {
    return this.executor.execute({
      context,
      id: personId,
      streamId: personStreamId(personId),
      what: 'person',
      decider: personDecider,
      command: (metadata) => ({ ...command, metadata }) as PersonCommand,
      creates,
    });
  }
}
