import { readinessReport } from './readiness-report';

describe("the gateway's readiness", () => {
  it('is ready when every service is (and when there is none yet)', () => {
    expect(readinessReport([{ name: 'claims', url: 'http://c', ready: true }])).toEqual({
      ready: true,
      body: { status: 'ready', checks: { claims: { status: 'up', url: 'http://c' } } },
    });
    expect(readinessReport([]).ready).toBe(true);
  });

  it('names every service that is not ready, and why', () => {
    const report = readinessReport([
      { name: 'claims', url: 'http://c', ready: true },
      { name: 'audit-ledger', url: 'http://a', ready: false, reason: 'ECONNREFUSED' },
      { name: 'enrolment', url: 'http://e', ready: false, reason: 'HTTP 503: {}' },
    ]);
    expect(report.ready).toBe(false);
    expect(report.body.status).toBe('not_ready');
    expect(report.body.error?.message).toBe('Not ready: audit-ledger, enrolment not ready');
    expect(report.body.error?.details).toEqual([
      { code: 'DEPENDENCY.UNAVAILABLE', message: 'audit-ledger: ECONNREFUSED', service: 'audit-ledger' },
      { code: 'DEPENDENCY.UNAVAILABLE', message: 'enrolment: HTTP 503: {}', service: 'enrolment' },
    ]);
    expect(report.body.checks['audit-ledger']).toEqual({ status: 'down', url: 'http://a', error: 'ECONNREFUSED' });
  });
});
