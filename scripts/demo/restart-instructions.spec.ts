import { planBilling } from './billing-plan';
import { demoCommandOf, restartCommand, restartInstructions } from './restart-instructions';

describe('the restart the demo asks for', () => {
  const plan = planBilling(new Date('2026-12-01T22:20:00.000Z'));

  it('prints the exact command, the offset counted from the real time', () => {
    const lines = restartInstructions({ plan, platformDay: { day: '2026-12-01', atLeast: false }, offset: { text: '+699h', ms: 699 * 3_600_000 }, statePath: '/home/x/.cache/connected-health/demo-state.json', demoCommand: 'npm run demo' });
    expect(lines.join('\n')).toContain('  2. start it again:               CLOCK_OFFSET=+699h npm start');
    expect(lines[0]).toBe("Waiting for: the platform's clock past 2026-12 (its last day in Paris is 2026-12-31; the demo asks for 2027-01-01T01:00:00.000Z or later).");
    expect(lines[1]).toContain('reads 2026-12-01 in Paris');
    expect(lines.join('\n')).toContain('  3. once it says it is up, run:   npm run demo\n');
    expect(lines.join('\n')).toContain('/home/x/.cache/connected-health/demo-state.json');
  });

  it('asks for a plain start when the real time is already late enough (the platform ran behind it)', () => {
    expect(restartCommand(null)).toBe('npm start');
    expect(restartCommand({ text: '+2d', ms: 2 * 86_400_000 })).toBe('CLOCK_OFFSET=+2d npm start');
  });

  it('runs the demo again with the flags it was given, but --fresh', () => {
    expect(demoCommandOf([])).toBe('npm run demo');
    expect(demoCommandOf(['--fresh'])).toBe('npm run demo');
    expect(demoCommandOf(['--gateway', 'http://127.0.0.1:4000', '--fresh'])).toBe('npm run demo -- --gateway http://127.0.0.1:4000');
  });
});
