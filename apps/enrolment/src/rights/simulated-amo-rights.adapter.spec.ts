import { AmoRightsUnavailableError, type AmoRightsRequest } from './amo-rights.port';
import { SimulatedAmoRightsAdapter } from './simulated-amo-rights.adapter';

const patient = (n: number): AmoRightsRequest => ({ pseudonym: n.toString(16).padStart(64, '0'), nir: '184037512345690', birthDate: '1984-03-01' });
const outcomes = async (simulator: SimulatedAmoRightsAdapter, request: AmoRightsRequest, calls: number): Promise<string[]> => {
  const seen: string[] = [];
  for (let i = 0; i < calls; i++) seen.push(await simulator.check(request).catch((error: Error) => error.name));
  return seen;
};

describe('SimulatedAmoRightsAdapter (the local AMO rights service)', () => {
  it('answers OPEN for a patient nobody set an answer for, or the configured default', async () => {
    expect(await new SimulatedAmoRightsAdapter().check(patient(1))).toBe('OPEN');
    expect(await new SimulatedAmoRightsAdapter({ defaultStatus: 'CLOSED' }).check(patient(1))).toBe('CLOSED');
    expect(await new SimulatedAmoRightsAdapter({ defaultStatus: undefined }).check(patient(1))).toBe('OPEN');
  });

  it('answers what was set for that pseudonym, and only for it', async () => {
    const simulator = new SimulatedAmoRightsAdapter();
    simulator.answer(patient(1).pseudonym, { status: 'CLOSED' });
    expect(await outcomes(simulator, patient(1), 2)).toEqual(['CLOSED', 'CLOSED']);
    expect(await simulator.check(patient(2))).toBe('OPEN');
  });

  it('fails N times as unavailable, then answers for good', async () => {
    const simulator = new SimulatedAmoRightsAdapter();
    simulator.answer(patient(1).pseudonym, { status: 'OPEN', failTimes: 2 });
    expect(await outcomes(simulator, patient(1), 4)).toEqual(['AmoRightsUnavailableError', 'AmoRightsUnavailableError', 'OPEN', 'OPEN']);
  });

  it("keeps answers in its own memory: another instance (another process) knows none of them", async () => {
    const simulator = new SimulatedAmoRightsAdapter();
    simulator.answer(patient(1).pseudonym, { status: 'CLOSED' });
    expect(await new SimulatedAmoRightsAdapter().check(patient(1))).toBe('OPEN');
  });

  it('counts failures of concurrent calls once each', async () => {
    const simulator = new SimulatedAmoRightsAdapter();
    simulator.answer(patient(1).pseudonym, { status: 'CLOSED', failTimes: 3 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => simulator.check(patient(1))));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual(['CLOSED', 'CLOSED']);
  });

  it('replaces an answer, its remaining failures included', async () => {
    const simulator = new SimulatedAmoRightsAdapter();
    simulator.answer(patient(1).pseudonym, { status: 'CLOSED', failTimes: 5 });
    await simulator.check(patient(1)).catch(() => undefined);
    simulator.answer(patient(1).pseudonym, { status: 'OPEN' });
    expect(await simulator.check(patient(1))).toBe('OPEN');
  });

  it('refuses a failure count that is not a non-negative integer', () => {
    const simulator = new SimulatedAmoRightsAdapter();
    for (const failTimes of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => simulator.answer(patient(1).pseudonym, { status: 'OPEN', failTimes })).toThrow(RangeError);
    }
  });

  it('never puts the NIR, the birth date or the pseudonym in its failure', async () => {
    const simulator = new SimulatedAmoRightsAdapter();
    simulator.answer(patient(1).pseudonym, { status: 'OPEN', failTimes: 1 });
    const error = await simulator.check(patient(1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmoRightsUnavailableError);
    const said = `${(error as Error).message} ${(error as Error).stack}`;
    for (const personal of [patient(1).nir, patient(1).birthDate, patient(1).pseudonym]) expect(said).not.toContain(personal);
  });
});
