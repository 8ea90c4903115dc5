import type { SourceKind } from './source.values';

interface SourceFacts {
  readonly sourceId: string;
  readonly partnershipId: string;
  readonly kind: SourceKind;
  readonly findingIds: readonly string[];
  readonly milestones: readonly string[];
}

export type SourceState =
  { readonly status: 'initial' } | (SourceFacts & { readonly status: 'open' }) | (SourceFacts & { readonly status: 'closed' });

export const initialSourceState = (): SourceState => ({ status: 'initial' });
