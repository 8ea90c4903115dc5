import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig } from '../../api/src/config/ledger-config';
import { ROLES, TokenService, isRole, type Role } from '@ledger/identity';
import { runDemo } from './commands/demo.command';
import { runRebuild } from './commands/rebuild.command';
import { runCheckProjections } from './commands/check-projections.command';
import { runMigrate } from './commands/migrate.command';
import { runVerify } from './commands/verify.command';
import { runRetention } from './commands/retention.command';
import { runForget } from './commands/forget.command';
import { runExport, runImport, type ExportOptions } from './commands/export-import.command';

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
  .description('Rebuild one read model (or all) side by side from the event log, then switch; with progress.')
  .argument('[projection]', 'projection name; all when omitted')
  .action(async (projection?: string) => runRebuild(projection));

program
  .command('check-projections')
  .description('Refold read models from the event log and report any difference from the live rows; exit 1 on any.')
  .argument('[projection]', 'projection name; all when omitted')
  .option('--json', 'print the results as JSON')
  .option('--limit <n>', 'differences printed per projection', parsePositive, 50)
  .action(async (projection: string | undefined, options: { json?: boolean; limit: number }) => {
    process.exitCode = await runCheckProjections(projection, options);
  });

program
  .command('verify')
  .description('Seal the log to its head and verify the hash chain; exit 1 on tampering.')
  .option('--partnership <id>', 'verify one partnership’s chain')
  .option('--json', 'print the report as JSON')
  .action(async (options: { partnership?: string; json?: boolean }) => runVerify(options));

program
  .command('forget')
  .description('Forget a person of the people registry: destroy their key, record PersonForgotten; the log is not rewritten.')
  .argument('<personId>', 'the person’s id (GET /partnerships/{pid}/people)')
  .requiredOption('--reason <why>', 'why the person is forgotten (recorded; not published)')
  .action(async (personId: string, options: { reason: string }) => runForget(personId, options));

program
  .command('retention')
  .description('List evidence past its retention period; with --run, record its disposal (EvidenceDisposed).')
  .option('--run', 'dispose of what is due (without it: a dry run that lists it)')
  .option('--now <instant>', 'judge retention as of this ISO-8601 instant (default: now)')
  .option('--json', 'print the report as JSON')
  .action(async (options: { run?: boolean; now?: string; json?: boolean }) => runRetention(options));

program
  .command('export')
  .description('Download the action plan as CSV or XLSX, as of an instant (default: now), through the running API.')
  .argument('<partnershipId>')
  .addOption(new Option('--format <format>', 'csv or xlsx').choices(['csv', 'xlsx']).default('csv'))
  .option('--as-of <instant>', 'record time (ISO-8601 with zone)')
  .option('--valid-at <instant>', 'business time (ISO-8601 with zone)')
  .option('--out <file>', 'file to write (default: the name the API gives)')
  .option('--url <baseUrl>', 'where the API runs', `http://localhost:${process.env.PORT ?? 3000}`)
  .option('--token <jwt>', 'bearer token (default: a platform-admin token signed with LEDGER_JWT_SECRET)')
  .action(async (partnershipId: string, options: ExportOptions) => {
    console.log(await runExport(partnershipId, options));
  });

program
  .command('import')
  .description('Import an action plan from a CSV or XLSX file through the running API; prints the report (exit 1 if refused).')
  .argument('<partnershipId>')
  .argument('<file>', '.csv or .xlsx')
  .option('--dry-run', 'check the file and report what would be created; write nothing')
  .option('--url <baseUrl>', 'where the API runs', `http://localhost:${process.env.PORT ?? 3000}`)
  .option('--token <jwt>', 'bearer token (default: a platform-admin token signed with LEDGER_JWT_SECRET)')
  .action(async (partnershipId: string, file: string, options: { dryRun?: boolean; url: string; token?: string }) => {
    const { status, report } = await runImport(partnershipId, file, options);
    console.log(JSON.stringify(report, null, 2));
    if (status === 422 || (report as { valid?: boolean }).valid === false) process.exitCode = 1;
  });

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
