import { type DependencyCheck, runCheck } from './dependency-check';
import { Readiness } from './readiness';

const up = (name: DependencyCheck['name']): DependencyCheck => ({ name, check: async () => undefined });
const down = (name: DependencyCheck['name'], message: string): DependencyCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});
const hung = (name: DependencyCheck['name']): DependencyCheck => ({ name, check: () => new Promise<void>(() => undefined) });

describe('Readiness', () => {
  it('is ready when every check answers', async () => {
    const report = await new Readiness([up('postgres'), up('redis')]).report();
    expect(report).toEqual({
      ready: true,
      body: { status: 'ready', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } },
    });
  });

  it('names each dependency that does not answer', async () => {
    const report = await new Readiness([up('postgres'), down('kafka', 'connect ECONNREFUSED'), down('redis', 'gone')]).report();
    expect(report.ready).toBe(false);
    expect(report.body.error?.message).toBe('Not ready: kafka, redis unavailable');
    expect(report.body.error?.details.map((d) => d.message)).toEqual(['kafka: connect ECONNREFUSED', 'redis: gone']);
    expect(report.body.checks.postgres).toEqual({ status: 'up' });
  });

  it('is not ready once shutting down', async () => {
    const readiness = new Readiness([up('postgres')]);
    readiness.markShuttingDown();
    const report = await readiness.report();
    expect(report.ready).toBe(false);
    expect(report.body.error?.message).toBe('Not ready: shutting down');
  });

  it('counts a check that hangs past its deadline as down', async () => {
    const report = await new Readiness([hung('kafka')], 20).report();
    expect(report.body.checks.kafka).toEqual({ status: 'down', error: 'no answer within 20 ms' });
  });
});

describe('runCheck', () => {
  it('reports a non-Error rejection as text', async () => {
    const check: DependencyCheck = { name: 'redis', check: () => Promise.reject('nope') };
    expect(await runCheck(check, 100)).toEqual({ status: 'down', error: 'nope' });
  });
});
