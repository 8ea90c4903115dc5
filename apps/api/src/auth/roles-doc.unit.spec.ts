import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS, ROLES } from '@ledger/identity';
import { renderRolesDoc } from './roles-doc';

const DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'roles.md');
const UPDATE = 'UPDATE_ROLES_DOC=1 npx jest apps/api/src/auth/roles-doc.unit.spec.ts';

describe('docs/roles.md', () => {
  it('is what the role matrix renders today', () => {
    const rendered = renderRolesDoc();
    if (process.env['UPDATE_ROLES_DOC'] === '1') writeFileSync(DOC, rendered);
    const onDisk = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
    if (onDisk !== rendered)
      throw new Error(`docs/roles.md is out of date with libs/identity/src/permissions.ts. Regenerate it: ${UPDATE}`);
    expect(onDisk).toBe(rendered);
  });

  it('has a row for every operation and a column for every role', () => {
    const rendered = renderRolesDoc();
    for (const operation of Object.keys(OPERATIONS)) expect(rendered).toContain(`| \`${operation}\` |`);
    expect(rendered).toContain(`| Operation | What | ${ROLES.join(' | ')} |`);
  });
});
