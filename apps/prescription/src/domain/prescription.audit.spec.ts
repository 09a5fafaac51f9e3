import { foldEvents } from '@app/event-sourcing';
import { evaluatePrescription } from './evaluation/evaluate-prescription';
import { prescriptionAuditDraft, refusedAttemptAuditDraft } from './prescription.audit';
import { prescriptionDecider } from './prescription.decider';
import { certifiedDevice, evaluationInput, REFERENTIAL_2026_1 } from './prescription.fixtures';

const ACTOR = { id: 'cardiologist-user', role: 'physician' as const };
const PSEUDONYM = 'f'.repeat(64);
const IDENTITY = 'v1.secret-identity.tag.cipher';

describe('prescription audit entries', () => {
  const input = evaluationInput({ renewalOf: 'renewed-id' });
  const events = prescriptionDecider.decide(
    {
      type: 'IssuePrescription',
      now: new Date('2026-03-15T09:00:00.000Z'),
      evaluation: evaluatePrescription(input, REFERENTIAL_2026_1),
      requestedOverrides: [],
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

  it('names the prescription, the device and the renewed prescription, with the referential version', () => {
    const draft = prescriptionAuditDraft('p1', events, foldEvents(prescriptionDecider, events), ACTOR);
    expect(draft).toMatchObject({
      action: 'prescription.issued',
      subject: 'prescription:p1',
      relatedSubjects: ['device:d1', 'prescription:renewed-id'],
      decision: 'ISSUED',
      rulesVersion: 'has-referential/2026.1',
      evidence: { referentialVersion: '2026.1', overrides: [], deviceCertification: { status: 'CERTIFIED' } },
    });
  });

  it('carries neither the patient pseudonym nor the encrypted identity', () => {
    const raw = JSON.stringify(prescriptionAuditDraft('p1', events, foldEvents(prescriptionDecider, events), ACTOR));
    expect(raw).not.toContain(PSEUDONYM);
    expect(raw).not.toContain(IDENTITY);
  });

  it('records a refused attempt under attempt:<id> with the evaluation and the unjustified warnings', () => {
    const evaluation = evaluatePrescription(evaluationInput({ durationMonths: 9 }), REFERENTIAL_2026_1);
    const draft = refusedAttemptAuditDraft({
      attemptId: 'a1',
      deviceId: 'd1',
      renewalOf: null,
      prescriber: input.prescriber,
      evaluation,
      overrides: [],
      unjustified: [],
      device: certifiedDevice(),
      actor: ACTOR,
    });
    expect(draft).toMatchObject({ subject: 'attempt:a1', relatedSubjects: ['device:d1'], decision: 'REFUSED' });
    expect(draft.evidence.evaluation).toEqual(evaluation.results);
  });
});
