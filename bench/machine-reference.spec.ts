import { measureMachineReference, perThousandReferenceOps, referenceOp } from './machine-reference';

describe("the machine's reference speed", () => {
  it('does real work: its signature verifies', () => {
    expect(referenceOp()).toBe(true);
  });

  it('counts ops per second over the time given', () => {
    const rate = measureMachineReference(100);
    expect(rate).toBeGreaterThan(0);
    expect(Number.isFinite(rate)).toBe(true);
  });

  it('puts a throughput against it', () => {
    expect(perThousandReferenceOps(30, 6_000)).toBe(5);
    expect(perThousandReferenceOps(12, 2_400)).toBe(5);
  });
});
