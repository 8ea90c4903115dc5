import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ledgerEventContracts, renderContractDocs } from '@ledger/messaging';

const DOCS = join(__dirname, '..', '..', '..', 'docs', 'contracts');
const UPDATE = 'UPDATE_CONTRACT_SCHEMAS=1 npx jest libs/messaging/test/contract-schemas.unit.spec.ts';

describe('docs/contracts', () => {
  const rendered = renderContractDocs(ledgerEventContracts());

  if (process.env['UPDATE_CONTRACT_SCHEMAS'] === '1') {
    mkdirSync(DOCS, { recursive: true });
    for (const file of existsSync(DOCS) ? readdirSync(DOCS) : []) if (!rendered.has(file)) rmSync(join(DOCS, file));
    for (const [file, content] of rendered) writeFileSync(join(DOCS, file), content);
  }

  it('holds exactly the files the contracts render', () => {
    const onDisk = existsSync(DOCS) ? readdirSync(DOCS).sort() : [];
    if (onDisk.join() !== [...rendered.keys()].sort().join())
      throw new Error(`docs/contracts lists other files than the contracts render. Regenerate: ${UPDATE}`);
    expect(onDisk).toEqual([...rendered.keys()].sort());
  });

  it.each([...rendered.keys()])('%s is what the code renders today', (file) => {
    const onDisk = existsSync(join(DOCS, file)) ? readFileSync(join(DOCS, file), 'utf8') : '';
    if (onDisk !== rendered.get(file)) throw new Error(`docs/contracts/${file} is out of date. Regenerate: ${UPDATE}`);
    expect(onDisk).toBe(rendered.get(file));
  });
});
