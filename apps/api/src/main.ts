import { Logger } from '@nestjs/common';
import { describeConfig, loadConfig } from './config/ledger-config';
import { createLedgerApp } from './create-app';

/** `npm start`: API and projections in one process, on embedded PostgreSQL unless DATABASE_URL. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('ledger');
  logger.log(`configuration:\n  ${describeConfig(config).join('\n  ')}`);
  if (config.jwtSecretIsDefault) logger.warn('LEDGER_JWT_SECRET is unset: using the development secret. Never use it with real data.');
  if (config.kafkaBrokers.length === 0)
    logger.log('KAFKA_BROKERS is unset: running without Kafka (events stay in the ledger; nothing is published).');
  const ledger = await createLedgerApp(config);
  const { app } = ledger;
  await app.listen(config.port);
  const base = `http://localhost:${config.port}`;
  console.log(
    [
      '',
      `Learning Ledger is ready at ${base}`,
      `  Web UI:   ${base}/   (sign in by pasting a token, see Token below)`,
      `  API:      ${base}/api/v1`,
      `  OpenAPI:  ${base}/api/docs  (JSON: ${base}/api/docs-json)`,
      `  Health:   ${base}/health/ready   Metrics: ${base}/metrics (Prometheus)`,
      `  Kafka:    ${ledger.runtime.relay ? `on: the relay publishes every event to ${config.kafkaTopic} on ${config.kafkaBrokers.join(',')}` : config.kafkaBrokers.length ? 'KAFKA_BROKERS is set, but the relay runs elsewhere (LEDGER_PROJECTIONS=off: npm run start:relay)' : 'off (KAFKA_BROKERS unset: events stay in the ledger; npm run kafka:start, then KAFKA_BROKERS=127.0.0.1:9092 npm start)'}`,
      '  Token:    npm run ledger -- token --sub you@example.org --roles platform-admin',
      '  Demo:     npm run ledger -- demo     (loads a synthetic partnership through the API)',
      '',
    ].join('\n'),
  );
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: stopping`);
    await ledger.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
