import { WakeSignal } from './wake-signal';

describe('WakeSignal', () => {
  it('sleeps for the whole delay when nothing wakes it', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    await signal.sleep(60);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('ends a sleep early on wake', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const sleeping = signal.sleep(5_000);
    signal.wake();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a wake that came while awake, once', async () => {
    const signal = new WakeSignal();
    signal.wake();
    signal.wake();
    const started = Date.now();
    await signal.sleep(5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const second = Date.now();
    await signal.sleep(50);
    expect(Date.now() - second).toBeGreaterThanOrEqual(45);
  });
});
