// Resolves the @ledger/* aliases for the compiled output in dist/ (the same map as tsconfig.json).
const path = require('node:path');
const Module = require('node:module');
const dist = path.resolve(__dirname, '..', 'dist', 'libs');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveLedgerAlias(request, ...rest) {
  const match = /^@ledger\/([a-z-]+)$/.exec(request);
  if (match) return originalResolve.call(this, path.join(dist, match[1], 'src', 'index.js'), ...rest);
  return originalResolve.call(this, request, ...rest);
};
