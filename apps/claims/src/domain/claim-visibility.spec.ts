import type { Role } from '@app/contracts';
import { canContest, claimVisibleTo, type ClaimViewer } from './claim-visibility';
import { EXPLOITANT_SIRET, OPERATOR_ORG, PRESCRIBER_RPPS, RENEWING_PRESCRIBER_RPPS, claimCreated } from './claim.fixtures';

const claim = claimCreated();
const viewer = (role: ClaimViewer['role'], claims: Omit<ClaimViewer, 'role'> = {}): ClaimViewer => ({ role, id: `${role}-user`, ...claims });

describe('claimVisibleTo', () => {
  it.each(['claims_processor', 'admin', 'system'] as const)('shows every claim to %s', (role) => expect(claimVisibleTo(claim, viewer(role))).toBe(true));

  it('shows a physician the claims of their prescriptions, the renewal’s included, and no others', () => {
    expect(claimVisibleTo(claim, viewer('physician', { rpps: PRESCRIBER_RPPS }))).toBe(true);
    expect(claimVisibleTo(claim, viewer('physician', { rpps: RENEWING_PRESCRIBER_RPPS }))).toBe(true);
    expect(claimVisibleTo(claim, viewer('physician', { rpps: '10000000000' }))).toBe(false);
    expect(claimVisibleTo(claim, viewer('physician'))).toBe(false);
  });

  it('shows an operator the claims whose OPERATOR line pays it', () => {
    expect(claimVisibleTo(claim, viewer('operator', { org: OPERATOR_ORG }))).toBe(true);
    expect(claimVisibleTo(claim, viewer('operator', { org: 'operator-2' }))).toBe(false);
    // An operator org that is the technical payee's SIRET sees nothing through it.
    expect(claimVisibleTo(claim, viewer('operator', { org: EXPLOITANT_SIRET }))).toBe(false);
    expect(claimVisibleTo({ ...claim, lines: claim.lines.filter((line) => line.kind === 'TECHNICAL') }, viewer('operator', { org: OPERATOR_ORG }))).toBe(false);
  });

  it('shows a vendor the claims whose TECHNICAL line pays it (the exploitant)', () => {
    expect(claimVisibleTo(claim, viewer('vendor', { org: EXPLOITANT_SIRET }))).toBe(true);
    expect(claimVisibleTo(claim, viewer('vendor', { org: OPERATOR_ORG }))).toBe(false);
    expect(claimVisibleTo(claim, viewer('vendor'))).toBe(false);
  });

  it.each(['patient', 'evaluator', 'auditor'] as Role[])('hides every claim from a %s', (role) =>
    expect(claimVisibleTo(claim, viewer(role, { org: OPERATOR_ORG, rpps: PRESCRIBER_RPPS, pseudonym: claim.patient.pseudonym }))).toBe(false));
});

describe('canContest', () => {
  it('lets the payees contest, and nobody else', () => {
    expect(canContest(claim, viewer('operator', { org: OPERATOR_ORG }))).toBe(true);
    expect(canContest(claim, viewer('vendor', { org: EXPLOITANT_SIRET }))).toBe(true);
    expect(canContest(claim, viewer('operator', { org: 'operator-2' }))).toBe(false);
    expect(canContest(claim, viewer('physician', { rpps: PRESCRIBER_RPPS }))).toBe(false);
    expect(canContest(claim, viewer('claims_processor'))).toBe(false);
    expect(canContest(claim, viewer('admin'))).toBe(false);
  });
});
