import type { IncidentCauseV1, ResponsiblePartyV1 } from '@app/contracts';
import { responsibleParty } from './incident-responsibility';

// DOMAIN.md "Responsibility": who answers for a connectivity incident, by its cause and the prescriber's override.
describe('responsibleParty', () => {
  it.each([
    ['NETWORK_COVERAGE', false, 'operator'],
    ['NETWORK_COVERAGE', true, 'physician'],
    ['DEVICE_FAULT', false, 'vendor'],
    ['DEVICE_FAULT', true, 'vendor'],
    ['PATIENT', false, 'patient'],
    ['PATIENT', true, 'patient'],
    ['UNKNOWN', false, 'operator'],
    ['UNKNOWN', true, 'operator'],
  ] as Array<[IncidentCauseV1, boolean, ResponsiblePartyV1]>)('%s with HOME_COVERAGE overridden %s is the %s\'s', (cause, homeCoverageOverridden, party) =>
    expect(responsibleParty(cause, { homeCoverageOverridden })).toBe(party));
});
