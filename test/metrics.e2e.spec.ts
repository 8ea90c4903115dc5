import { LedgerTestApp } from './support/ledger-test-app';
import { eventually } from '../libs/messaging/test/support/topic-reader';

/** `GET /metrics` and `/health/ready` without Kafka (KAFKA_BROKERS unset). */
describe('metrics and readiness without Kafka', () => {
  let app: LedgerTestApp;
  beforeAll(async () => {
    app = await LedgerTestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  const scrape = async (): Promise<string> => (await app.http().get('/metrics').expect(200)).text;
  const gauge = (text: string, name: string, projection: string): number =>
    Number(new RegExp(`^${name}\\{projection="${projection}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);

  it('says Kafka is disabled and reports no relay', async () => {
    const ready = await app.http().get('/health/ready').expect(200);
    expect(ready.body.kafka).toBe('disabled');
    expect(ready.body).not.toHaveProperty('relay');
    expect(app.ledger.runtime.relay).toBeUndefined();
    expect(await scrape()).not.toMatch(/^ledger_relay_lag_events /m);
  });

  it('needs no token, and times requests by route template, never by raw path', async () => {
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const created = await app
      .http()
      .post('/api/v1/partnerships')
      .set(platform)
      .send({ name: 'Southvale Safeguarding Children Partnership', localAuthorities: ['Southvale Council'] })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await app.http().get(`/api/v1/partnerships/${id}`).set(platform).expect(200);

    const text = await scrape();
    expect(text).toMatch(/^ledger_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/partnerships",status="201"\} 1$/m);
    expect(text).toMatch(
      /^ledger_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/partnerships\/:pid",status="200"\} 1$/m,
    );
    expect(text).not.toContain(id);
  });

  it('reports each projection’s lag in events and seconds, and its return to zero', async () => {
    const { engine, store } = app.ledger.runtime;
    expect(gauge(await scrape(), 'ledger_projection_lag_events', 'partnerships')).toBe(0);

    await engine.stop();
    const partnershipId = '0d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';
    await store.appendToStream(`partnership-${partnershipId}`, 'no-stream', [
      {
        type: 'PartnershipRegistered',
        data: { partnershipId, name: 'Lagmoor Safeguarding Children Partnership', localAuthorities: ['Lagmoor Council'] },
        metadata: {
          eventId: '5e0b1d2c-3a4f-4b6e-9c8d-7f6a5b4c3d2e',
          partnershipId,
          actor: { userId: 'metrics-test', role: 'platform-admin' },
          correlationId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
          causationId: '7a2d3e4f-5c6b-4d8e-9f0a-1b2c3d4e5f6a',
          occurredAt: new Date().toISOString(),
        },
      },
    ]);
    const stalled = await scrape();
    expect(gauge(stalled, 'ledger_projection_lag_events', 'partnerships')).toBe(1);
    expect(gauge(stalled, 'ledger_projection_lag_seconds', 'partnerships')).toBeGreaterThan(0);

    await engine.start();
    await eventually('the projection to catch up', async () => gauge(await scrape(), 'ledger_projection_lag_events', 'partnerships') === 0);
    expect(gauge(await scrape(), 'ledger_projection_lag_seconds', 'partnerships')).toBe(0);
  });
});
