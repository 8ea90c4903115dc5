import { loadConfig } from '../../../api/src/config/ledger-config';
import { TokenService } from '@ledger/identity';
import { loadDemo } from '../demo/load-demo';

export async function runDemo(baseUrl: string): Promise<void> {
  const config = loadConfig();
  const ready = await fetch(`${baseUrl}/health/ready`).catch(() => null);
  if (!ready || !ready.ok) {
    throw new Error(`The API at ${baseUrl} is not ready. Start it first with \`npm start\` (or pass --url).`);
  }
  const token = await new TokenService(config.jwtSecret).mint({
    sub: 'demo-loader',
    name: 'Demo loader',
    roles: ['platform-admin'],
    partnerships: [],
    expiresInSeconds: 3600,
  });
  const started = Date.now();
  const summary = await loadDemo({ baseUrl, token, log: (line) => console.log(line) });
  console.log(`\nDemo partnership ${summary.partnershipId} loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.log(JSON.stringify(summary, null, 2));
  console.log(
    `\nA token to explore it:\n  npm run ledger -- token --sub you@example.org --roles partnership-admin --partnership ${summary.partnershipId}`,
  );
}
