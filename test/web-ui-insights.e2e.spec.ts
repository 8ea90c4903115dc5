import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { ACTION_PLAN_COLUMNS } from '../apps/api/src/exports/action-plan-columns';
import { LedgerTestApp } from './support/ledger-test-app';
import { seedPartnership, type Seed } from './support/seed';
import { ensureWebBuilt, launchChromium } from './support/web-ui-browser';

/**
 * The web UI's challenge log, analytics and downloads (apps/web, ADR 0015) in a real browser:
 * time travel hides a challenge recorded later, escalation and overdue responses are shown, the
 * accountability table agrees with the API, and the CSV export downloads with the canonical header.
 */

jest.setTimeout(180_000);

const DAY_MS = 86_400_000;
const START = Date.now();
const daysAgo = (n: number) => new Date(START - n * DAY_MS).toISOString();
const BACKDATED = 'Back-dated work: entered from the board minutes of an earlier meeting';
const SUBJECT = 'Escalation routes between the police and children’s social care';

interface AccountabilityRow {
  readonly agencyId: string;
  readonly actions: { readonly open: number; readonly overdue: number };
  readonly challenges: { readonly open: number; readonly responseOverdue: number };
}

describe('web UI: challenge log, analytics and downloads', () => {
  let app: LedgerTestApp;
  let browser: Browser;
  let base: string;
  let seed: Seed;
  let challengeId: string;
  /** Record time after the seed's action, before any challenge was raised. */
  let beforeChallenges: string;

  async function post(path: string, body: object): Promise<{ id: string }> {
    const response = await app.http().post(`/api/v1/partnerships/${seed.partnershipId}${path}`).set(seed.admin).send(body);
    if (![200, 201].includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  }

  beforeAll(async () => {
    ensureWebBuilt();
    app = await LedgerTestApp.start();
    const server = (await app.ledger.app.listen(0, '127.0.0.1')) as Server;
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    seed = await seedPartnership(app);
    const history = await app
      .http()
      .get(`/api/v1/partnerships/${seed.partnershipId}/actions/${seed.actionId}/history`)
      .set(seed.admin)
      .expect(200);
    const items = history.body.items as { recordedAt: string }[];
    beforeChallenges = items[items.length - 1]!.recordedAt;

    // A challenge raised weeks ago, its response now overdue, escalated to the lead partner.
    challengeId = (
      await post('/challenges', {
        toAgencyId: seed.agencyId,
        subject: SUBJECT,
        detail: 'The board asks how escalation routes are used between the two agencies.',
        responseDueDate: daysAgo(10).slice(0, 10),
        occurredAt: daysAgo(30),
        reason: BACKDATED,
      })
    ).id;
    await post(`/challenges/${challengeId}/escalate`, { level: 'lead-partner', reason: 'No response by the due date.' });
    // An action the same agency leads whose target date has passed: overdue.
    await post('/actions', {
      recommendationIds: [seed.recommendationId],
      description: 'Audit attendance at strategy discussions.',
      leadAgencyId: seed.agencyId,
      targetDate: daysAgo(5).slice(0, 10),
      successMeasure: 'An audit report to the board.',
      occurredAt: daysAgo(30),
      reason: BACKDATED,
    });

    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const auditorToken = () => app.token({ sub: 'auditor@example.org', roles: ['auditor'], partnerships: [seed.partnershipId] });
  /** Signs in, picks the partnership and selects a tab, waiting for the table the tab renders. */
  async function openTab(tab: 'Challenges' | 'Analytics', ready: string): Promise<Page> {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(base);
    await page.getByLabel('Bearer token').fill(await auditorToken());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Northshire Safeguarding Children Partnership' }).click();
    await page.locator('table.plan').waitFor();
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).resolves.toBe('false');
    await page.locator(ready).waitFor();
    expect(consoleErrors).toEqual([]);
    return page;
  }
  const challengeRow = (page: Page, id: string) => page.locator(`table.challenges tr[data-challenge-id="${id}"]`);
  async function travel(page: Page, asOf: string, path: string): Promise<void> {
    await page.getByLabel('As recorded at (asOf)').fill(asOf);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(path) && r.url().includes('asOf=') && r.status() === 200),
      page.getByRole('button', { name: 'Apply' }).click(),
    ]);
  }
  async function noSeriousViolations(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  }

  it('lists the challenges with their escalation and overdue response, and hides them before they were recorded', async () => {
    const page = await openTab('Challenges', 'table.challenges');
    const row = challengeRow(page, challengeId);
    await expect(row.locator('td.escalation').textContent()).resolves.toBe('lead-partner (1)');
    await expect(row.textContent()).resolves.toContain('Northshire Constabulary');
    await expect(row.textContent()).resolves.toContain('Overdue');
    await expect(challengeRow(page, seed.challengeId).locator('td.escalation').textContent()).resolves.toBe('Not escalated');

    // The item and its history: the back-dated raise and the escalation.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/challenges/${challengeId}/history`)),
      page.getByRole('button', { name: SUBJECT }).click(),
    ]);
    await page.getByRole('list', { name: 'Escalations' }).waitFor();
    await expect(page.getByRole('list', { name: 'Escalations' }).textContent()).resolves.toContain('No response by the due date.');
    const raised = page.locator('table.history tr.backdated').first();
    await raised.waitFor();
    await expect(raised.textContent()).resolves.toContain(BACKDATED);
    await expect(page.locator('table.history tr[data-event-type*="scalat"]').count()).resolves.toBe(1);

    await travel(page, beforeChallenges, '/challenges');
    await page.getByText('No challenges recorded.').waitFor();
    await expect(page.locator('table.challenges').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows agency accountability as the API computes it, timeliness and cycle times', async () => {
    const api = await app
      .http()
      .get(`/api/v1/partnerships/${seed.partnershipId}/analytics/agency-accountability`)
      .set(seed.admin)
      .expect(200);
    const expected = (api.body.agencies as AccountabilityRow[]).find((agency) => agency.agencyId === seed.agencyId)!;
    expect(expected.actions.overdue).toBeGreaterThan(0);

    const page = await openTab('Analytics', 'table.accountability');
    const row = page.locator(`table.accountability tr[data-agency-id="${seed.agencyId}"]`);
    await expect(row.locator('th').textContent()).resolves.toBe('Northshire Constabulary');
    const cell = (field: string) => row.locator(`td[data-field="${field}"]`).textContent();
    await expect(cell('actions.open')).resolves.toBe(String(expected.actions.open));
    await expect(cell('actions.overdue')).resolves.toBe(String(expected.actions.overdue));
    await expect(cell('challenges.open')).resolves.toBe(String(expected.challenges.open));
    await expect(cell('challenges.responseOverdue')).resolves.toBe(String(expected.challenges.responseOverdue));
    await page.locator('table.timeliness').waitFor();
    await expect(page.locator('table.timeliness tbody tr').count()).resolves.toBe(2);
    await page.locator('table.cycle-times').waitFor();
    await expect(page.locator('table.cycle-times tr[data-stage="recommendation-to-agreed"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('downloads the action plan as CSV with the canonical header row and the inspection pack, fetched with the bearer token', async () => {
    const page = await openTab('Challenges', 'table.challenges');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Action plan (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const rows: string[][] = parse(await readFile(await download.path(), 'utf8'), { to_line: 1 });
    expect(rows[0]).toEqual(ACTION_PLAN_COLUMNS.map((column) => column.header));
    await page.getByText(`Saved ${download.suggestedFilename()}.`).waitFor();

    // The inspection pack of this instant: a zip, named for the partnership.
    const [pack] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Inspection pack (ZIP)' }).click(),
    ]);
    expect(pack.suggestedFilename()).toMatch(new RegExp(`^inspection-pack-${seed.partnershipId}-.+\\.zip$`));
    expect((await readFile(await pack.path())).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.close();
  });

  it('has no serious or critical accessibility violations on the challenge log and analytics (axe)', async () => {
    const challenges = await openTab('Challenges', 'table.challenges');
    await Promise.all([
      challenges.waitForResponse((r) => r.url().endsWith(`/challenges/${challengeId}/history`)),
      challenges.getByRole('button', { name: SUBJECT }).click(),
    ]);
    await challenges.locator('table.history').waitFor();
    await noSeriousViolations(challenges);
    await challenges.close();

    const analytics = await openTab('Analytics', 'table.accountability');
    await analytics.locator('table.cycle-times').waitFor();
    await analytics.locator('table.timeliness').waitFor();
    await noSeriousViolations(analytics);
    await analytics.close();
  });
});
