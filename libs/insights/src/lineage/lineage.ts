import { londonDate } from '../calendar/london-dates';
import { isOverdue, isSlipped } from '../ledger/action-timeliness';
import type { ActionFacts, Ledger, RecommendationFacts, Stamp } from '../ledger/ledger-model';
import {
  explainAction,
  explainEvidence,
  explainFinding,
  explainImpact,
  explainRecommendation,
  explainSource,
  type Explained,
} from './lineage-why';

export type LineageNodeKind = 'source' | 'finding' | 'recommendation' | 'action' | 'evidence' | 'impact';

export interface LineageNode {
  /** The item's id; an impact node is `impact:<actionId>`. */
  readonly id: string;
  readonly kind: LineageNodeKind;
  readonly label: string;
  readonly status: string;
  readonly why: string;
  /** Business time, record time and forum of the event that created the item (null for impact). */
  readonly occurredAt: string | null;
  readonly recordedAt: string | null;
  readonly forum: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  /** found (source→finding), recommended (finding→recommendation, or source→recommendation citing no finding), actioned, evidenced, assures (action→impact), supports (impact evidence→impact). */
  readonly kind: 'found' | 'recommended' | 'actioned' | 'evidenced' | 'assures' | 'supports';
}

export type LineageSelector =
  { readonly sourceId: string } | { readonly recommendationId: string } | { readonly actionId: string } | Readonly<Record<string, never>>;

export interface Lineage {
  readonly root: { readonly kind: 'source' | 'recommendation' | 'action'; readonly id: string } | null;
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/** Ids of the items in one lineage graph, by kind. */
interface Selection {
  readonly sources: Set<string>;
  readonly findings: Set<string>;
  readonly recommendations: Set<string>;
  readonly actions: Set<string>;
}

/**
 * Pure: the lineage source → findings → recommendations → actions → evidence → impact around the
 * selected item (every source's when none is selected), each node with its status and why, judged
 * at `at`. Null when the selected item is not in the ledger.
 */
export function buildLineage(ledger: Ledger, selector: LineageSelector, at: Date): Lineage | null {
  const selection = select(ledger, selector);
  if (!selection) return null;
  const today = londonDate(at);
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  const node = (
    id: string,
    kind: LineageNodeKind,
    label: string,
    stamp: Stamp | null,
    explained: Explained,
    details: Record<string, unknown>,
  ) =>
    nodes.push({
      id,
      kind,
      label,
      ...explained,
      occurredAt: stamp?.at ?? null,
      recordedAt: stamp?.recordedAt ?? null,
      forum: stamp?.forum ?? null,
      details,
    });

  for (const id of selection.sources) {
    const s = ledger.sources.get(id)!;
    node(id, 'source', s.title, s.recorded, explainSource(s, ledger), {
      sourceKind: s.kind,
      reference: s.reference,
      milestones: Object.fromEntries(Object.entries(s.milestones).map(([m, st]) => [m, st.at])),
    });
    for (const f of s.findingIds) if (selection.findings.has(f)) edges.push({ from: id, to: f, kind: 'found' });
  }
  for (const id of selection.findings) {
    const f = ledger.findings.get(id)!;
    node(id, 'finding', f.summary, f.recorded, explainFinding(f, ledger), {
      themes: f.themes,
      enablers: f.enablers,
      goodPractice: f.goodPractice,
    });
  }
  for (const id of selection.recommendations) {
    const r = ledger.recommendations.get(id)!;
    node(id, 'recommendation', r.text, r.made, explainRecommendation(r, ledger), recommendationDetails(r));
    const cited = r.findingIds.filter((f) => selection.findings.has(f));
    for (const f of cited) edges.push({ from: f, to: id, kind: 'recommended' });
    if (cited.length === 0 && selection.sources.has(r.sourceId)) edges.push({ from: r.sourceId, to: id, kind: 'recommended' });
  }
  for (const id of selection.actions) {
    const a = ledger.actions.get(id)!;
    node(id, 'action', a.description, a.proposed, explainAction(a, ledger, today), actionDetails(a, ledger, today));
    for (const r of a.recommendationIds) if (selection.recommendations.has(r)) edges.push({ from: r, to: id, kind: 'actioned' });
    const impactId = `impact:${id}`;
    for (const e of a.evidenceIds) {
      const item = ledger.evidence.get(e)!;
      node(e, 'evidence', item.title, item.attached, explainEvidence(item), {
        evidenceKind: item.kind,
        describesImpact: item.describesImpact,
        effectiveFrom: item.effectiveFrom,
      });
      edges.push({ from: id, to: e, kind: 'evidenced' });
      if (item.describesImpact) edges.push({ from: e, to: impactId, kind: 'supports' });
    }
    node(impactId, 'impact', 'Impact on practice', a.impactAssured, explainImpact(a), {
      actionId: id,
      method: a.impactAssured?.method ?? null,
      impactEvidenceCount: a.impactEvidenceCount,
    });
    edges.push({ from: id, to: impactId, kind: 'assures' });
  }
  return { root: rootOf(selector), nodes, edges };
}

function rootOf(selector: LineageSelector): Lineage['root'] {
  if ('sourceId' in selector) return { kind: 'source', id: selector.sourceId };
  if ('recommendationId' in selector) return { kind: 'recommendation', id: selector.recommendationId };
  if ('actionId' in selector) return { kind: 'action', id: selector.actionId };
  return null;
}

function select(ledger: Ledger, selector: LineageSelector): Selection | null {
  const all = [...ledger.recommendations.values()];
  const sel: Selection = { sources: new Set(), findings: new Set(), recommendations: new Set(), actions: new Set() };
  const addSource = (id: string) => {
    const source = ledger.sources.get(id);
    if (!source) return;
    sel.sources.add(id);
    source.findingIds.forEach((f) => sel.findings.add(f));
    for (const r of all) if (r.sourceId === id || r.findingIds.some((f) => source.findingIds.includes(f))) sel.recommendations.add(r.id);
  };
  const addUpstream = (r: RecommendationFacts) => {
    sel.recommendations.add(r.id);
    if (ledger.sources.has(r.sourceId)) sel.sources.add(r.sourceId);
    r.findingIds.filter((f) => ledger.findings.has(f)).forEach((f) => sel.findings.add(f));
  };
  if ('sourceId' in selector) {
    if (!ledger.sources.has(selector.sourceId)) return null;
    addSource(selector.sourceId);
  } else if ('recommendationId' in selector) {
    const r = ledger.recommendations.get(selector.recommendationId);
    if (!r) return null;
    addUpstream(r);
  } else if ('actionId' in selector) {
    const a = ledger.actions.get(selector.actionId);
    if (!a) return null;
    sel.actions.add(a.id);
    a.recommendationIds.map((id) => ledger.recommendations.get(id)).forEach((r) => r && addUpstream(r));
    return sel;
  } else {
    [...ledger.sources.keys()].forEach(addSource);
  }
  for (const a of ledger.actions.values()) if (a.recommendationIds.some((r) => sel.recommendations.has(r))) sel.actions.add(a.id);
  return sel;
}

function recommendationDetails(r: RecommendationFacts): Record<string, unknown> {
  const response = r.responses[r.responses.length - 1] ?? null;
  return {
    number: r.number,
    scope: r.scope,
    addresseeAgencyIds: r.addresseeAgencyIds,
    decision: response?.decision ?? null,
    sourceId: r.sourceId,
  };
}

function actionDetails(a: ActionFacts, ledger: Ledger, today: string): Record<string, unknown> {
  const agency = ledger.agencies.get(a.leadAgencyId);
  return {
    leadAgency: { id: a.leadAgencyId, name: agency?.name ?? null },
    targetDate: { original: a.originalTargetDate, current: a.targetDate },
    overdue: isOverdue(a, today),
    slipped: isSlipped(a),
    impactStatus: a.impactStatus,
    evidenceCount: a.evidenceIds.length,
    latestRag: a.latestUpdate?.rag ?? null,
    successorActionId: a.superseded?.successorActionId ?? null,
  };
}
