import type { CertificationGrantedV1 } from '@app/contracts';

const DAY_MS = 86_400_000;

/**
 * The terms of a DeviceCertified as device-certification publishes them: a
 * heart-failure product, certified from `validFrom` for three years, as the
 * feeds of the services that consume that topic send it in their tests.
 */
export const certificationGranted = (validFrom: Date, overrides: Partial<CertificationGrantedV1> = {}): CertificationGrantedV1 => ({
  validFrom: validFrom.toISOString(),
  validUntil: new Date(validFrom.getTime() + 3 * 365 * DAY_MS).toISOString(),
  lppCode: '1612544',
  certifiedIndications: ['HEART_FAILURE'],
  connectivity: ['CELLULAR_4G', 'WIFI'],
  ceClass: 'IIa',
  udiDi: '03760123450010',
  manufacturerSiret: '73282932000074',
  evaluatorOrg: 'EVAL-GMED',
  ...overrides,
});
