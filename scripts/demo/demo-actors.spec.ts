import { DEV_JWT_SECRET, principalFromClaims } from '@app/auth';
import { patientPseudonym, isValidRpps, validateSiret } from '@app/fr-health';
import { verify } from 'jsonwebtoken';
import { actorNames, actorsOf, castOf, freshIdentities } from './demo-actors';

const claimsOf = (token: string) => verify(token, DEV_JWT_SECRET) as Record<string, unknown>;

describe("the demo's parties", () => {
  it('are new organisations and a new patient each demo, with valid identifiers', () => {
    const a = freshIdentities({});
    const b = freshIdentities({});
    expect(a.identities.vendor.org).not.toBe(b.identities.vendor.org);
    expect(a.identities.operator.org).not.toBe(b.identities.operator.org);
    expect(validateSiret(a.identities.vendor.org).ok).toBe(true);
    expect(isValidRpps(a.identities.physician.rpps)).toBe(true);
    expect(a.identities.patient.pseudonym).toBe(patientPseudonym(a.nir, 'dev-only-pseudonym-secret-change-me'));
    expect(JSON.stringify(a.identities)).not.toContain(a.nir);
  });

  it('get tokens the platform accepts, minted again from the saved identities', () => {
    const { identities, nir } = freshIdentities({});
    const first = actorsOf(identities, nir, {});
    const again = actorsOf(identities, undefined, {});
    for (const token of [first.vendor.token, first.evaluator.token, first.physician.token, first.patient.token, first.operator.token, first.claimsProcessor.token, first.admin.token]) {
      expect(() => principalFromClaims(claimsOf(token))).not.toThrow();
    }
    expect(claimsOf(again.physician.token)).toMatchObject({ sub: identities.physician.sub, rpps: identities.physician.rpps, role: 'physician' });
    expect(claimsOf(again.operator.token)).toMatchObject({ org: identities.operator.org, role: 'operator' });
    expect(claimsOf(first.patient.token)).toMatchObject({ pseudonym: identities.patient.pseudonym });
    expect(again.patient.token).toBe('');
  });

  it('are named the same in the lines and in the dossier summary', () => {
    const { identities } = freshIdentities({});
    const cast = castOf(identities);
    const names = actorNames(identities);
    expect(names.get(identities.vendor.sub)).toBe(cast.vendor.label);
    expect(names.get(identities.physician.sub)).toBe(`cardiologist ${identities.physician.rpps}`);
    expect(names.get(identities.processor.sub)).toBe('CPAM claims unit');
  });
});
