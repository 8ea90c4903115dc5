import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/event-sourcing';
import { LEDGER_AGGREGATES, renderCatalogue, renderEventCatalogue, type CatalogueAggregate } from '../tools/generate-event-catalogue';

const CATALOGUE = join(__dirname, '..', 'docs', 'event-catalogue.md');
const UPDATE = 'UPDATE_EVENT_CATALOGUE=1 npx jest test/event-catalogue.unit.spec.ts';

function firstDifference(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, index) => text !== right[index]);
  return (line === -1 ? Math.min(left.length, right.length) : line) + 1;
}

const recorded = {
  metadata: { eventId: 'e', partnershipId: 'p', actor: { userId: 'u', role: 'r' }, correlationId: 'c', causationId: 'k', occurredAt: 't' },
} as unknown as RecordedEvent;

describe('docs/event-catalogue.md', () => {
  it('is what the code renders today', async () => {
    const rendered = await renderEventCatalogue();
    if (process.env['UPDATE_EVENT_CATALOGUE'] === '1') writeFileSync(CATALOGUE, rendered);
    const onDisk = existsSync(CATALOGUE) ? readFileSync(CATALOGUE, 'utf8') : '';
    if (onDisk !== rendered) {
      throw new Error(
        `docs/event-catalogue.md is out of date (first difference at line ${firstDifference(onDisk, rendered)}). Regenerate it: ${UPDATE}`,
      );
    }
    expect(onDisk).toBe(rendered);
  });

  it('lists every event type of every aggregate, with its written schema', async () => {
    const rendered = await renderEventCatalogue();
    for (const aggregate of LEDGER_AGGREGATES) {
      for (const type of aggregate.eventTypes) expect(rendered).toContain(`\`${type}.v${aggregate.versions[type]}\``);
    }
  });

  it('refuses to render an event type that has no example', () => {
    const withoutExample: CatalogueAggregate = { ...LEDGER_AGGREGATES[0]!, examples: () => [] };
    expect(() => renderCatalogue([withoutExample], recorded)).toThrow(/no example of PartnershipRegistered/);
  });

  it('refuses metadata it has no description for', () => {
    const unknownKey = { metadata: { ...recorded.metadata, mood: 'sunny' } } as unknown as RecordedEvent;
    expect(() => renderCatalogue([], unknownKey)).toThrow(/metadata key "mood"/);
  });
});
