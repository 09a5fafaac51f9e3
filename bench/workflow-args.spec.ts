import { parseWorkflowArgs } from './workflow-args';

describe('bench:workflow flags', () => {
  it('defaults to 1000 flows at 50 flows/s, one fixed-rate run', () => {
    expect(parseWorkflowArgs([])).toEqual({ flows: 1_000, rate: 50, ramp: [], levelSeconds: 10, pollMs: 20, maxP99Ms: 1_000 });
  });

  it('reads a fixed rate, a ramp to find the sustained maximum, and its levels in increasing order', () => {
    expect(parseWorkflowArgs(['--flows', '300', '--rate', '75'])).toMatchObject({ flows: 300, rate: 75, ramp: [] });
    expect(parseWorkflowArgs(['--max']).ramp[0]).toBe(25);
    expect(parseWorkflowArgs(['--rates', '100,25,50', '--seconds', '5', '--max-p99-ms', '500'])).toMatchObject({ ramp: [25, 50, 100], levelSeconds: 5, maxP99Ms: 500 });
  });

  it('names the flag of a bad value, and refuses an unknown flag', () => {
    expect(() => parseWorkflowArgs(['--rate', '0'])).toThrow('--rate takes a positive number, not 0');
    expect(() => parseWorkflowArgs(['--flows'])).toThrow('--flows takes a positive number, not nothing');
    expect(() => parseWorkflowArgs(['--rates', '10,x'])).toThrow('--rates takes a positive number, not x');
    expect(() => parseWorkflowArgs(['--fast'])).toThrow('unknown flag --fast');
    expect(() => parseWorkflowArgs(['--cpu-profiles'])).toThrow('--cpu-profiles takes a directory');
    expect(() => parseWorkflowArgs(['--cpu-profiles', '--max'])).toThrow('--cpu-profiles takes a directory');
  });

  it('takes where the services write their CPU profiles', () => {
    expect(parseWorkflowArgs(['--cpu-profiles', '/tmp/prof', '--rate', '20'])).toMatchObject({ cpuProfiles: '/tmp/prof', rate: 20 });
    expect(parseWorkflowArgs([]).cpuProfiles).toBeUndefined();
  });
});
