import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';
import { ensureWebBuilt, launchChromium } from './support/web-ui-browser';

/**
 * The web UI (apps/web, ADR 0015) in a real browser against the all-in-one server: sign-in with a
 * token, the action plan, time travel in record time (asOf) and business time (validAt) with
 * back-dated marks, an action's history and lineage, accessibility, and tenancy for inspectors.
 */

jest.setTimeout(180_000);

type Auth = { Authorization: string };
const DAY_MS = 86_400_000;
const START = Date.now();
const daysAgo = (n: number) => new Date(START - n * DAY_MS).toISOString();
const BACKDATED = 'Back-dated work: entered from the subgroup minutes of an earlier meeting';
const ACTION_B = 'Train designated safeguarding leads in the escalation policy.';

describe('web UI', () => {
  let app: LedgerTestApp;
  let browser: Browser;
  let base: string;
  let seed: Seed;
  let actionB: string;
  /** Record times read back from the server: before action B existed, and after all its events. */
  let beforeB: string;
  let afterB: string;

  async function post(auth: Auth, path: string, body: object): Promise<{ id: string }> {
    const response = await app.http().post(`/api/v1/partnerships/${seed.partnershipId}${path}`).set(auth).send(body);
    if (![200, 201].includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  }
  async function lastRecordedAt(actionId: string): Promise<string> {
    const response = await app
      .http()
      .get(`/api/v1/partnerships/${seed.partnershipId}/actions/${actionId}/history`)
      .set(seed.admin)
      .expect(200);
    const items = response.body.items as { recordedAt: string }[];
    return items[items.length - 1]!.recordedAt;
  }
  const backdated = (days: number) => ({ occurredAt: daysAgo(days), reason: BACKDATED });

  beforeAll(async () => {
    ensureWebBuilt();
    app = await LedgerTestApp.start();
    const server = (await app.ledger.app.listen(0, '127.0.0.1')) as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    seed = await seedPartnership(app);
    beforeB = await lastRecordedAt(seed.actionId);

    // Action B and everything it rests on happened weeks ago and is entered now, with reasons.
    const { id: sourceId } = await post(seed.admin, '/sources', {
      kind: 'rapid-review',
      title: 'Rapid review RR-2025-07',
      ...backdated(40),
    });
    const { id: findingId } = await post(seed.admin, `/sources/${sourceId}/findings`, {
      summary: 'Escalation routes were not used.',
      themes: ['escalation'],
      enablers: ['leadership-and-challenge'],
      ...backdated(39),
    });
    const { id: recommendationId } = await post(seed.admin, '/recommendations', {
      sourceId,
      findingIds: [findingId],
      text: 'Partners should train staff in escalation.',
      addresseeAgencyIds: [seed.agencyId],
      scope: 'local',
      ...backdated(36),
    });
    await post(seed.admin, `/recommendations/${recommendationId}/responses`, { decision: 'accepted', ...backdated(35) });
    actionB = (
      await post(seed.admin, '/actions', {
        recommendationIds: [recommendationId],
        description: ACTION_B,
        leadAgencyId: seed.agencyId,
        targetDate: daysAgo(-60).slice(0, 10),
        successMeasure: 'Nine in ten leads trained.',
        ...backdated(30),
      })
    ).id;
    await post(seed.admin, `/actions/${actionB}/agree`, { forum: 'Learning and Improvement subgroup', ...backdated(28) });
    await post(seed.admin, `/actions/${actionB}/start`, backdated(25));
    await post(seed.admin, `/actions/${actionB}/progress-updates`, { narrative: 'Trainers unavailable', rag: 'red', ...backdated(10) });
    afterB = await lastRecordedAt(actionB);

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function signIn(token: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(base);
    await page.getByLabel('Bearer token').fill(token);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/partnerships')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    return page;
  }
  async function openPlan(token: string): Promise<Page> {
    const page = await signIn(token);
    await page.getByRole('button', { name: 'Northshire Safeguarding Children Partnership' }).click();
    await page.locator('table.plan').waitFor();
    return page;
  }
  const auditorToken = () => app.token({ sub: 'auditor@example.org', roles: ['auditor'], partnerships: [seed.partnershipId] });
  const row = (page: Page, actionId: string) => page.locator(`table.plan tr[data-action-id="${actionId}"]`);
  /** Applies the time-travel form and waits for the answer and the table it renders. */
  async function travel(page: Page, fields: { asOf?: string; validAt?: string }): Promise<void> {
    await page.getByLabel('As recorded at (asOf)').fill(fields.asOf ?? '');
    await page.getByLabel('As true at (validAt)').fill(fields.validAt ?? '');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/action-plan') && r.status() === 200),
      page.getByRole('button', { name: 'Apply' }).click(),
    ]);
    await page.locator('table.plan').waitFor();
  }

  it('serves the UI at / with its security headers, and leaves the API paths to the API', async () => {
    const page = await app.http().get('/').set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const deepLink = await app.http().get('/partnerships/anything').set('Accept', 'text/html').expect(200);
    expect(deepLink.text).toContain('<div id="root">');
    await app.http().get('/api/v1/partnerships').set('Accept', 'text/html').expect(401);
    await app.http().get('/health/live').expect(200);
  });

  it('lists the seeded actions in the action plan after signing in with a token', async () => {
    const consoleErrors: string[] = [];
    const page = await (await browser.newContext()).newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(base);
    await page.getByLabel('Bearer token').fill(await auditorToken());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Northshire Safeguarding Children Partnership' }).click();
    await page.locator('table.plan').waitFor();
    await expect(row(page, seed.actionId).count()).resolves.toBe(1);
    await expect(row(page, actionB).count()).resolves.toBe(1);
    await expect(row(page, seed.actionId).textContent()).resolves.toContain('Refresh and relaunch the information-sharing protocol.');
    // The CSP (script-src 'self') lets the built bundle run: no refused scripts or styles.
    expect(consoleErrors).toEqual([]);

    // Filters go to the API: no cancelled actions, and none of the seeded ones is overdue.
    await page.getByLabel('Status').selectOption('cancelled');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/action-plan') && r.url().includes('status=cancelled')),
      page.getByRole('button', { name: 'Apply' }).click(),
    ]);
    await page.getByText('No actions match.').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Overdue only').check();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/action-plan') && r.url().includes('overdue=true')),
      page.getByRole('button', { name: 'Apply' }).click(),
    ]);
    await page.getByText('No actions match.').waitFor();
    await page.close();
  });

  it('asOf hides what was recorded later and shows it once recorded; validAt shows back-dated effects with a badge', async () => {
    const page = await openPlan(await auditorToken());
    await travel(page, { asOf: beforeB });
    await expect(row(page, seed.actionId).count()).resolves.toBe(1);
    await expect(row(page, actionB).count()).resolves.toBe(0);
    await travel(page, { asOf: afterB });
    await expect(row(page, actionB).count()).resolves.toBe(1);

    // Business time 20 days ago: only back-dated action B had happened; its red update had not.
    await travel(page, { validAt: daysAgo(20) });
    await expect(row(page, seed.actionId).count()).resolves.toBe(0);
    await expect(row(page, actionB).count()).resolves.toBe(1);
    await expect(row(page, actionB).locator('td').nth(5).textContent()).resolves.toBe('Not set');
    const badge = row(page, actionB).getByRole('img', { name: /^Back-dated:/ });
    await expect(badge.getAttribute('title')).resolves.toMatch(/recorded after/);
    await travel(page, { validAt: daysAgo(5) });
    await expect(row(page, actionB).locator('.rag').textContent()).resolves.toBe('red');
    await page.close();
  });

  it("shows an action's history with occurredAt against recordedAt for back-dated entries, and its lineage", async () => {
    const page = await openPlan(await auditorToken());
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/actions/${actionB}/history`)),
      page.getByRole('button', { name: ACTION_B }).click(),
    ]);
    const entry = page.locator('table.history tr.backdated').first();
    await entry.waitFor();
    const occurredAt = await entry.locator('time').nth(0).getAttribute('datetime');
    const recordedAt = await entry.locator('time').nth(1).getAttribute('datetime');
    expect(Date.parse(occurredAt!)).toBe(Date.parse(daysAgo(30)));
    expect(Date.parse(recordedAt!)).toBeGreaterThan(START);
    await expect(entry.textContent()).resolves.toContain(BACKDATED);
    await expect(entry.getByRole('img', { name: /^Back-dated: Recorded at/ }).count()).resolves.toBe(1);
    const lineage = page.getByRole('list', { name: 'Lineage' });
    await lineage.waitFor();
    await expect(lineage.textContent()).resolves.toContain('Partners should train staff in escalation.');
    await page.close();
  });

  it('has no serious or critical accessibility violations on the plan page (axe)', async () => {
    const page = await openPlan(await auditorToken());
    await travel(page, { validAt: daysAgo(5) });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await page.close();
  });

  it('shows a problem+json refusal readably, and an inspector without a grant no partnership', async () => {
    const page = await openPlan(await auditorToken());
    await page.getByLabel('As recorded at (asOf)').fill('2026-13-45T99:00:00Z');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('#asOf-error').textContent()).resolves.toContain('ISO-8601');
    await page.close();

    const inspector = await signIn(
      await app.token({ sub: 'inspector-0001@example.gov.uk', roles: ['inspector'], partnerships: [seed.partnershipId] }),
    );
    await inspector.getByText('You have access to no partnership.', { exact: false }).waitFor();
    await expect(inspector.getByRole('button', { name: 'Northshire Safeguarding Children Partnership' }).count()).resolves.toBe(0);
    await inspector.close();

    const expired = await signIn('not-a-token');
    await expect(expired.getByRole('alert').textContent()).resolves.toMatch(/HTTP 401/);
    await expired.close();
  });
});
