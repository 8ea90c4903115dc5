import { CHALLENGE_EVENT_TYPES } from '../domain/challenge.events';
import { escalated, raised } from '../domain/challenge.fixtures';
import { CHALLENGE_EVENT_SCHEMAS, CHALLENGE_SCHEMA_VERSIONS, UnknownChallengeEventSchema, upcastChallengeEvent } from './challenge.schemas';

describe('challenge event schemas', () => {
  it('names a v1 schema for every event type, written at v1', () => {
    expect(CHALLENGE_EVENT_SCHEMAS).toEqual(CHALLENGE_EVENT_TYPES.map((type) => `${type}.v1`));
    expect(Object.values(CHALLENGE_SCHEMA_VERSIONS).every((version) => version === 1)).toBe(true);
  });

  it('upcasts stored v1 JSON to the current event', () => {
    const stored = JSON.parse(JSON.stringify(escalated({ level: 'external', fromLevel: 'lead-partner' }))) as {
      type: string;
      data: unknown;
    };
    expect(upcastChallengeEvent({ ...stored, schemaVersion: 1 })).toEqual(escalated({ level: 'external', fromLevel: 'lead-partner' }));
  });

  it('refuses a version it has no upcaster for', () => {
    expect(() => upcastChallengeEvent({ type: 'ChallengeRaised', schemaVersion: 2, data: raised().data })).toThrow(
      UnknownChallengeEventSchema,
    );
  });

  it('refuses a type that is not a challenge event', () => {
    expect(() => upcastChallengeEvent({ type: 'ActionProposed', schemaVersion: 1, data: {} })).toThrow(UnknownChallengeEventSchema);
  });
});
