import { DEVICE_CERTIFICATION_EVENTS_V1 } from '@app/contracts';
import { generateSigningKey, GENESIS_HASH } from '@app/audit';
import { buildAuditEntry } from '@app/event-sourcing/decider/audit-entry.builder';
import { deviceAuditDraft } from './device.audit';
import { DEVICE_ID, certified, sealed, suspended } from './device.fixtures';
import { deviceEventTypes } from './device.upcasters';
import type { DeviceEvent } from './device.events';
import { deviceTextAad, mapDeviceTexts } from './device-texts';

const evaluator = { id: 'evaluator-1', role: 'evaluator' as const };
const context = { actor: evaluator, correlationId: 'c', causationId: null, now: new Date('2026-11-28T10:00:00.000Z') };
const entryOf = (events: DeviceEvent[]) =>
  buildAuditEntry({
    draft: deviceAuditDraft(DEVICE_ID, events, { status: 'SUSPENDED' } as never, evaluator),
    id: '0193aaaa-0000-7000-8000-000000000001',
    prevHash: GENESIS_HASH,
    streamVersion: 5,
    service: 'device-certification',
    signingKey: generateSigningKey(),
    context,
  });

describe('device texts in audit entries', () => {
  it('commits a suspension reason in the entry and discloses it to auditors and every physician', () => {
    const { audit, disclosures } = entryOf([suspended]);
    expect(audit.entry.evidence).toEqual({
      status: 'SUSPENDED',
      events: [{ type: 'DeviceSuspended', data: { reason: { commitment: 'commitment of vigilance report' }, evaluatorOrg: 'EVAL-1' } }],
    });
    expect(JSON.stringify(audit.entry)).not.toContain('ciphertext of');
    expect(disclosures).toEqual([
      {
        path: '/evidence/events/0/data/reason',
        ciphertext: 'ciphertext of vigilance report',
        aad: `device:${DEVICE_ID}#DeviceSuspended.reason`,
        pseudonym: null,
        readers: ['physician:*'],
      },
    ]);
  });

  it('discloses rejection reasons to auditors only, each at its own place', () => {
    const rejected: DeviceEvent = { type: 'DeviceRejected', data: { reasons: [sealed('no clinical data'), sealed('no pen test')], evaluatorOrg: 'EVAL-1' } };
    const { disclosures } = entryOf([rejected]);
    expect(disclosures.map(({ path, aad, readers }) => ({ path, aad, readers }))).toEqual([
      { path: '/evidence/events/0/data/reasons/0', aad: `device:${DEVICE_ID}#DeviceRejected.reasons.0`, readers: [] },
      { path: '/evidence/events/0/data/reasons/1', aad: `device:${DEVICE_ID}#DeviceRejected.reasons.1`, readers: [] },
    ]);
  });

  it('commits certification notes when there are some, and leaves a certification without notes as it was', () => {
    const withNotes = certified();
    (withNotes.data as { notes?: unknown }).notes = sealed('CER-12 reviewed');
    expect(entryOf([withNotes]).disclosures).toEqual([expect.objectContaining({ path: '/evidence/events/0/data/notes', aad: deviceTextAad(DEVICE_ID, 'DeviceCertified', 'notes') })]);
    expect(entryOf([certified()]).disclosures).toEqual([]);
  });

  it('maps every text of an event to what the reader makes of it, with its associated data', () => {
    const seen: string[] = [];
    const data = mapDeviceTexts(DEVICE_ID, suspended, (text, place) => {
      seen.push(place.aad);
      return `opened ${(text as { ciphertext: string }).ciphertext}`;
    });
    expect(data).toEqual({ reason: 'opened ciphertext of vigilance report', evaluatorOrg: 'EVAL-1' });
    expect(seen).toEqual([`device:${DEVICE_ID}#DeviceSuspended.reason`]);
  });
});

describe('device event upcasters', () => {
  const registry = deviceEventTypes();

  it('write every event type at the schema version the contract publishes', () => {
    for (const [type, version] of Object.entries(DEVICE_CERTIFICATION_EVENTS_V1.schemaVersions)) expect({ [type]: registry.latestVersion(type) }).toEqual({ [type]: version });
  });

  it('read a schema 1 text in clear as unsealed, and leave a schema 2 event as it is', () => {
    const old = { type: 'DeviceRejected', schemaVersion: 1, data: { reasons: ['no clinical data'], evaluatorOrg: 'EVAL-1' } };
    expect(registry.upcast(old)).toEqual({ ...old, schemaVersion: 2, data: { reasons: [{ unsealed: 'no clinical data' }], evaluatorOrg: 'EVAL-1' } });
    const oldSuspension = { type: 'DeviceSuspended', schemaVersion: 1, data: { reason: 'vigilance report', evaluatorOrg: 'EVAL-1' } };
    expect(registry.upcast(oldSuspension).data).toEqual({ reason: { unsealed: 'vigilance report' }, evaluatorOrg: 'EVAL-1' });
    const oldCertification = { type: 'DeviceCertified', schemaVersion: 1, data: { validUntil: 'x' } };
    expect(registry.upcast(oldCertification).data).toEqual({ validUntil: 'x' });
    const current = { type: 'DeviceSuspended', schemaVersion: 2, data: suspended.data as unknown as Record<string, unknown> };
    expect(registry.upcast(current)).toBe(current);
  });
});
