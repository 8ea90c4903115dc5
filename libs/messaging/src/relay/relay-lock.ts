import type { Pool, PoolClient } from 'pg';
import type { MessagingLogger } from './kafka-client';
import { tryLockRelay, unlockRelay } from './relay-sql';

/**
 * A relay's session-level advisory lock on a dedicated pooled client, held until released. The
 * checkpoint is saved on this very session, so a relay that lost its lock cannot save one.
 */
export class RelayLock {
  private constructor(
    readonly client: PoolClient,
    private readonly name: string,
    private readonly onError: (error: Error) => void,
  ) {}

  /** The lock, or null when another session holds it. */
  static async tryAcquire(pool: Pool, name: string, logger: MessagingLogger): Promise<RelayLock | null> {
    const client = await pool.connect();
    const onError = (error: Error): void => logger.warn(`relay ${name} lost its database connection: ${String(error)}`);
    client.on('error', onError);
    try {
      if (await tryLockRelay(client, name)) return new RelayLock(client, name, onError);
      client.off('error', onError);
      client.release();
      return null;
    } catch (error) {
      client.off('error', onError);
      client.release(error as Error);
      throw error;
    }
  }

  async release(): Promise<void> {
    try {
      await unlockRelay(this.client, this.name);
      this.client.off('error', this.onError);
      this.client.release();
    } catch (error) {
      this.discard(error);
    }
  }

  /** Destroys the connection: PostgreSQL drops the lock with it. */
  discard(error: unknown): void {
    this.client.off('error', this.onError);
    this.client.release(error instanceof Error ? error : new Error(String(error)));
  }
}
