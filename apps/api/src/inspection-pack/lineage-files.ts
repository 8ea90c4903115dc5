import { buildLineage, foldLedger, sliceEvents, type Lineage, type LineageNode } from '@ledger/insights';
import type { RecordedEvent } from '@ledger/event-sourcing';
import type { PackFile } from './pack-file';

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

/**
 * The file name of each recommendation's lineage: its number when that is a safe name no other
 * recommendation of the partnership shares, else its id.
 */
export function lineageNames(recommendations: readonly { readonly id: string; readonly number: string }[]): Map<string, string> {
  const uses = new Map<string, number>();
  for (const { number } of recommendations) uses.set(number, (uses.get(number) ?? 0) + 1);
  return new Map(
    recommendations.map(({ id, number }) => [id, SAFE_NAME.test(number) && !number.endsWith('.') && uses.get(number) === 1 ? number : id]),
  );
}

/** One recommendation's lineage in the pack, and the name of its files. */
export interface PackLineage {
  readonly name: string;
  readonly recommendationId: string;
  readonly lineage: Lineage;
}

/**
 * The insights lineage at `at` of every recommendation named in `names` (in its order), folded
 * from the pack's events (recorded by then) in business-time order exactly as the lineage query's
 * reader orders them.
 */
export function packLineages(events: readonly RecordedEvent[], at: Date, names: ReadonlyMap<string, string>): PackLineage[] {
  const ledger = foldLedger(sliceEvents(events, { asOf: at }));
  const lineages: PackLineage[] = [];
  for (const [recommendationId, name] of names) {
    const lineage = buildLineage(ledger, { recommendationId }, at);
    if (lineage) lineages.push({ name, recommendationId, lineage });
  }
  return lineages;
}

/** `lineage/<name>.json` and `.txt` for each lineage (disclosed by the builder before it gets here). */
export function lineageFiles(lineages: readonly PackLineage[], at: Date, partnershipId: string): PackFile[] {
  return lineages.flatMap(({ name, recommendationId, lineage }) => [
    {
      path: `lineage/${name}.json`,
      bytes: Buffer.from(`${JSON.stringify({ partnershipId, asOf: at.toISOString(), recommendationId, ...lineage }, null, 2)}\n`, 'utf8'),
    },
    { path: `lineage/${name}.txt`, bytes: Buffer.from(lineageText(lineage, at), 'utf8') },
  ]);
}

const KIND_LABEL: Readonly<Record<LineageNode['kind'], string>> = {
  source: 'Source',
  finding: 'Finding',
  recommendation: 'Recommendation',
  action: 'Action',
  evidence: 'Evidence',
  impact: 'Impact',
};

/** The lineage as an indented outline, each node once, under the first item that leads to it. */
export function lineageText(lineage: Lineage, at: Date): string {
  const nodes = new Map(lineage.nodes.map((node) => [node.id, node]));
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const edge of lineage.edges) {
    if (edge.kind === 'supports') continue; // impact evidence is shown under its action, and the impact once
    children.set(edge.from, [...(children.get(edge.from) ?? []), edge.to]);
    hasParent.add(edge.to);
  }
  const lines = [`Lineage as recorded at ${at.toISOString()}`, ''];
  const shown = new Set<string>();
  const visit = (id: string, depth: number) => {
    const node = nodes.get(id);
    if (!node || shown.has(id)) return;
    shown.add(id);
    const indent = '  '.repeat(depth);
    const number = node.kind === 'recommendation' && typeof node.details['number'] === 'string' ? ` ${node.details['number']}` : '';
    lines.push(`${indent}${KIND_LABEL[node.kind]}${number}: ${node.label} [${node.status}]`);
    lines.push(`${indent}  why: ${node.why}`);
    for (const child of children.get(id) ?? []) visit(child, depth + 1);
  };
  for (const node of lineage.nodes) if (!hasParent.has(node.id)) visit(node.id, 0);
  for (const node of lineage.nodes) visit(node.id, 0);
  return `${lines.join('\n')}\n`;
}
