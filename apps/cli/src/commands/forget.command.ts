import { userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, ImmediateProjectionProgress } from '@ledger/event-sourcing';
import { PeopleCommands, PersonKeyStore } from '@ledger/people';
import { loadConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';
import { loadPeopleMasterKey } from '../../../api/src/people/people-config';

export interface ForgetOptions {
  readonly reason: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `ledger forget <personId> --reason <why>`: records PersonForgotten (no personal data in it) and
 * destroys the person's data key, so their details in the log can never be read again. The event
 * log itself is not touched: `ledger verify` still passes. Running it again for a person already
 * forgotten destroys a key that survived (e.g. a crash between the two steps) and records nothing.
 */
export async function runForget(personId: string, options: ForgetOptions): Promise<void> {
  if (!UUID.test(personId)) throw new Error(`<personId> must be a UUID, got ${personId}`);
  if (options.reason.trim() === '') throw new Error('--reason must say why the person is forgotten');
  const runtime = await startRuntime(loadConfig(), { runProjections: false });
  try {
    // No read model holds people (they are read from the log and person_keys): nothing to wait for.
    const executor = new CommandExecutor(runtime.store, new ImmediateProjectionProgress());
    const commands = new PeopleCommands(executor, runtime.store, new PersonKeyStore(runtime.pool, loadPeopleMasterKey()), {
      agencies: async () => new Map(),
    });
    const now = new Date();
    const result = await commands.forgetAnywhere(
      { actor: { userId: `cli:${userInfo().username}`, role: 'platform-admin' }, now, correlationId: randomUUID(), reason: options.reason },
      personId.toLowerCase(),
      options.reason.trim(),
    );
    const recorded = result.outcome
      ? `PersonForgotten recorded at position ${result.outcome.position}`
      : 'already forgotten (nothing recorded)';
    console.log(
      `Person ${personId} of partnership ${result.partnershipId}: ${recorded}; key ${result.keyDestroyed ? 'destroyed now' : 'already destroyed'}.`,
    );
    // Outdated row versions of person_keys may still hold the wrapped key until VACUUM reclaims them.
    await runtime.pool.query('VACUUM person_keys');
  } finally {
    await runtime.close();
  }
}
