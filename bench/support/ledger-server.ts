import type { AddressInfo } from 'node:net';
import { TokenService, type Role } from '@ledger/identity';
import { loadConfig } from '../../apps/api/src/config/ledger-config';
import { createLedgerApp, type LedgerApp } from '../../apps/api/src/create-app';

const BENCH_JWT_SECRET = 'benchmark-secret-not-for-production';

export interface LedgerServer {
  readonly ledger: LedgerApp;
  readonly host: string;
  readonly port: number;
  bearer(roles: readonly Role[], partnerships?: readonly string[]): Promise<string>;
  close(): Promise<void>;
}

/** The all-in-one server (API + in-process projections, as `npm start` runs it) on `databaseUrl`. */
export async function startLedgerServer(databaseUrl: string): Promise<LedgerServer> {
  // Rate limits off: the benchmark is one user and one address sending thousands of commands.
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    LEDGER_JWT_SECRET: BENCH_JWT_SECRET,
    LOG_LEVEL: 'error',
    PORT: '0',
    LEDGER_RATE_LIMIT_PER_MINUTE: '0',
    LEDGER_RATE_LIMIT_PER_IP_PER_MINUTE: '0',
  });
  const ledger = await createLedgerApp(config);
  await ledger.app.listen(0, '127.0.0.1');
  const address = (ledger.app.getHttpServer() as { address(): AddressInfo }).address();
  const tokens = new TokenService(BENCH_JWT_SECRET);
  return {
    ledger,
    host: '127.0.0.1',
    port: address.port,
    async bearer(roles, partnerships = []) {
      const token = await tokens.mint({ sub: `bench-${roles.join('+')}@example.org`, name: 'Benchmark user', roles, partnerships });
      return `Bearer ${token}`;
    },
    close: () => ledger.close(),
  };
}

/** A small client for seeding (not timed): throws on any unexpected status. */
export class LedgerClient {
  constructor(
    private readonly server: Pick<LedgerServer, 'host' | 'port'>,
    private readonly authorization: string,
  ) {}

  get headers(): Record<string, string> {
    return { authorization: this.authorization };
  }

  async post(path: string, body: object): Promise<{ id: string; version: number }> {
    const response = await fetch(this.url(path), {
      method: 'POST',
      headers: { ...this.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string; version: number };
    if (response.status !== 200 && response.status !== 201) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  async get<T>(path: string): Promise<T> {
    const response = await fetch(this.url(path), { headers: this.headers });
    const json = (await response.json()) as T;
    if (response.status !== 200) throw new Error(`GET ${path} → ${response.status} ${JSON.stringify(json)}`);
    return json;
  }

  private url(path: string): string {
    return `http://${this.server.host}:${this.server.port}${path}`;
  }
}
