import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../api/src/config/ledger-config';
import { ROLES, TokenService, isRole, type Role } from '@ledger/identity';
import { runDemo } from './commands/demo.command';
import { runRebuild } from './commands/rebuild.command';
import { runMigrate } from './commands/migrate.command';
import { runVerify } from './commands/verify.command';

/** `ledger`: tokens, demo data, rebuild, migrations. `npm run ledger -- --help` lists them. */
const program = new Command()
  .name('ledger')
  .description('Learning Ledger command line: tokens, demo data, projections and migrations.')
  .showHelpAfterError();

program
  .command('token')
  .description('Mint a local HS256 token signed with LEDGER_JWT_SECRET (or the development secret).')
  .requiredOption('--sub <userId>', 'user id (the `sub` claim)')
  .option('--name <name>', 'display name', undefined)
  .addOption(new Option('--roles <roles>', `comma-separated roles: ${ROLES.join(', ')}`).default('platform-admin').argParser(parseRoles))
  .option('--partnership <ids...>', 'partnership ids the user may act in', [])
  .option('--agency <agencyId>', 'agency id of the user')
  .option('--ttl <hours>', 'lifetime in hours', parsePositive, 8)
  .action(async (options: { sub: string; name?: string; roles: Role[]; partnership: string[]; agency?: string; ttl: number }) => {
    const config = loadConfig();
    const token = await new TokenService(config.jwtSecret).mint({
      sub: options.sub,
      name: options.name ?? options.sub,
      roles: options.roles,
      partnerships: options.partnership,
      ...(options.agency ? { agency: options.agency } : {}),
      expiresInSeconds: Math.round(options.ttl * 3600),
    });
    if (config.jwtSecretIsDefault) console.error('(signed with the development secret: LEDGER_JWT_SECRET is unset)');
    console.log(token);
  });

program
  .command('demo')
  .description('Load a synthetic partnership (18 months of back-dated history) through the running API.')
  .option('--url <baseUrl>', 'where the API runs', `http://localhost:${process.env.PORT ?? 3000}`)
  .action(async (options: { url: string }) => runDemo(options.url));

program
  .command('rebuild')
  .description('Rebuild one read model (or all) from the event log, with progress.')
  .argument('[projection]', 'projection name; all when omitted')
  .action(async (projection?: string) => runRebuild(projection));

program
  .command('verify')
  .description('Seal the log to its head and verify the hash chain; exit 1 on tampering.')
  .option('--partnership <id>', 'verify one partnership’s chain')
  .option('--json', 'print the report as JSON')
  .action(async (options: { partnership?: string; json?: boolean }) => runVerify(options));

program
  .command('migrate')
  .description('Apply pending database migrations and exit.')
  .action(async () => runMigrate());

function parseRoles(value: string): Role[] {
  const roles = value.split(',').map((role) => role.trim());
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown role(s): ${unknown.join(', ')}`);
  return roles as Role[];
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('must be a positive number');
  return number;
}

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
