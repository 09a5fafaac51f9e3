import type { CertificationFact, CertificationTerms } from './certification-fact';
import { deviceFactsAt } from './device-facts-at';

const DEVICE = '01950000-0000-7000-8000-0000000000d1';
const terms = (overrides: Partial<CertificationTerms> = {}): CertificationTerms => ({
  validFrom: '2026-01-10T10:00:00.000Z',
  validUntil: '2027-01-10T00:00:00.000Z',
  certifiedIndications: ['HEART_FAILURE'],
  connectivity: ['CELLULAR_4G'],
  udiDi: '03760123450010',
  lppCode: '1612544',
  ...overrides,
});
const fact = (version: number, type: CertificationFact['type'], occurredAt: string, t?: CertificationTerms): CertificationFact => ({
  eventId: `e${version}`,
  type,
  version,
  occurredAt,
  ...(t ? { terms: t } : {}),
});

const history: CertificationFact[] = [
  fact(6, 'DeviceReinstated', '2026-04-01T00:00:00.000Z'),
  fact(3, 'DeviceCertified', '2026-01-10T10:00:00.000Z', terms()),
  fact(5, 'DeviceSuspended', '2026-03-01T00:00:00.000Z'),
  fact(7, 'DeviceRecertified', '2026-06-01T00:00:00.000Z', terms({ validUntil: '2028-01-01T00:00:00.000Z', certifiedIndications: ['HEART_FAILURE', 'DIABETES'] })),
];
const at = (iso: string) => deviceFactsAt(DEVICE, history, new Date(iso));

describe('deviceFactsAt', () => {
  it('knows nothing before the first certification', () => {
    expect(at('2026-01-01T00:00:00.000Z')).toBeNull();
  });

  it('answers status, validity, indications, connectivity, UDI-DI and the event relied on, on each date', () => {
    expect(at('2026-02-01T00:00:00.000Z')).toEqual({
      deviceId: DEVICE,
      status: 'CERTIFIED',
      validUntil: '2027-01-10T00:00:00.000Z',
      certifiedIndications: ['HEART_FAILURE'],
      connectivity: ['CELLULAR_4G'],
      udiDi: '03760123450010',
      lppCode: '1612544',
      position: { eventId: 'e3', version: 3, occurredAt: '2026-01-10T10:00:00.000Z' },
    });
    expect(at('2026-03-15T00:00:00.000Z')).toMatchObject({ status: 'SUSPENDED', position: { version: 5 } });
    expect(at('2026-04-15T00:00:00.000Z')).toMatchObject({ status: 'CERTIFIED', certifiedIndications: ['HEART_FAILURE'] });
    expect(at('2026-07-01T00:00:00.000Z')).toMatchObject({
      status: 'CERTIFIED',
      validUntil: '2028-01-01T00:00:00.000Z',
      certifiedIndications: ['HEART_FAILURE', 'DIABETES'],
    });
  });

  it('counts a certification past its validUntil as EXPIRED before the expiry event arrives', () => {
    const single = [fact(3, 'DeviceCertified', '2026-01-10T10:00:00.000Z', terms())];
    expect(deviceFactsAt(DEVICE, single, new Date('2027-01-10T00:00:00.000Z'))?.status).toBe('EXPIRED');
    expect(deviceFactsAt(DEVICE, single, new Date('2027-01-09T23:59:59.999Z'))?.status).toBe('CERTIFIED');
  });

  it('keeps a revocation and an expiry', () => {
    const revoked = [...history, fact(8, 'DeviceRevoked', '2026-08-01T00:00:00.000Z')];
    expect(deviceFactsAt(DEVICE, revoked, new Date('2026-09-01T00:00:00.000Z'))?.status).toBe('REVOKED');
    const expired = [...history, fact(8, 'DeviceCertificationExpired', '2028-01-01T00:01:00.000Z')];
    expect(deviceFactsAt(DEVICE, expired, new Date('2028-02-01T00:00:00.000Z'))?.status).toBe('EXPIRED');
  });
});
