import { consistencyReport, orderedSizes } from './consistency-report';
import { flipped, ledgerFixture } from './ledger.fixture';

describe('consistencyReport: a consistency proof checked against two signed roots', () => {
  const ledger = ledgerFixture(7);

  it('verifies the genuine proof between two heads, in either order of choice', () => {
    const expected = { from: 3, to: 7, fromHeadSigned: true, toHeadSigned: true, proofForHeads: true, proofValid: true, verified: true };
    expect(consistencyReport(ledger.head(3), ledger.head(7), ledger.consistency(3, 7), ledger.key)).toEqual(expected);
    expect(consistencyReport(ledger.head(7), ledger.head(3), ledger.consistency(3, 7), ledger.key)).toEqual(expected);
    expect(consistencyReport(ledger.head(4), ledger.head(4), ledger.consistency(4, 4), ledger.key).verified).toBe(true);
  });

  it('refuses an altered proof, a proof of other sizes, and an empty one', () => {
    const proof = ledger.consistency(3, 7);
    expect(consistencyReport(ledger.head(3), ledger.head(7), { ...proof, path: [flipped(proof.path[0]), ...proof.path.slice(1)] }, ledger.key)).toMatchObject({
      proofValid: false,
      verified: false,
    });
    expect(consistencyReport(ledger.head(3), ledger.head(7), ledger.consistency(2, 7), ledger.key)).toMatchObject({ proofForHeads: false, verified: false });
    expect(consistencyReport(ledger.head(3), ledger.head(7), { ...proof, path: [] }, ledger.key).verified).toBe(false);
    expect(consistencyReport(ledger.head(3), ledger.head(7), { ...proof, path: ['nothex'] }, ledger.key).verified).toBe(false);
  });

  it('refuses a rewritten history: a head whose root is not the prefix of the other', () => {
    const forged = { ...ledger.head(3), rootHash: flipped(ledger.head(3).rootHash) };
    // Its signature fails, and its root is not consistent with the newer one either.
    expect(consistencyReport(forged, ledger.head(7), ledger.consistency(3, 7), ledger.key)).toMatchObject({ fromHeadSigned: false, proofValid: false, verified: false });
  });

  it('orders two typed sizes', () => {
    expect(orderedSizes(9, 2)).toEqual({ from: 2, to: 9 });
    expect(orderedSizes(2, 9)).toEqual({ from: 2, to: 9 });
  });
});
