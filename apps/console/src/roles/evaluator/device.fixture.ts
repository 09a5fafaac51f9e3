import type { DeviceView } from '../../devices/device-view';

/** A class IIa device hosted by an HDS, submitted with every certificate declared: each override takes one away. */
export const submittedDevice = (overrides: Partial<DeviceView> = {}): DeviceView => ({
  id: '01970000-0000-7000-8000-0000000000d1',
  status: 'SUBMITTED',
  version: 2,
  name: 'CardioLink',
  model: 'CL-200',
  udiDi: '03760012345675',
  manufacturer: { siret: '73282932000074', name: 'Télémédica SAS' },
  ceClass: 'IIa',
  notifiedBodyCertificate: 'NB-0459-2026-117',
  indications: ['HEART_FAILURE', 'IMPLANTED_CARDIAC_DEVICE'],
  connectivity: ['CELLULAR_4G'],
  dataHosting: { storage: 'HDS_CLOUD', hdsCertificateId: 'HDS-2026-0042' },
  security: { etsiEn303645: true, penTestReportRef: 'PT-2026-03' },
  certification: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});
