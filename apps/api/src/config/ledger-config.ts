import { describeSecurityConfig, loadSecurityConfig, type SecurityConfig } from './security-config';
import { describeRetentionConfig, loadRetentionConfig, type RetentionConfig } from '../retention/retention-config';

/** DESIGN §6: every variable optional, each with a default that `npm start` prints. */
export interface LedgerConfig {
  readonly port: number;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly jwtSecret: string;
  readonly jwtSecretIsDefault: boolean;
  readonly kafkaBrokers: readonly string[];
  readonly kafkaTopic: string;
  readonly kurrentDbUrl: string | undefined;
  readonly logLevel: string;
  /** `LEDGER_PROJECTIONS=off` runs the API alone, with projections in `apps/projector`. */
  readonly runProjections: boolean;
  /** OIDC, CORS, rate limits, request time limit (docs/security.md). */
  readonly security: SecurityConfig;
  /** Evidence retention schedule (docs/operations.md). */
  readonly retention: RetentionConfig;
  /** Whether `LEDGER_PEOPLE_KEY` is set (the people module reads the key itself; ADR 0013). */
  readonly peopleKeyIsDefault: boolean;
  /** `LEDGER_TIME_TRAVEL_CACHE_EVENTS` as given, for the banner (the time-travel module parses it). */
  readonly timeTravelCacheEvents: string | undefined;
}

export const DEVELOPMENT_JWT_SECRET = 'learning-ledger-development-secret-do-not-use-in-production';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.LEDGER_DATA_DIR || './data',
    jwtSecret: env.LEDGER_JWT_SECRET || DEVELOPMENT_JWT_SECRET,
    jwtSecretIsDefault: !env.LEDGER_JWT_SECRET,
    kafkaBrokers: (env.KAFKA_BROKERS ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    kafkaTopic: env.KAFKA_TOPIC || 'ledger.events.v1',
    kurrentDbUrl: env.KURRENTDB_URL || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    runProjections: (env.LEDGER_PROJECTIONS ?? 'in-process') !== 'off',
    security: loadSecurityConfig(env),
    retention: loadRetentionConfig(env),
    peopleKeyIsDefault: !env.LEDGER_PEOPLE_KEY,
    timeTravelCacheEvents: env.LEDGER_TIME_TRAVEL_CACHE_EVENTS || undefined,
  };
}

/** The lines `npm start` prints: each setting, and whether it is the default. */
export function describeConfig(config: LedgerConfig): string[] {
  return [
    `PORT=${config.port}`,
    `DATABASE_URL=${config.databaseUrl ? redact(config.databaseUrl) : `(unset: embedded PostgreSQL under ${config.dataDir}/postgres)`}`,
    `LEDGER_DATA_DIR=${config.dataDir}`,
    `LEDGER_JWT_SECRET=${config.jwtSecretIsDefault ? '(unset: development secret — set it for any real use)' : '(set)'}`,
    `KAFKA_BROKERS=${config.kafkaBrokers.length ? config.kafkaBrokers.join(',') : '(unset: events are not published to Kafka)'}`,
    `KAFKA_TOPIC=${config.kafkaTopic}`,
    `KURRENTDB_URL=${config.kurrentDbUrl ? redact(config.kurrentDbUrl) : '(unset: PostgreSQL is the event store)'}`,
    `LOG_LEVEL=${config.logLevel}`,
    `LEDGER_PROJECTIONS=${config.runProjections ? 'in-process' : 'off (run npm run start:projector)'}`,
    ...describeSecurityConfig(config.security),
    ...describeRetentionConfig(config.retention),
    `LEDGER_PEOPLE_KEY=${config.peopleKeyIsDefault ? '(unset: development key — set it for any real use)' : '(set)'}`,
    `LEDGER_TIME_TRAVEL_CACHE_EVENTS=${config.timeTravelCacheEvents ?? '150000 (default)'}`,
  ];
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
