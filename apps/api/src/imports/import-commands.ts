import { CommandExecutor, type CommandOutcome, type EventStore, type ProjectionProgress } from '@ledger/event-sourcing';
import {
  ActionCommands,
  RecommendationCommands,
  SourceCommands,
  type AgencyDirectory,
  type RecommendationNumbering,
} from '@ledger/learning';

/** The importer always gives the number from the file, so the next-number lookup is never asked. */
const NUMBERED_BY_THE_FILE: RecommendationNumbering = {
  nextNumber: () => Promise.reject(new Error('an imported recommendation always carries its number')),
};

/**
 * The learning context's own command services for one import, on an executor that does not wait
 * for the read models after each command: no step of an import reads a read model another step
 * writes (references are checked against the event store), so the importer waits once, at the end,
 * for the last position, and the client still reads its writes.
 */
export class ImportCommands {
  readonly sources: SourceCommands;
  readonly recommendations: RecommendationCommands;
  readonly actions: ActionCommands;
  private readonly positions: string[] = [];

  constructor(
    store: EventStore,
    directory: AgencyDirectory,
    private readonly progress: ProjectionProgress,
  ) {
    const executor = new CommandExecutor(store, { waitFor: () => Promise.resolve() });
    // Agencies do not change during an import: ask the directory once.
    let known: ReturnType<AgencyDirectory['agencies']> | undefined;
    const once: AgencyDirectory = { agencies: (partnershipId) => (known ??= directory.agencies(partnershipId)) };
    this.sources = new SourceCommands(executor);
    this.recommendations = new RecommendationCommands(executor, store, once, NUMBERED_BY_THE_FILE);
    this.actions = new ActionCommands(executor, store, once);
  }

  /** Runs one command and remembers where it ended. */
  async run(command: Promise<CommandOutcome>): Promise<CommandOutcome> {
    const outcome = await command;
    this.positions.push(outcome.position);
    return outcome;
  }

  /** Read-your-writes for the whole import: the read models include every command's events. */
  async settle(): Promise<void> {
    for (const position of this.positions) await this.progress.waitFor(position);
  }
}
