import { Client, type ClientConfig } from 'pg';

export interface NotificationListenerOptions {
  /** Wait before reconnecting after the connection fails. */
  readonly reconnectDelayMs?: number;
  /** Reported errors of the dedicated connection (it reconnects on its own). */
  readonly onError?: (error: Error) => void;
}

/**
 * A dedicated connection doing `LISTEN <channel>`, calling `onWake` per notification. When the
 * connection drops it reconnects, then calls `onWake` once: notifications sent while it was away
 * are lost, so the subscriber must look for itself (polling stays the fallback).
 */
export class NotificationListener {
  private client: Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onWake: () => void,
    private readonly options: NotificationListenerOptions = {},
  ) {}

  /** Resolves once LISTEN is active; rejects if the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ ...this.config, application_name: 'ledger-listener' });
    client.on('notification', () => this.onWake());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private lost(client: Client, error?: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    if (error) this.options.onError?.(error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.timer = setTimeout(() => {
      this.connect().then(
        () => {
          if (!this.stopped) this.onWake();
        },
        (error: unknown) => {
          if (this.stopped) return;
          this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
          this.scheduleReconnect();
        },
      );
    }, this.options.reconnectDelayMs ?? 1000);
    this.timer.unref();
  }
}
