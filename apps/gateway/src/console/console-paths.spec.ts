import { isConsolePath } from './console-paths';

describe('isConsolePath', () => {
  it.each(['/', '/physician/prescriptions', '/assets/index-abc.js', '/console/config.json', '/v1beta'])('%s is the console', (path) => {
    expect(isConsolePath(path)).toBe(true);
  });

  it.each(['/v1', '/v1/devices', '/fhir/R4/metadata', '/docs', '/docs/claims/json', '/health/ready', '/internal/fhir/capabilities', '/metrics'])(
    '%s is not',
    (path) => {
      expect(isConsolePath(path)).toBe(false);
    },
  );
});
