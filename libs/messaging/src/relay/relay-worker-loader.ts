import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageWorkerData } from './relay-worker-protocol';

const COMPILED = join(__dirname, 'relay-page-worker.js');
const SOURCE = join(__dirname, 'relay-page-worker.ts');

/** True where the compiled worker lies next to this module (the built dist), so it can run as is. */
export function compiledPageWorkerExists(): boolean {
  return __filename.endsWith('.js') && existsSync(COMPILED);
}

// From source (Jest, or any TypeScript runner): compile the worker's modules on the fly with the
// compiler's transpileModule and resolve the @ledger/* aliases to the libs' sources, as
// libs/messaging/test/support/ts-child.ts does for a child process.
const TYPESCRIPT_LOADER = `
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');
const { workerData } = require('node:worker_threads');
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { fileName: file, compilerOptions: options }).outputText, file);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@ledger\\/([a-z-]+)$/.exec(request);
  return resolveFilename.call(this, alias ? path.join(workerData.ledgerRoot, 'libs', alias[1], 'src', 'index.ts') : request, ...rest);
};
require(workerData.script);
`;

/**
 * Starts the page worker: the compiled `.js` in dist (inheriting the process's `-r` hooks, e.g.
 * tools/register-paths.js), else the `.ts` source through the loader above.
 */
export function startPageWorker(data: PageWorkerData): Worker {
  if (compiledPageWorkerExists()) return new Worker(COMPILED, { workerData: data });
  if (!existsSync(SOURCE)) throw new Error(`the relay's page worker is missing: neither ${COMPILED} nor ${SOURCE}`);
  const ledgerRoot = resolve(__dirname, '..', '..', '..', '..');
  return new Worker(TYPESCRIPT_LOADER, { eval: true, execArgv: [], workerData: { ...data, script: SOURCE, ledgerRoot } });
}
