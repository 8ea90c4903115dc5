import { LedgerClient, type LedgerServer } from './ledger-server';

export interface SeededPartnership {
  readonly partnershipId: string;
  readonly agencyIds: readonly string[];
  readonly recommendationIds: readonly string[];
  /** A partnership-admin client of this partnership. */
  readonly admin: LedgerClient;
}

export type ActionShape = 'proposed' | 'agreed' | 'in-progress';

const AGENCIES = [
  { name: 'Northshire Constabulary', kind: 'police' },
  { name: 'Northshire ICB', kind: 'health' },
  { name: 'Northshire County Council', kind: 'local-authority' },
] as const;

/** Runs `work(0..count-1)` with at most `concurrency` in flight (seeding only; not timed). */
export async function inParallel(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/**
 * A partnership built through the API: three agencies, `sources` rapid reviews each with one
 * finding and `recommendationsPerSource` recommendations.
 */
export async function seedPartnership(
  server: LedgerServer,
  name: string,
  sources: number,
  recommendationsPerSource: number,
): Promise<SeededPartnership> {
  const platform = new LedgerClient(server, await server.bearer(['platform-admin']));
  const { id: partnershipId } = await platform.post('/api/v1/partnerships', { name, localAuthorities: ['Northshire County Council'] });
  const admin = new LedgerClient(server, await server.bearer(['partnership-admin'], [partnershipId]));
  const base = `/api/v1/partnerships/${partnershipId}`;
  const agencyIds: string[] = [];
  for (const agency of AGENCIES) agencyIds.push((await admin.post(`${base}/agencies`, agency)).id);
  const recommendationIds: string[] = [];
  await inParallel(sources, 4, async (s) => {
    const { id: sourceId } = await admin.post(`${base}/sources`, {
      kind: 'rapid-review',
      title: `Rapid review RR-2025-${String(s + 1).padStart(2, '0')}`,
    });
    const { id: findingId } = await admin.post(`${base}/sources/${sourceId}/findings`, {
      summary: 'Agencies did not share information about escalating concerns in time.',
      themes: ['information-sharing'],
      enablers: ['partnership-working'],
    });
    for (let r = 0; r < recommendationsPerSource; r++) {
      const { id } = await admin.post(`${base}/recommendations`, {
        sourceId,
        findingIds: [findingId],
        text: `The partnership should refresh its information-sharing protocol (recommendation ${r + 1} of review ${s + 1}).`,
        addresseeAgencyIds: [agencyIds[r % agencyIds.length]!],
        scope: 'local',
      });
      recommendationIds.push(id);
    }
  });
  return { partnershipId, agencyIds, recommendationIds, admin };
}

/**
 * Proposes one action against `recommendationId` and takes it to `shape`; an in-progress action
 * also gets a progress update and a piece of evidence (so the plan's latest update and evidence
 * count are real).
 */
export async function seedAction(
  partnership: SeededPartnership,
  index: number,
  recommendationId: string,
  shape: ActionShape,
): Promise<string> {
  const { admin, partnershipId, agencyIds } = partnership;
  const base = `/api/v1/partnerships/${partnershipId}/actions`;
  const { id } = await admin.post(base, {
    recommendationIds: [recommendationId],
    description: `Action ${index + 1}: refresh and relaunch the information-sharing protocol with every agency.`,
    leadAgencyId: agencyIds[index % agencyIds.length]!,
    targetDate: index % 7 === 0 ? '2025-01-31' : '2027-03-31',
    successMeasure: 'A repeat audit finds timely sharing in 9 of 10 cases.',
  });
  if (shape === 'proposed') return id;
  await admin.post(`${base}/${id}/agree`, { forum: 'Learning and Improvement subgroup' });
  if (shape === 'agreed') return id;
  await admin.post(`${base}/${id}/start`, {});
  await admin.post(`${base}/${id}/progress-updates`, {
    narrative: 'Protocol drafted; consultation with agencies under way.',
    rag: 'amber',
  });
  await admin.post(`${base}/${id}/evidence`, { title: 'Protocol v2 (draft)', kind: 'policy', describesImpact: false });
  return id;
}
