import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import request from 'supertest';
import { serveWebUi } from './web-ui';

/** The web UI's static serving on a bare Express app, against a build folder on disk. */
describe('serveWebUi', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-web-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function server(webDir: string) {
    const app = express();
    serveWebUi(app as unknown as NestExpressApplication, webDir);
    app.use((_request, response) => {
      response.status(404).json({ handledBy: 'api' });
    });
    return app;
  }

  it('says the UI is not built when the build is missing, and leaves every other path to the API', async () => {
    const app = server(join(dir, 'missing'));
    const root = await request(app).get('/').expect(503);
    expect(root.text).toContain('web UI is not built');
    await request(app).get('/api/v1/partnerships').expect(404, { handledBy: 'api' });
  });

  it('serves index.html at / and for browser deep links, hashed assets for a year, and never shadows API paths', async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'export {};');
    const app = server(dir);

    const root = await request(app).get('/').expect(200);
    expect(root.text).toContain('id="root"');
    expect(root.headers['cache-control']).toBe('no-cache');
    await request(app)
      .get('/partnerships/some-id')
      .set('Accept', 'text/html')
      .expect(200, /id="root"/);
    const asset = await request(app).get('/assets/index-abc.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');

    for (const path of ['/api/v1/partnerships', '/api/docs', '/health/live', '/metrics']) {
      await request(app).get(path).set('Accept', 'text/html').expect(404, { handledBy: 'api' });
    }
    await request(app).get('/assets/missing.js').expect(404, { handledBy: 'api' });
    await request(app).get('/no-such-thing.json').set('Accept', 'application/json').expect(404, { handledBy: 'api' });
  });
});
