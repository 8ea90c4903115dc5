import { accessTo, isOperationName, OPERATIONS, rolesFor, type OperationName } from './permissions';
import { READ_ONLY_ROLES } from './roles';

const operations = Object.keys(OPERATIONS) as OperationName[];

describe('the role matrix', () => {
  it('never lets a read-only role command', () => {
    const commands = operations.filter((operation) => OPERATIONS[operation].kind === 'command');
    for (const operation of commands)
      expect({ operation, access: accessTo(operation, READ_ONLY_ROLES) }).toEqual({ operation, access: { reach: 'none' } });
  });

  it('lets platform and partnership admins do everything but register partnerships, which is the platform’s', () => {
    for (const operation of operations) expect(accessTo(operation, ['platform-admin'])).toEqual({ reach: 'any' });
    expect(operations.filter((operation) => accessTo(operation, ['partnership-admin']).reach !== 'any')).toEqual(['partnership.register']);
  });

  it('scopes an agency lead to its own agency, and a second role’s wider reach wins', () => {
    expect(accessTo('action.deliver', ['agency-lead'])).toEqual({ reach: 'scoped', scopes: ['own-agency-action'] });
    expect(accessTo('challenge.answer', ['agency-lead'])).toEqual({ reach: 'scoped', scopes: ['challenge-to-own-agency'] });
    expect(accessTo('action.assure', ['agency-lead'])).toEqual({ reach: 'none' });
    expect(accessTo('challenge.link-action', ['agency-lead', 'board-member'])).toEqual({ reach: 'any' });
  });

  it('keeps assurance and judgement away from agency leads and scrutineers, and challenge with the board', () => {
    expect(rolesFor('action.assure')).toEqual(['platform-admin', 'partnership-admin', 'board-member']);
    expect(rolesFor('challenge.raise')).toEqual(['platform-admin', 'partnership-admin', 'board-member', 'scrutineer']);
    expect(rolesFor('partnership.read')).toHaveLength(8);
  });

  it('knows its operation names', () => {
    expect(isOperationName('action.agree')).toBe(true);
    expect(isOperationName('toString')).toBe(false);
  });
});
