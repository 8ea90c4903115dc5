import type { LedgerTestApp } from './ledger-test-app';

/** Ids of a small partnership built through the API: the starting point of most e2e tests. */
export interface Seed {
  readonly partnershipId: string;
  readonly agencyId: string;
  readonly otherAgencyId: string;
  readonly sourceId: string;
  readonly findingId: string;
  readonly recommendationId: string;
  /** An action in progress with one piece of (non-impact) evidence. */
  readonly actionId: string;
  /** A raised challenge to `agencyId`. */
  readonly challengeId: string;
  /** An id no inspector grant has: the seed grants nobody (tests that need a grant make one). */
  readonly grantId: string;
  /** A member of staff in the people registry (synthetic: "Pat Example"). */
  readonly personId: string;
  readonly admin: { Authorization: string };
}

async function post(
  app: LedgerTestApp,
  auth: { Authorization: string },
  path: string,
  body: object,
  expected = [200, 201],
): Promise<{ id: string; version: number }> {
  const response = await app.http().post(`/api/v1${path}`).set(auth).send(body);
  if (!expected.includes(response.status)) throw new Error(`POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number };
}

/** Builds a partnership with two agencies, a rapid review with a finding, a recommendation, an action and a challenge. */
export async function seedPartnership(app: LedgerTestApp, name = 'Northshire Safeguarding Children Partnership'): Promise<Seed> {
  const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
  const { id: partnershipId } = await post(app, platform, '/partnerships', { name, localAuthorities: ['Northshire County Council'] });
  const admin = await app.bearer({ sub: 'partnership-admin@example.org', roles: ['partnership-admin'], partnerships: [partnershipId] });
  const { id: agencyId } = await post(app, admin, `/partnerships/${partnershipId}/agencies`, {
    name: 'Northshire Constabulary',
    kind: 'police',
  });
  const { id: otherAgencyId } = await post(app, admin, `/partnerships/${partnershipId}/agencies`, {
    name: 'Northshire ICB',
    kind: 'health',
  });
  const { id: sourceId } = await post(app, admin, `/partnerships/${partnershipId}/sources`, {
    kind: 'rapid-review',
    title: 'Rapid review RR-2025-01',
  });
  const { id: findingId } = await post(app, admin, `/partnerships/${partnershipId}/sources/${sourceId}/findings`, {
    summary: 'Agencies did not share information about escalating concerns in time.',
    themes: ['information-sharing'],
    enablers: ['partnership-working'],
  });
  const { id: recommendationId } = await post(app, admin, `/partnerships/${partnershipId}/recommendations`, {
    sourceId,
    findingIds: [findingId],
    text: 'The partnership should refresh its information-sharing protocol.',
    addresseeAgencyIds: [agencyId],
    scope: 'local',
  });
  const { id: actionId } = await post(app, admin, `/partnerships/${partnershipId}/actions`, {
    recommendationIds: [recommendationId],
    description: 'Refresh and relaunch the information-sharing protocol.',
    leadAgencyId: agencyId,
    targetDate: '2027-03-31',
    successMeasure: 'A repeat audit finds timely sharing in 9 of 10 cases.',
  });
  await post(app, admin, `/partnerships/${partnershipId}/actions/${actionId}/agree`, { forum: 'Learning and Improvement subgroup' });
  await post(app, admin, `/partnerships/${partnershipId}/actions/${actionId}/start`, {});
  await post(app, admin, `/partnerships/${partnershipId}/actions/${actionId}/evidence`, {
    title: 'Protocol v2 (draft)',
    kind: 'policy',
    describesImpact: false,
  });
  const { id: challengeId } = await post(app, admin, `/partnerships/${partnershipId}/challenges`, {
    toAgencyId: agencyId,
    subject: 'Attendance at strategy discussions',
    detail: 'The board asks for assurance about attendance at strategy discussions.',
    responseDueDate: '2027-01-31',
  });
  const grantId = '00000000-0000-4000-8000-00000000a001';
  const { id: personId } = await post(app, admin, `/partnerships/${partnershipId}/people`, { name: 'Pat Example', agencyId });
  return { partnershipId, agencyId, otherAgencyId, sourceId, findingId, recommendationId, actionId, challengeId, grantId, personId, admin };
}
