import type { Pool, PoolClient } from 'pg';
import type { ProjectionLogger } from './projection-daemon.types';
import { tryLockProjection, unlockProjection } from './projection-sql';

/**
 * A projection's session-level advisory lock on a dedicated pooled client, held until released.
 * Batches run on `client` itself, so work without the lock is impossible: a dropped connection
 * takes the lock and any open transaction with it.
 */
export class ProjectionLock {
  private constructor(
    readonly client: PoolClient,
    private readonly name: string,
    private readonly onError: (error: Error) => void,
  ) {}

  /** The lock, or null when another session holds it. */
  static async tryAcquire(pool: Pool, name: string, logger: ProjectionLogger): Promise<ProjectionLock | null> {
    const client = await pool.connect();
    const onError = (error: Error): void => logger.warn(`projection ${name} lost its connection: ${String(error)}`);
    client.on('error', onError);
    try {
      if (await tryLockProjection(client, name)) return new ProjectionLock(client, name, onError);
      client.off('error', onError);
      client.release();
      return null;
    } catch (error) {
      client.off('error', onError);
      client.release(error as Error);
      throw error;
    }
  }

  /** Unlocks and returns the client to the pool. */
  async release(): Promise<void> {
    try {
      await unlockProjection(this.client, this.name);
      this.client.off('error', this.onError);
      this.client.release();
    } catch (error) {
      this.discard(error);
    }
  }

  /** Destroys the connection: PostgreSQL then drops the lock and any open transaction. */
  discard(error: unknown): void {
    this.client.off('error', this.onError);
    this.client.release(error instanceof Error ? error : new Error(String(error)));
  }
}
