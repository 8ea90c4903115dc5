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

  it('reads a stored EvidenceAttached.v1 as retention class standard, from its effective date', () => {
    const { retentionClass: _class, retentionFrom: _from, ...v1 } = f.evidenceAttached({ effectiveFrom: '2024-05-01' }).data;
    const recordedAt = new Date('2025-01-10T12:00:00.000Z');
    expect(upcastActionEvent({ type: 'EvidenceAttached', schemaVersion: 1, data: v1, recordedAt })).toEqual(
      f.evidenceAttached({ effectiveFrom: '2024-05-01', retentionClass: 'standard', retentionFrom: '2024-05-01' }),
    );
  });

  it('starts a v1 EvidenceAttached without an effective date on the day it was recorded, or never when that is unknown', () => {
    const { retentionClass: _class, retentionFrom: _from, ...v1 } = f.evidenceAttached().data;
    const recordedAt = new Date('2025-01-10T23:30:00.000Z');
    expect(upcastActionEvent({ type: 'EvidenceAttached', schemaVersion: 1, data: v1, recordedAt }).data).toMatchObject({
      retentionClass: 'standard',
      retentionFrom: '2025-01-10',
    });
    expect(upcastActionEvent({ type: 'EvidenceAttached', schemaVersion: 1, data: v1 }).data).toMatchObject({ retentionFrom: null });
  });

  it('maps a stored EvidenceAttached.v2 unchanged and refuses v3', () => {
    const event = f.evidenceAttached({ retentionClass: 'working-papers', retentionFrom: '2025-02-02' });
    expect(upcastActionEvent({ type: event.type, schemaVersion: 2, data: event.data })).toEqual(event);
    expect(() => upcastActionEvent({ type: event.type, schemaVersion: 3, data: event.data })).toThrow(UnknownActionEventSchema);
    expect(actionEventSchemaName('EvidenceAttached')).toBe('EvidenceAttached.v2');
  });

  it('refuses a v2 of an event that only has a v1', () => {
    expect(() => upcastActionEvent({ type: 'ActionAgreed', schemaVersion: 2, data: { actionId: f.ACTION_ID } })).toThrow(
      UnknownActionEventSchema,
    );
  });

  it('refuses an unknown version', () => {
    expect(() => upcastActionEvent({ type: 'ActionAgreed', schemaVersion: 9, data: {} })).toThrow(UnknownActionEventSchema);
  });

  it('refuses an unknown type', () => {
    expect(() => upcastActionEvent({ type: 'ActionTeleported', schemaVersion: 1, data: {} })).toThrow(UnknownActionEventSchema);
  });

  it('names every event type with its stored version', () => {
    expect(ACTION_EVENT_TYPES.length).toBeGreaterThanOrEqual(18);
    expect(ACTION_EVENT_TYPES.map((type) => actionEventSchemaName(type))).toContain('ActionProposed.v1');
    expect(Object.keys(CURRENT_ACTION_SCHEMA_VERSIONS).sort()).toEqual([...ACTION_EVENT_TYPES].sort());
  });
});
