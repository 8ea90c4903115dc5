import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type RequestHandler } from 'express';

/** Paths the API owns: the UI's fallback never answers for them. */
const API_PATHS = /^\/(api(\/|$)|health(\/|$)|metrics(\/|$))/;

/** The repository root (the nearest folder with a package.json above this file, compiled or not). */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Where `npm run build` puts the web UI (apps/web, built by Vite). */
export function defaultWebDir(): string {
  return resolve(repositoryRoot(__dirname), 'dist/web');
}

/**
 * Serves the built web UI (ADR 0015) at `/`: hashed assets cached for a year, index.html for any
 * other GET a browser makes outside the API (client-side screens). Without a build, `/` says so.
 * Registered before Nest's routes, so it steps aside for /api, /health and /metrics.
 */
export function serveWebUi(app: NestExpressApplication, webDir: string = defaultWebDir()): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.use(uiNotBuilt);
    return;
  }
  app.use('/assets', express.static(join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  app.use(outsideApi(express.static(webDir, { index: false, maxAge: 0 })));
  app.use(spaFallback(index));
}

/** Runs `handler` only outside the API's paths: no file lookup (a `stat`) on every API request. */
function outsideApi(handler: RequestHandler): RequestHandler {
  return (request, response, next) => (API_PATHS.test(request.path) ? next() : handler(request, response, next));
}

function wantsPage(method: string, path: string, accept: string | undefined): boolean {
  return (method === 'GET' || method === 'HEAD') && !API_PATHS.test(path) && (accept ?? '').includes('text/html');
}

function spaFallback(index: string): RequestHandler {
  return (request, response, next) => {
    const isRoot = request.method === 'GET' && request.path === '/';
    if (!isRoot && !wantsPage(request.method, request.path, request.headers.accept)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  };
}

const uiNotBuilt: RequestHandler = (request, response, next) => {
  if (request.method !== 'GET' || request.path !== '/') return next();
  response
    .status(503)
    .type('text/plain')
    .send(
      'The Learning Ledger web UI is not built. Run `npm run build` (or `npm start`, which builds it); the API is at /api/v1 and its docs at /api/docs.\n',
    );
};
