import { Logger } from '@nestjs/common';
import { describeConfig, loadConfig } from '../../api/src/config/ledger-config';
import { startRuntime } from '../../api/src/composition/ledger-runtime';

/**
 * The projector worker: keeps the read models up to date, outside the API process. Several can
 * run at once; each projection is applied by whichever instance holds its advisory lock.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('projector');
  logger.log(`configuration:\n  ${describeConfig(config).join('\n  ')}`);
  const runtime = await startRuntime(config, { runProjections: true });
  logger.log('projections running; stop with Ctrl-C');
  const stop = async (signal: string) => {
    logger.log(`${signal}: finishing the current batch and releasing locks`);
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
