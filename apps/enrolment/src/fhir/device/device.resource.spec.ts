import { FR_SYSTEMS, platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { EnrolmentDeviceRow } from '../../projections/enrolment-devices.repository';
import { deviceResource, inUseFor } from './device.resource';

const PSEUDONYM = 'a'.repeat(62) + '0f';

const row = (overrides: Partial<EnrolmentDeviceRow> = {}): EnrolmentDeviceRow => ({
  id: '01980000-0000-7000-8000-00000000d001',
  enrolmentId: '01980000-0000-7000-8000-00000000e001',
  udiDi: '03700000000017',
  serialNumber: 'SN-2026-000123',
  assignedAt: '2026-02-01T09:00:00.000Z',
  inUse: true,
  deviceId: '01980000-0000-7000-8000-0000000de71c',
  operatorOrg: 'operator-telecardio',
  patientPseudonym: PSEUDONYM,
  version: 6,
  updatedAt: '2026-02-03T10:15:00.123Z',
  ...overrides,
});

describe('Device of an enrolment', () => {
  it('is the serial in use: its product, UDI carrier, serial, patient by pseudonym and operator', () => {
    const device = deviceResource(row());
    expectValidFhir(device);
    expect(device).toEqual({
      resourceType: 'Device',
      id: row().id,
      meta: { versionId: '6', lastUpdated: '2026-02-03T10:15:00.123Z' },
      definition: { reference: 'DeviceDefinition/01980000-0000-7000-8000-0000000de71c' },
      udiCarrier: [
        { deviceIdentifier: '03700000000017', issuer: FR_SYSTEMS.gs1, jurisdiction: 'http://hl7.org/fhir/NamingSystem/eu-ec-udi', entryType: 'unknown' },
      ],
      status: 'active',
      serialNumber: 'SN-2026-000123',
      patient: { reference: `Patient/${PSEUDONYM}` },
      owner: { type: 'Organization', identifier: { system: platformUrl('NamingSystem/operator'), value: 'operator-telecardio' } },
    });
  });

  it('is inactive once replaced or once its enrolment ended', () => {
    const replaced = deviceResource(row({ inUse: false }));
    expectValidFhir(replaced);
    expect(replaced.status).toBe('inactive');
  });

  it('names the issuing agency of HIBCC and ICCBBA UDI-DIs as FHIR does', () => {
    const hibcc = deviceResource(row({ udiDi: '+H123PARTNO1' }));
    const iccbba = deviceResource(row({ udiDi: '=A9999XYZ100T0944' }));
    expectValidFhir(hibcc);
    expectValidFhir(iccbba);
    expect(hibcc.udiCarrier?.[0].issuer).toBe('http://hl7.org/fhir/NamingSystem/hibcc-dI');
    expect(iccbba.udiCarrier?.[0].issuer).toBe('http://hl7.org/fhir/NamingSystem/iccbba-other-di');
  });

  it('carries no identity: the patient only by pseudonym', () => {
    const text = JSON.stringify(deviceResource(row()));
    expect(text).not.toMatch(/nir|birth|name/i);
    expect(text).toContain(`Patient/${PSEUDONYM}`);
  });

  it('reads `status` as the serial being in use, or not, or either', () => {
    expect(inUseFor(['active'])).toBe(true);
    expect(inUseFor(['inactive'])).toBe(false);
    expect(inUseFor(['active', 'inactive'])).toBeUndefined();
    expect(inUseFor(undefined)).toBeUndefined();
  });
});
