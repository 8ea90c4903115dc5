import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

// A plain Node child (no Jest, no build): compiles TypeScript on the fly with the compiler's
// transpileModule, as libs/platform/test/embedded-process.ts does, and resolves the @ledger/*
// aliases to the libs' sources, so the test can SIGKILL a real relay process.
const LOADER = `
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');
const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true, emitDecoratorMetadata: true };
require.extensions['.ts'] = (module, file) => module._compile(ts.transpileModule(fs.readFileSync(file, 'utf8'), { fileName: file, compilerOptions: options }).outputText, file);
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@ledger\\/([a-z-]+)$/.exec(request);
  return resolveFilename.call(this, alias ? path.join(process.env.LEDGER_ROOT, 'libs', alias[1], 'src', 'index.ts') : request, ...rest);
};
require(process.env.LEDGER_SCRIPT);
`;

/** Runs a TypeScript file of this repo in a child Node process with an IPC channel. */
export function forkTypeScript(script: string, env: Record<string, string>): ChildProcess {
  return fork('-e', [LOADER], {
    cwd: ROOT,
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...env, LEDGER_ROOT: ROOT, LEDGER_SCRIPT: resolve(script) },
  });
}
