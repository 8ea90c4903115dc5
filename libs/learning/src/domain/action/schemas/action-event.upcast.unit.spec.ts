import { ACTION_EVENT_TYPES } from '../action.events';
import * as f from '../action.fixtures';
import { actionEventSchemaName, CURRENT_ACTION_SCHEMA_VERSIONS, UnknownActionEventSchema, upcastActionEvent } from './action-event.upcast';

describe('upcastActionEvent', () => {
  it('maps a stored v1 event to the current event unchanged', () => {
    const event = f.proposed();
    expect(upcastActionEvent({ type: event.type, schemaVersion: 1, data: event.data })).toEqual(event);
  });

  it('treats a missing schema version as v1', () => {
    expect(upcastActionEvent({ type: 'ActionAgreed', data: { actionId: f.ACTION_ID } })).toEqual(f.agreed());
  });

  it('refuses an unknown version', () => {
    expect(() => upcastActionEvent({ type: 'ActionAgreed', schemaVersion: 9, data: {} })).toThrow(UnknownActionEventSchema);
  });

  it('refuses an unknown type', () => {
    expect(() => upcastActionEvent({ type: 'ActionTeleported', schemaVersion: 1, data: {} })).toThrow(UnknownActionEventSchema);
  });

  it('names every event type with its stored version', () => {
    expect(ACTION_EVENT_TYPES).toHaveLength(17);
    expect(ACTION_EVENT_TYPES.map((type) => actionEventSchemaName(type))).toContain('ActionProposed.v1');
    expect(Object.keys(CURRENT_ACTION_SCHEMA_VERSIONS).sort()).toEqual([...ACTION_EVENT_TYPES].sort());
  });
});
