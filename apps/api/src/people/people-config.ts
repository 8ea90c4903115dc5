import { Logger } from '@nestjs/common';
import { MasterKey } from '@ledger/people';

/** Used when LEDGER_PEOPLE_KEY is unset: fine for a laptop, never for real people's details. */
export const DEVELOPMENT_PEOPLE_KEY = 'learning-ledger-development-people-key-do-not-use-in-production';

/**
 * The master key that wraps every person's data key (ADR 0013): `LEDGER_PEOPLE_KEY` (64 hex
 * characters, base64 of 32 bytes, or a long passphrase), else a development key with a warning.
 */
export function loadPeopleMasterKey(env: NodeJS.ProcessEnv = process.env, logger = new Logger('people')): MasterKey {
  const secret = env['LEDGER_PEOPLE_KEY'];
  if (!secret) {
    logger.warn('LEDGER_PEOPLE_KEY is unset: people’s details are encrypted under a development key. Set it for any real use.');
    return MasterKey.from(DEVELOPMENT_PEOPLE_KEY);
  }
  return MasterKey.from(secret);
}
