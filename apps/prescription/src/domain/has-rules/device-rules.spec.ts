import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from '../prescription.fixtures';
import { certificationOutlasts } from './certification-outlasts.rule';
import { deviceCertified } from './device-certified.rule';
import { homeCoverage } from './home-coverage.rule';
import { indicationCertified } from './indication-certified.rule';

const R = REFERENTIAL_2026_1;

describe('DEVICE_CERTIFIED', () => {
  it('passes a certified device', () => {
    expect(deviceCertified(evaluationInput(), R)).toMatchObject({ ruleId: 'DEVICE_CERTIFIED', outcome: 'PASS' });
  });

  it.each(['SUSPENDED', 'REVOKED', 'EXPIRED'] as const)('blocks a %s device', (status) => {
    const result = deviceCertified(evaluationInput({ device: certifiedDevice({ status }) }), R);
    expect(result).toMatchObject({ outcome: 'BLOCK', message: expect.stringContaining(status) });
  });

  it('blocks an unknown device', () => {
    expect(deviceCertified(evaluationInput({ device: null }), R)).toMatchObject({ outcome: 'BLOCK' });
  });
});

describe('INDICATION_CERTIFIED', () => {
  it('passes an indication the device is certified for', () => {
    expect(indicationCertified(evaluationInput(), R).outcome).toBe('PASS');
  });

  it('blocks an indication the device is not certified for, naming those it is', () => {
    const result = indicationCertified(evaluationInput({ indication: 'DIABETES', clinical: {} }), R);
    expect(result).toMatchObject({ outcome: 'BLOCK' });
    expect(result.message).toMatch(/not certified for diabetes; it is certified for HEART_FAILURE, IMPLANTED_CARDIAC_DEVICE/);
  });
});

describe('HOME_COVERAGE', () => {
  const radioOnly = certifiedDevice({ connectivity: ['CELLULAR_4G', 'LPWAN'] });

  it.each(['POOR', 'NONE', 'UNKNOWN'] as const)('warns for a radio-only device at a home with %s coverage', (coverage) => {
    const input = evaluationInput({ device: radioOnly, patient: { birthDate: '1958-06-01', homeCellularCoverage: coverage, ald: true } });
    expect(homeCoverage(input, R)).toMatchObject({ ruleId: 'HOME_COVERAGE', outcome: 'WARN' });
  });

  it('passes a radio-only device at a home with good coverage', () => {
    expect(homeCoverage(evaluationInput({ device: radioOnly }), R).outcome).toBe('PASS');
  });

  it.each(['WIFI', 'WIRED', 'BLE_GATEWAY'] as const)('passes a device with %s whatever the coverage', (local) => {
    const input = evaluationInput({
      device: certifiedDevice({ connectivity: ['CELLULAR_4G', local] }),
      patient: { birthDate: '1958-06-01', homeCellularCoverage: 'NONE', ald: true },
    });
    expect(homeCoverage(input, R).outcome).toBe('PASS');
  });
});

describe('CERTIFICATION_OUTLASTS', () => {
  it('passes when the certification ends after the prescription', () => {
    const device = certifiedDevice({ validUntil: '2026-09-15T08:00:00.000Z' });
    expect(certificationOutlasts(evaluationInput({ device, endDate: '2026-09-14' }), R).outcome).toBe('PASS');
  });

  it('warns when the certification ends on or before the prescription end date', () => {
    const device = certifiedDevice({ validUntil: '2026-09-14T08:00:00.000Z' });
    expect(certificationOutlasts(evaluationInput({ device, endDate: '2026-09-14' }), R)).toMatchObject({
      outcome: 'WARN',
      message: expect.stringContaining('before this prescription ends on 2026-09-14'),
    });
  });
});
