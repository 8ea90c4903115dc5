import { Logger } from '@nestjs/common';
import { describeConfig, loadConfig } from '../../api/src/config/ledger-config';
import { startRuntime } from '../../api/src/composition/ledger-runtime';

const STATUS_EVERY_MS = 60_000;

/**
 * The relay worker: publishes every stored event to Kafka (DESIGN §7), outside the API process.
 * Several can run; the one holding the relay's advisory lock publishes, the others stand by.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.kafkaBrokers.length === 0) {
    console.error(
      'KAFKA_BROKERS is not set: the relay has no broker to publish to. Set it, e.g. KAFKA_BROKERS=127.0.0.1:9092 (npm run kafka:start runs a local broker).',
    );
    process.exit(1);
  }
  const logger = new Logger('relay');
  logger.log(`configuration:\n  ${describeConfig(config).join('\n  ')}`);
  // The same relay `npm start` runs in-process (on a small pool of its own), without projections.
  const runtime = await startRuntime(config, { runProjections: false, runRelay: true });
  const relay = runtime.relay;
  if (!relay) throw new Error('the runtime did not start the relay');
  logger.log(`relaying events to ${config.kafkaTopic} on ${config.kafkaBrokers.join(',')}; stop with Ctrl-C`);
  const report = setInterval(() => {
    relay.status().then(
      (status) =>
        logger.log(
          `${status.role}: ${status.eventsBehind} events (${status.secondsBehind.toFixed(1)} s) behind, ${status.published} published${status.lastError ? `, last error: ${status.lastError}` : ''}`,
        ),
      (error: unknown) => logger.warn(`relay status unavailable: ${String(error)}`),
    );
  }, STATUS_EVERY_MS);
  const stop = async (signal: string) => {
    logger.log(`${signal}: finishing the current batch and releasing the lock`);
    clearInterval(report);
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
