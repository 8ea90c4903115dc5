import type { DocumentProjection } from '@ledger/event-sourcing';
import { inspectorGrantsProjection, partnershipsProjection } from '@ledger/partnership';
import { actionsProjection, recommendationsProjection, sourcesProjection } from '@ledger/learning';
import { challengesProjection } from '@ledger/challenge';

/** The async read models the projector keeps (and `ledger rebuild` rebuilds). */
export const ledgerProjections: readonly DocumentProjection<never>[] = [
  partnershipsProjection,
  sourcesProjection,
  recommendationsProjection,
  actionsProjection,
  challengesProjection,
  inspectorGrantsProjection,
] as unknown as readonly DocumentProjection<never>[];
