import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { challengeContracts, CHALLENGE_EVENT_TYPES } from '@ledger/challenge';
import { ACTION_EVENT_TYPES, learningContracts, RECOMMENDATION_EVENT_TYPES, SOURCE_EVENT_TYPES } from '@ledger/learning';
import { PARTNERSHIP_EVENT_TYPES, partnershipContracts } from '@ledger/partnership';
import { PEOPLE_EVENT_TYPES, peopleContracts } from '@ledger/people';
import { KNOWN_EVENT_TYPES } from './items';
import { TimelineQueryDto } from './time-travel.dto';

const typesError = (types: string) =>
  validateSync(plainToInstance(TimelineQueryDto, { types })).find((error) => error.property === 'types');

describe('the timeline’s known event types', () => {
  it('include every context’s contract types and domain event types, so the types= filter cannot drift', () => {
    const contractTypes = [partnershipContracts, learningContracts, challengeContracts, peopleContracts].flatMap((context) =>
      Object.keys(context.definitions),
    );
    const domainTypes = [
      ...PARTNERSHIP_EVENT_TYPES,
      ...SOURCE_EVENT_TYPES,
      ...RECOMMENDATION_EVENT_TYPES,
      ...ACTION_EVENT_TYPES,
      ...CHALLENGE_EVENT_TYPES,
      ...PEOPLE_EVENT_TYPES,
    ];
    expect(contractTypes.length).toBeGreaterThan(30);
    expect([...contractTypes, ...domainTypes].filter((type) => !KNOWN_EVENT_TYPES.has(type))).toEqual([]);
  });

  it.each(['InspectorAccessGranted', 'InspectorAccessRevoked', 'PersonRegistered', 'PersonForgotten', 'FieldRedacted', 'EvidenceDisposed'])(
    'accept %s in types=',
    (type) => {
      expect(KNOWN_EVENT_TYPES.has(type)).toBe(true);
      expect(typesError(`ActionAgreed,${type}`)).toBeUndefined();
    },
  );

  it('refuse a type the ledger does not record', () => {
    expect(KNOWN_EVENT_TYPES.has('PersonRenamed')).toBe(false);
    expect(typesError('ActionAgreed,PersonRenamed')).toBeDefined();
  });
});
