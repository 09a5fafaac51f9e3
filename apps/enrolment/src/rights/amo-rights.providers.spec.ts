import { amoRightsSimulatorControllers } from './amo-rights.providers';
import { AmoRightsSimulatorHttpController } from './amo-rights-simulator.http.controller';

describe('amoRightsSimulatorControllers (where a simulated AMO answer may be set)', () => {
  it('mounts the endpoint in development and tests only: never in production, nor without NODE_ENV', () => {
    expect(amoRightsSimulatorControllers('development')).toEqual([AmoRightsSimulatorHttpController]);
    expect(amoRightsSimulatorControllers('test')).toEqual([AmoRightsSimulatorHttpController]);
    expect(amoRightsSimulatorControllers('production')).toEqual([]);
    expect(amoRightsSimulatorControllers(undefined)).toEqual([]);
    expect(amoRightsSimulatorControllers('Development')).toEqual([]);
  });
});
