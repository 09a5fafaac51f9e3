import { SharedCountNotices } from './shared-count-notices';

describe("the operator's notices of a lost Redis", () => {
  it('warns at most once per period, counting what it did not say, and says when Redis is back', () => {
    let now = 0;
    const lines: string[] = [];
    const notices = new SharedCountNotices({ warn: (m: string) => lines.push(`warn ${m}`), log: (m: string) => lines.push(`log ${m}`) }, 30_000, () => now);

    notices.sharedFailed(new Error('connect ECONNREFUSED'));
    now = 1_000;
    notices.sharedFailed(new Error('connect ECONNREFUSED'));
    notices.sharedFailed(new Error('connect ECONNREFUSED'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn Redis does not answer the rate limit \(connect ECONNREFUSED\): each replica counts on its own/);

    now = 30_000;
    notices.sharedFailed(new Error('Command timed out'));
    expect(lines[1]).toContain('(Command timed out)');
    expect(lines[1]).toContain('(2 more failures since the last notice)');

    notices.sharedRecovered();
    expect(lines[2]).toBe('log Redis answers the rate limit again: counts are shared across replicas');
    // A new outage right after is told at once.
    now = 31_000;
    notices.sharedFailed(new Error('connect ECONNREFUSED'));
    expect(lines).toHaveLength(4);
  });
});
