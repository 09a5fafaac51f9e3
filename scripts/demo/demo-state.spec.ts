import { defaultStatePath, parseDemoState, type DemoState } from './demo-state';

const state: DemoState = {
  version: 1,
  gatewayUrl: 'http://127.0.0.1:3000',
  startedAt: '2026-12-01T22:00:00.000Z',
  phase: 'AWAITING_CLOCK',
  identities: {
    vendor: { sub: 'v', org: '12345678200010', name: 'Cardio SAS' },
    evaluator: { sub: 'e', org: 'notified-body', name: 'Notified body' },
    physician: { sub: 'p', rpps: '10012345673', specialty: 'cardiology' },
    operator: { sub: 'o', org: 'operator', name: 'Operator' },
    admin: { sub: 'a' },
    processor: { sub: 'c' },
    patient: { pseudonym: 'ab'.repeat(32) },
  },
  device: { id: 'd', name: 'CardioLink', udiDi: '03760123456789' },
  prescriptionId: 'rx',
  enrolmentId: 'en',
  serialNumber: 'SN-1',
  activatedAt: '2026-12-01T22:01:00.000Z',
  plan: { period: '2026-12', firstBillableDay: '2026-12-01', lastDay: '2026-12-31', billableDays: 31, periodEnd: '2026-12-31T23:00:00.000Z', target: '2027-01-01T01:00:00.000Z' },
  requestedOffset: '+699h',
};

describe("the demo's saved state", () => {
  it('reads back what was written', () => {
    expect(parseDemoState(JSON.stringify(state))).toEqual({ state });
  });

  it('says why a file cannot be used, field by field', () => {
    expect(parseDemoState('{')).toEqual({ problem: 'not JSON' });
    expect(parseDemoState(JSON.stringify({ ...state, version: 2 }))).toEqual({ problem: 'not a state of this demo (version 1)' });
    const { enrolmentId: _e, ...withoutEnrolment } = state;
    expect(parseDemoState(JSON.stringify({ ...withoutEnrolment, phase: 'SOMETHING', device: { id: 'd' } }))).toEqual({ problem: 'missing or malformed: enrolmentId, phase, device' });
  });

  it('lives under the cache directory unless DEMO_STATE_FILE names another file', () => {
    expect(defaultStatePath({ XDG_CACHE_HOME: '/tmp/cache' })).toBe('/tmp/cache/connected-health/demo-state.json');
    expect(defaultStatePath({ HOME: '/home/x', DEMO_STATE_FILE: '/tmp/elsewhere.json' })).toBe('/tmp/elsewhere.json');
    expect(defaultStatePath({})).toMatch(/\/\.cache\/connected-health\/demo-state\.json$/);
  });
});
