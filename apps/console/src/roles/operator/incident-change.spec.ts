import { ApiError } from '../../api/api-error';
import type { Incident } from './enrolment-api';
import { incidentChange } from './incident-change';

const open: Incident = { incidentId: 'i1', startedAt: '2026-03-02T07:56:00.000Z', endedAt: null, cause: 'DEVICE_FAULT', responsibleParty: 'vendor', openedBy: 'operator' };
const messages = { badTime: 'bad time', nothingChanged: 'nothing to change' };

describe('incidentChange: the PATCH of an incident, only what changes', () => {
  it('names another cause', () => {
    expect(incidentChange(open, { cause: 'NETWORK_COVERAGE', endedAt: '' }, messages)).toEqual({ cause: 'NETWORK_COVERAGE' });
  });

  it('closes it without requalifying it when the cause is kept', () => {
    expect(incidentChange(open, { cause: 'DEVICE_FAULT', endedAt: '2026-03-02T08:58' }, messages)).toEqual({ endedAt: '2026-03-02T07:58:00.000Z' });
  });

  it('does both at once', () => {
    expect(incidentChange(open, { cause: 'PATIENT', endedAt: '2026-07-02T08:58' }, messages)).toEqual({ cause: 'PATIENT', endedAt: '2026-07-02T06:58:00.000Z' });
  });

  it('refuses a change that changes nothing, beside the cause', () => {
    expect(() => incidentChange(open, { cause: 'DEVICE_FAULT', endedAt: '' }, messages)).toThrow(ApiError);
    try {
      incidentChange(open, { cause: 'DEVICE_FAULT', endedAt: '' }, messages);
    } catch (error) {
      expect((error as ApiError).problemFor('cause')).toBe('nothing to change');
    }
  });
});
