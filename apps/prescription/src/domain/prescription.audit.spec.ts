import { foldEvents } from '@app/event-sourcing';
import { isDisclosable } from '@app/event-sourcing/decider/disclosable';
import { evaluatePrescription } from './evaluation/evaluate-prescription';
import { prescriptionAuditDraft, refusedAttemptAuditDraft } from './prescription.audit';
import { prescriptionDecider } from './prescription.decider';
import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from './prescription.fixtures';

const ACTOR = { id: 'cardiologist-user', role: 'physician' as const };
const PSEUDONYM = 'f'.repeat(64);
const IDENTITY = 'pf1.1.secret-identity.tag.cipher';
const JUSTIFICATION = 'the patient moves to a covered flat next week';
const SEALED = { commitment: 'c'.repeat(64), ciphertext: 'pf1.1.iv.tag.sealed-justification' };

describe('prescription audit entries', () => {
  const input = evaluationInput({ renewalOf: 'renewed-id', device: certifiedDevice({ connectivity: ['CELLULAR_4G'] }), patient: { ...evaluationInput().patient, homeCellularCoverage: 'POOR' } });
  const events = prescriptionDecider.decide(
    {
      type: 'IssuePrescription',
      now: new Date('2026-03-15T09:00:00.000Z'),
      evaluation: evaluatePrescription(input, REFERENTIAL_2026_1),
      requestedOverrides: [{ ruleId: 'HOME_COVERAGE', justification: JUSTIFICATION }],
      sealedJustifications: { HOME_COVERAGE: SEALED },
      device: certifiedDevice(),
      prescription: {
        prescriptionId: 'p1',
        prescriber: input.prescriber,
        patient: { pseudonym: PSEUDONYM, identityEncrypted: IDENTITY, ald: true, homeCellularCoverage: 'GOOD' },
        operatorOrg: 'operator-1',
        device: { id: 'd1', udiDi: '03760123450010' },
        indication: 'HEART_FAILURE',
        monitoringMode: 'PERIODIC',
        durationMonths: 6,
        startDate: input.startDate,
        endDate: input.endDate,
        renewalOf: 'renewed-id',
      },
    },
    prescriptionDecider.initialState(),
  );

  it('names the prescription, the device, the renewed prescription and the patient, with the referential version', () => {
    const draft = prescriptionAuditDraft('p1', events, foldEvents(prescriptionDecider, events), ACTOR);
    expect(draft).toMatchObject({
      action: 'prescription.issued',
      subject: 'prescription:p1',
      relatedSubjects: ['device:d1', 'prescription:renewed-id', `patient:${PSEUDONYM}`],
      decision: 'ISSUED',
      rulesVersion: 'has-referential/2026.1',
      evidence: { referentialVersion: '2026.1', deviceCertification: { status: 'CERTIFIED' } },
    });
  });

  it('holds each justification as a disclosable text its prescriber may read, bound to its row and field', () => {
    const draft = prescriptionAuditDraft('p1', events, foldEvents(prescriptionDecider, events), ACTOR);
    const [override] = draft.evidence.overrides as Array<{ ruleId: string; justification: unknown }>;
    expect(override.ruleId).toBe('HOME_COVERAGE');
    expect(isDisclosable(override.justification)).toBe(true);
    expect(override.justification).toMatchObject({ commitment: SEALED.commitment, aad: 'prescription:p1#overrides.HOME_COVERAGE.justification', pseudonym: PSEUDONYM, readers: [`physician:${input.prescriber.rpps}`] });
  });

  it('carries neither the encrypted identity nor any ciphertext once serialised', () => {
    const raw = JSON.stringify(prescriptionAuditDraft('p1', events, foldEvents(prescriptionDecider, events), ACTOR));
    expect(raw).not.toContain(IDENTITY);
    expect(raw).not.toContain(SEALED.ciphertext);
    expect(raw).toContain(SEALED.commitment);
  });

  it('holds a cancellation reason as a disclosable text', () => {
    const cancelled = prescriptionDecider.decide(
      { type: 'CancelPrescription', now: new Date('2026-03-16T09:00:00.000Z'), reason: SEALED, actorRpps: input.prescriber.rpps },
      foldEvents(prescriptionDecider, events),
    );
    const all = [...events, ...cancelled];
    const draft = prescriptionAuditDraft('p1', cancelled, foldEvents(prescriptionDecider, all), ACTOR);
    const data = (draft.evidence.event as { data: { reason: unknown } }).data;
    expect(isDisclosable(data.reason)).toBe(true);
    expect(data.reason).toMatchObject({ aad: 'prescription:p1#cancellation.reason', pseudonym: PSEUDONYM });
  });

  it('records a refused attempt under attempt:<id> with the evaluation and the unjustified warnings', () => {
    const evaluation = evaluatePrescription(evaluationInput({ durationMonths: 9 }), REFERENTIAL_2026_1);
    const draft = refusedAttemptAuditDraft({
      attemptId: 'a1',
      patientPseudonym: PSEUDONYM,
      deviceId: 'd1',
      renewalOf: null,
      prescriber: input.prescriber,
      evaluation,
      overrides: [],
      unjustified: [],
      device: certifiedDevice(),
      actor: ACTOR,
    });
    expect(draft).toMatchObject({ subject: 'attempt:a1', relatedSubjects: ['device:d1', `patient:${PSEUDONYM}`], decision: 'REFUSED' });
    expect(draft.evidence.evaluation).toEqual(evaluation.results);
  });
});
