import request from 'supertest';
import type { App } from 'supertest/types';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { TokenService, type Role } from '@ledger/identity';
import { loadConfig } from '../../apps/api/src/config/ledger-config';
import { createLedgerApp, type LedgerApp } from '../../apps/api/src/create-app';

export const TEST_JWT_SECRET = 'e2e-test-secret-not-for-production';

export interface TokenRequest {
  readonly sub?: string;
  readonly roles: readonly Role[];
  readonly partnerships?: readonly string[];
  readonly agency?: string;
  readonly expiresInSeconds?: number;
}

/**
 * The all-in-one server (API + in-process projections) on a fresh database of the test server,
 * driven over HTTP with supertest. One per test file.
 */
export class LedgerTestApp {
  private constructor(
    readonly ledger: LedgerApp,
    readonly db: TestDatabase,
    private readonly tokens: TokenService,
  ) {}

  /**
   * `env` adds or overrides environment variables for loadConfig (e.g. LEDGER_OIDC_ISSUER). Rate
   * limits are off unless `env` sets them: suites walk hundreds of routes from one address and user.
   */
  static async start(env: NodeJS.ProcessEnv = {}): Promise<LedgerTestApp> {
    const db = await createTestDatabase([]);
    try {
      const config = loadConfig({
        DATABASE_URL: db.url,
        LEDGER_JWT_SECRET: TEST_JWT_SECRET,
        LOG_LEVEL: 'error',
        PORT: '0',
        LEDGER_RATE_LIMIT_PER_MINUTE: '0',
        LEDGER_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
        // Retention runs only when a suite calls runtime.retention.runOnce(now) (or sets a schedule).
        LEDGER_RETENTION_INTERVAL_MINUTES: 'off',
        ...env,
      });
      const ledger = await createLedgerApp(config);
      return new LedgerTestApp(ledger, db, new TokenService(TEST_JWT_SECRET));
    } catch (error) {
      await db.drop();
      throw error;
    }
  }

  get server(): App {
    return this.ledger.app.getHttpServer() as App;
  }

  /** supertest for this app: `app.http().post(path).set(auth).send(body)`. */
  http() {
    return request(this.server);
  }

  token(spec: TokenRequest): Promise<string> {
    return this.tokens.mint({
      sub: spec.sub ?? `user-${spec.roles.join('+')}`,
      name: 'Test user',
      roles: spec.roles,
      partnerships: spec.partnerships ?? [],
      ...(spec.agency ? { agency: spec.agency } : {}),
      ...(spec.expiresInSeconds !== undefined ? { expiresInSeconds: spec.expiresInSeconds } : {}),
    });
  }

  async bearer(spec: TokenRequest): Promise<{ Authorization: string }> {
    return { Authorization: `Bearer ${await this.token(spec)}` };
  }

  /** How many events the ledger holds: a refused request must leave this unchanged. */
  async eventCount(): Promise<number> {
    const { rows } = await this.db.pool.query<{ count: string }>('SELECT count(*) FROM events');
    return Number(rows[0]!.count);
  }

  async close(): Promise<void> {
    await this.ledger.close();
    await this.db.drop();
  }
}
