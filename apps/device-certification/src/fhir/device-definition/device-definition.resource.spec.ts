import { foldEvents } from '@app/event-sourcing';
import { FR_SYSTEMS, platformUrl } from '@app/fhir';
import { expectValidFhir } from '@app/testing';
import type { DeviceDefinition, Extension } from '@medplum/fhirtypes';
import { deviceDecider } from '../../domain/device.decider';
import type { DeviceEvent } from '../../domain/device.events';
import { DEVICE_ID, VENDOR_SIRET, certified, product, registered, submitted, suspended } from '../../domain/device.fixtures';
import { deviceView, type RegisteredDevice } from '../../projections/device-view';
import { toDeviceDefinition } from './device-definition.resource';

const CREATED = '2026-11-28T10:00:00.000Z';
const UPDATED = '2026-11-29T08:30:00.125Z';

/** The catalogue row of a device after these events, as the projection writes it. */
function viewAfter(events: DeviceEvent[]) {
  const state = foldEvents(deviceDecider, events) as RegisteredDevice;
  return deviceView(state, events.length, CREATED, UPDATED);
}

const ext = (resource: { extension?: Extension[] }, url: string) => resource.extension?.find((each) => each.url === url);
const sub = (extension: Extension | undefined, url: string) => extension?.extension?.filter((each) => each.url === url) ?? [];
const certificationOf = (resource: DeviceDefinition) => ext(resource, platformUrl('StructureDefinition/device-certification'));

describe('DeviceDefinition of a catalogue product', () => {
  describe('a certified product', () => {
    const resource = toDeviceDefinition(viewAfter([registered(), submitted, certified('2027-12-31T00:00:00.000Z')]));

    it('is valid FHIR R4, named by the device id, versioned as the API', () => {
      expectValidFhir(resource);
      expect(resource).toMatchObject({ resourceType: 'DeviceDefinition', id: DEVICE_ID, meta: { versionId: '3', lastUpdated: UPDATED } });
      expect(resource.meta?.profile).toBeUndefined();
    });

    it('carries its GS1 UDI-DI under the EU jurisdiction', () => {
      expect(resource.udiDeviceIdentifier).toEqual([
        { deviceIdentifier: '03760123450010', issuer: FR_SYSTEMS.gs1, jurisdiction: 'http://hl7.org/fhir/NamingSystem/eu-ec-udi' },
      ]);
    });

    it('names the manufacturer by SIRET as FR Core writes it, and the exploitant (by default the manufacturer) as owner', () => {
      const manufacturer = { type: 'Organization', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.2', value: `3${VENDOR_SIRET}` }, display: 'Cardio SAS' };
      expect(resource.manufacturerReference).toEqual(manufacturer);
      expect(resource.owner).toEqual(manufacturer);
      expect(resource.deviceName).toEqual([{ name: 'CardioWatch', type: 'user-friendly-name' }]);
      expect(resource.modelNumber).toBe('CW-2');
    });

    it('carries the certification: status, validity, the LPP code as a coding, certified indications, evaluator', () => {
      const certification = certificationOf(resource);
      expect(sub(certification, 'status')).toEqual([
        { url: 'status', valueCoding: { system: platformUrl('CodeSystem/device-certification-status'), code: 'CERTIFIED' } },
      ]);
      expect(sub(certification, 'validFrom')[0].valueDateTime).toBe('2026-11-28T10:00:00.000Z');
      expect(sub(certification, 'validUntil')[0].valueDateTime).toBe('2027-12-31T00:00:00.000Z');
      expect(sub(certification, 'lppCode')[0].valueCoding).toEqual({ system: FR_SYSTEMS.lpp, code: '1612544' });
      expect(sub(certification, 'certifiedIndication').map((each) => each.valueCoding)).toEqual([
        { system: platformUrl('CodeSystem/indication'), code: 'HEART_FAILURE' },
      ]);
      expect(sub(certification, 'evaluator')[0].valueReference).toEqual({
        type: 'Organization',
        identifier: { system: platformUrl('NamingSystem/evaluator'), value: 'EVAL-1' },
      });
    });

    it('carries the CE marking, the data hosting and the declared characteristics', () => {
      const ceMarking = ext(resource, platformUrl('StructureDefinition/ce-marking'));
      expect(ceMarking?.extension).toEqual([
        { url: 'class', valueCoding: { system: platformUrl('CodeSystem/ce-class'), code: 'IIa', display: 'Class IIa' } },
        { url: 'notifiedBodyCertificate', valueString: 'NB-0459-2026-001' },
      ]);
      expect(ext(resource, platformUrl('StructureDefinition/data-hosting'))?.extension).toEqual([
        { url: 'storage', valueCoding: { system: platformUrl('CodeSystem/data-storage'), code: 'HDS_CLOUD' } },
        { url: 'hdsCertificate', valueString: 'HDS-2025-77' },
      ]);
      const property = (code: string) =>
        resource.property?.find((each) => each.type.coding?.[0].code === code)?.valueCode?.map((value) => value.coding?.[0]);
      expect(property('declared-indication')).toEqual([
        { system: platformUrl('CodeSystem/indication'), code: 'HEART_FAILURE' },
        { system: platformUrl('CodeSystem/indication'), code: 'IMPLANTED_CARDIAC_DEVICE' },
      ]);
      expect(property('connectivity')).toEqual([
        { system: platformUrl('CodeSystem/connectivity'), code: 'CELLULAR_4G' },
        { system: platformUrl('CodeSystem/connectivity'), code: 'WIFI' },
      ]);
      expect(property('security-standard')).toEqual([{ system: platformUrl('CodeSystem/security-standard'), code: 'ETSI_EN_303_645' }]);
    });

    it("leaves out the vendor's evidence reference", () => {
      expect(JSON.stringify(resource)).not.toContain('PT-9');
    });
  });

  it('serves a draft with its status and no certification terms', () => {
    const resource = toDeviceDefinition(viewAfter([registered()]));
    expectValidFhir(resource);
    expect(certificationOf(resource)?.extension?.map((each) => each.url)).toEqual(['status']);
    expect(sub(certificationOf(resource), 'status')[0].valueCoding?.code).toBe('DRAFT');
  });

  it('keeps the terms last in force of a suspended product', () => {
    const resource = toDeviceDefinition(viewAfter([registered(), submitted, certified(), suspended]));
    expectValidFhir(resource);
    expect(sub(certificationOf(resource), 'status')[0].valueCoding?.code).toBe('SUSPENDED');
    expect(sub(certificationOf(resource), 'lppCode')).toHaveLength(1);
  });

  it('names a distinct exploitant as owner', () => {
    const exploitant = { siret: '44306184100047', name: 'TeleSuivi Services' };
    const resource = toDeviceDefinition(viewAfter([registered(product({ exploitant }))]));
    expectValidFhir(resource);
    expect(resource.owner?.identifier).toEqual({ system: FR_SYSTEMS.idNatStruct, value: '344306184100047' });
    expect(resource.manufacturerReference?.identifier?.value).toBe(`3${VENDOR_SIRET}`);
  });

  it.each([
    ['+A123CW2ABC', 'http://hl7.org/fhir/NamingSystem/hibcc-dI'],
    ['=/A9999CW2', 'http://hl7.org/fhir/NamingSystem/iccbba-other-di'],
  ])('reads the issuer of %s from its shape', (udiDi, issuer) => {
    const resource = toDeviceDefinition(viewAfter([registered(product({ udiDi }))]));
    expectValidFhir(resource);
    expect(resource.udiDeviceIdentifier?.[0]).toMatchObject({ deviceIdentifier: udiDi, issuer });
  });

  it('omits what the vendor did not declare (class I without certificate, data on the device, no ETSI claim)', () => {
    const resource = toDeviceDefinition(
      viewAfter([
        registered(
          product({
            ceClass: 'I',
            notifiedBodyCertificate: undefined,
            dataHosting: { storage: 'ON_DEVICE' },
            security: { etsiEn303645: false },
          }),
        ),
      ]),
    );
    expectValidFhir(resource);
    expect(ext(resource, platformUrl('StructureDefinition/ce-marking'))?.extension?.map((each) => each.url)).toEqual(['class']);
    expect(ext(resource, platformUrl('StructureDefinition/data-hosting'))?.extension?.map((each) => each.url)).toEqual(['storage']);
    expect(resource.property?.map((each) => each.type.coding?.[0].code)).toEqual(['declared-indication', 'connectivity']);
  });
});
