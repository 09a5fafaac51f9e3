import { coresUsed, cpuSeconds, formatCores, platformProcessName } from './workflow-cpu';

describe('CPU per platform process', () => {
  it('names a service by its entry and the broker by its main class', () => {
    expect(platformProcessName('/usr/bin/node -r @swc-node/register /work/main/apps/audit-ledger/src/main.ts')).toBe('audit-ledger');
    expect(platformProcessName('/usr/bin/java -Xmx512m -cp /x/libs/* kafka.Kafka /x/server.properties')).toBe('kafka');
    expect(platformProcessName('npm exec jest')).toBeNull();
  });

  it('turns two samples into cores used, largest first', () => {
    const before = new Map([['gateway', 1], ['enrolment', 2]]);
    const after = new Map([['gateway', 3], ['enrolment', 7], ['postgres', 4]]);
    // A group absent before (its processes appeared meanwhile) counts from its first sample: 0.
    expect(coresUsed(before, after, 10)).toEqual([['enrolment', 0.5], ['gateway', 0.2], ['postgres', 0]]);
    expect(formatCores([['enrolment', 0.5], ['gateway', 0.2]])).toBe('enrolment 0.50, gateway 0.20 (total 0.70 cores)');
  });

  it('reads this process\'s CPU time from /proc, and null for a process that is gone', () => {
    expect(cpuSeconds(process.pid)).toBeGreaterThan(0);
    expect(cpuSeconds(2 ** 22 + 1)).toBeNull();
  });
});
