import { cloudEventType } from './cloud-event';
import type { ContractDefinition, EventContracts } from './event-contracts';

/** The JSON Schema (draft-07) of one contract's `data`: every property required, nothing else allowed. */
export function contractDataSchema(type: string, definition: ContractDefinition): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: cloudEventType(type, definition.version),
    description: `${definition.description} The \`data\` of CloudEvents of this type on the ledger's topic.`,
    type: 'object',
    additionalProperties: false,
    required: Object.keys(definition.properties),
    properties: definition.properties,
    ...(Object.keys(definition.omitted).length > 0
      ? {
          $comment: `Left out of the domain event ${type}: ${Object.entries(definition.omitted)
            .map(([field, why]) => `${field} (${why})`)
            .join('; ')}.`,
        }
      : {}),
  };
}

/** `docs/contracts/<Type>.v<n>.schema.json` for every contract, plus a README index: file name → content. */
export function renderContractDocs(contracts: EventContracts): Map<string, string> {
  const files = new Map<string, string>();
  const rows: string[] = [];
  for (const context of contracts.contexts) {
    for (const [type, definition] of Object.entries(context.definitions)) {
      const file = `${type}.v${definition.version}.schema.json`;
      files.set(file, `${JSON.stringify(contractDataSchema(type, definition), null, 2)}\n`);
      const omitted =
        Object.keys(definition.omitted)
          .map((field) => `\`${field}\``)
          .join(', ') || '—';
      rows.push(`| ${context.context} | \`${cloudEventType(type, definition.version)}\` | [${file}](${file}) | ${omitted} |`);
    }
  }
  files.set(
    'README.md',
    [
      '# Kafka contracts',
      '',
      '<!-- Generated from the code (libs/<context>/src/contracts). Do not edit by hand:',
      '     UPDATE_CONTRACT_SCHEMAS=1 npx jest libs/messaging/test/contract-schemas.unit.spec.ts -->',
      '',
      'Every event the ledger stores is published to the topic `ledger.events.v1` (`KAFKA_TOPIC`) as a',
      'CloudEvents 1.0 JSON envelope (structured mode, header `content-type: application/cloudevents+json`),',
      'key = stream id (DESIGN §7). Envelope: `id` = event id (consumers deduplicate by it: delivery is at',
      'least once), `type` as below, `source` = `/partnerships/<partnershipId>`, `subject` = stream id,',
      '`time` = when the ledger recorded the event, `datacontenttype` = `application/json`; extension',
      'attributes `partitionkey` (= the key), `streamversion` (1, 2, … within the subject: its order),',
      '`occurredat` (business time, may be back-dated) and `partnershipid`.',
      '',
      '`data` is the contract below: a stable public vocabulary mapped field by field from the domain',
      'event, versioned on its own (`.v<n>` in the type). It carries identifiers, codes, dates, statuses',
      'and organisation names only. Prose typed by practitioners (descriptions, narratives, reasons,',
      'summaries, titles) and person references are left out, because the topic reaches systems outside',
      'the ledger’s per-partnership access control and such text can identify a child, a family or a',
      'member of staff; read them through the HTTP API. Each schema’s `$comment` says what it leaves out and why.',
      '',
      '| Context | CloudEvent type | Schema of `data` | Domain fields left out |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
  return files;
}
