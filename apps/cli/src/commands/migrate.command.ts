import { loadConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';

export async function runMigrate(): Promise<void> {
  const runtime = await startRuntime(loadConfig(), { runProjections: false });
  console.log('migrations applied');
  await runtime.close();
}
