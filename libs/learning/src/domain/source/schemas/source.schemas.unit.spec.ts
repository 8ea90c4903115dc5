import { findingRecorded, milestoneReached, sourceClosed, sourceRecorded } from '../test/source.fixtures';
import { SOURCE_SCHEMA_VERSIONS, UnknownSourceEventSchema, upcastSourceEvent } from './source.schemas';

describe('source event schemas', () => {
  it.each([sourceRecorded(), findingRecorded(), milestoneReached('started'), sourceClosed()])(
    'reads a stored v1 $type as the current event',
    (event) => {
      expect(SOURCE_SCHEMA_VERSIONS[event.type]).toBe(1);
      expect(upcastSourceEvent({ type: event.type, schemaVersion: 1, data: event.data })).toEqual(event);
    },
  );

  it('refuses a stored version it has no upcaster for', () => {
    expect(() => upcastSourceEvent({ type: 'SourceRecorded', schemaVersion: 9, data: {} })).toThrow(UnknownSourceEventSchema);
  });
});
