import type { SealedTextV1 } from '@app/contracts';
import type { DeviceProductData } from './device-product';
import type { DeviceEvent } from './device.events';

/** Test data shared by the decider specs: a conform class IIa heart-failure monitor. */
export const VENDOR_SIRET = '73282932000074';
export const DEVICE_ID = '01936b2e-0000-7000-8000-000000000001';
export const NOW = new Date('2026-11-28T10:00:00.000Z');

export const product = (overrides: Partial<DeviceProductData> = {}): DeviceProductData => ({
  name: 'CardioWatch',
  model: 'CW-2',
  udiDi: '03760123450010',
  manufacturer: { siret: VENDOR_SIRET, name: 'Cardio SAS' },
  ceClass: 'IIa',
  notifiedBodyCertificate: 'NB-0459-2026-001',
  indications: ['HEART_FAILURE', 'IMPLANTED_CARDIAC_DEVICE'],
  connectivity: ['CELLULAR_4G', 'WIFI'],
  dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2025-77' },
  security: { etsiEn303645: true, penTestReportRef: 'PT-9' },
  ...overrides,
});

export const registered = (data = product()): DeviceEvent => ({
  type: 'DeviceRegistered',
  data: { deviceId: DEVICE_ID, product: data },
});
export const submitted: DeviceEvent = { type: 'DeviceSubmitted', data: { submittedAt: NOW.toISOString() } };
export const certified = (validUntil = '2027-12-31T00:00:00.000Z'): DeviceEvent => ({
  type: 'DeviceCertified',
  data: {
    validFrom: NOW.toISOString(),
    validUntil,
    lppCode: '1612544',
    certifiedIndications: ['HEART_FAILURE'],
    connectivity: ['CELLULAR_4G', 'WIFI'],
    ceClass: 'IIa',
    udiDi: '03760123450010',
    manufacturerSiret: VENDOR_SIRET,
    evaluatorOrg: 'EVAL-1',
  },
});
/** A free text as the handler hands it to the decider (sealing is not the decider's business: a stand-in). */
export const sealed = (text: string): SealedTextV1 => ({ commitment: `commitment of ${text}`, ciphertext: `ciphertext of ${text}` });
export const suspended: DeviceEvent = { type: 'DeviceSuspended', data: { reason: sealed('vigilance report'), evaluatorOrg: 'EVAL-1' } };
export const rejected: DeviceEvent = { type: 'DeviceRejected', data: { reasons: [sealed('no clinical data')], evaluatorOrg: 'EVAL-1' } };
