import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from '../prescription.fixtures';
import type { Connectivity, MonitoringMode } from '../vocabulary';
import { connectivityFitsUse } from './connectivity-fits-use.rule';

const check = (monitoringMode: MonitoringMode, connectivity: Connectivity[]) =>
  connectivityFitsUse(evaluationInput({ monitoringMode, device: certifiedDevice({ connectivity }) }), REFERENTIAL_2026_1).outcome;

describe('CONNECTIVITY_FITS_USE', () => {
  it.each([[['LPWAN']], [['BLE_GATEWAY']], [['WIFI']], [['CELLULAR_4G']]] as Connectivity[][][])(
    'PERIODIC monitoring accepts any connectivity: %j',
    (connectivity) => {
      expect(check('PERIODIC', connectivity)).toBe('PASS');
    },
  );

  it.each([[['CELLULAR_4G']], [['CELLULAR_5G']], [['WIRED']], [['LPWAN', 'CELLULAR_5G']], [['WIFI', 'WIRED']]] as Connectivity[][][])(
    'CRITICAL_ALERTS passes with cellular or wired access: %j',
    (connectivity) => {
      expect(check('CRITICAL_ALERTS', connectivity)).toBe('PASS');
    },
  );

  it.each([[['LPWAN']], [['WIFI']], [['BLE_GATEWAY']], [['LPWAN', 'WIFI', 'BLE_GATEWAY']]] as Connectivity[][][])(
    'CRITICAL_ALERTS blocks without cellular or wired access: %j',
    (connectivity) => {
      expect(check('CRITICAL_ALERTS', connectivity)).toBe('BLOCK');
    },
  );

  it('CRITICAL_ALERTS blocks when the device is unknown; PERIODIC does not depend on it', () => {
    expect(connectivityFitsUse(evaluationInput({ monitoringMode: 'CRITICAL_ALERTS', device: null }), REFERENTIAL_2026_1).outcome).toBe(
      'BLOCK',
    );
    expect(connectivityFitsUse(evaluationInput({ monitoringMode: 'PERIODIC', device: null }), REFERENTIAL_2026_1).outcome).toBe('PASS');
  });

  it('tells the physician what to do when it blocks', () => {
    const result = connectivityFitsUse(
      evaluationInput({ monitoringMode: 'CRITICAL_ALERTS', device: certifiedDevice({ connectivity: ['LPWAN'] }) }),
      REFERENTIAL_2026_1,
    );
    expect(result.message).toMatch(/Critical alerts need CELLULAR_4G, CELLULAR_5G, WIRED access; this device only has LPWAN/);
  });
});
