import { EventTypeRegistry } from './event-type-registry';

describe('EventTypeRegistry', () => {
  const registry = new EventTypeRegistry()
    .upcaster('DeviceRegistered', 1, ({ class: classCode, ...rest }) => ({ ...rest, classCode }))
    .upcaster('DeviceRegistered', 2, (data) => ({ ...data, lppCodes: [] }));

  it('brings an old event to the latest version step by step', () => {
    const upcast = registry.upcast({ type: 'DeviceRegistered', schemaVersion: 1, data: { name: 'X', class: 'IIa' } });
    expect(upcast).toEqual({ type: 'DeviceRegistered', schemaVersion: 3, data: { name: 'X', classCode: 'IIa', lppCodes: [] } });
  });

  it('starts from the stored version, not from 1', () => {
    const upcast = registry.upcast({ type: 'DeviceRegistered', schemaVersion: 2, data: { classCode: 'IIb' } });
    expect(upcast).toEqual({ type: 'DeviceRegistered', schemaVersion: 3, data: { classCode: 'IIb', lppCodes: [] } });
  });

  it('leaves latest-version events and unknown types untouched', () => {
    const latest = { type: 'DeviceRegistered', schemaVersion: 3, data: { classCode: 'I' } };
    const other = { type: 'DeviceCertified', schemaVersion: 1, data: { at: 'now' } };
    expect(registry.upcast(latest)).toBe(latest);
    expect(registry.upcast(other)).toBe(other);
  });

  it('writes new events with the latest version', () => {
    expect(registry.latestVersion('DeviceRegistered')).toBe(3);
    expect(registry.latestVersion('DeviceCertified')).toBe(1);
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => new EventTypeRegistry().upcaster('A', 1, (d) => d).upcaster('A', 1, (d) => d)).toThrow(/already registered/);
  });
});
