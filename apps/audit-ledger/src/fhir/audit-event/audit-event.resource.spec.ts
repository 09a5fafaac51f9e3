import { expectValidFhir } from '@app/testing';
import type { AuditEvent, AuditEventEntity, Extension } from '@medplum/fhirtypes';
import { JUSTIFICATION, ledgerFixture, PSEUDONYM, RPPS } from '../ledger-fhir.fixture';
import { LEDGER_CODES, LEDGER_EXTENSIONS, LEDGER_NAMING_SYSTEMS } from '../ledger-fhir.urls';
import { auditEventResource } from './audit-event.resource';

const part = (extension: Extension | undefined, url: string) => extension?.extension?.find((each) => each.url === url);
const ledgerPart = (event: AuditEvent, url: string) => part(event.extension?.find((e) => e.url === LEDGER_EXTENSIONS.ledgerEntry), url);
const detail = (entity: AuditEventEntity, type: string) => entity.detail?.find((each) => each.type === type)?.valueString;

describe('a ledger entry as a FHIR R4 AuditEvent', () => {
  const { ids, rows, byStep } = ledgerFixture();

  it('is valid FHIR R4 for every kind of step, with every required binding honoured', () => {
    for (const row of rows) expectValidFhir(auditEventResource(row));
  });

  it("names the entry's id, action, decision, time and place in the ledger", () => {
    const event = auditEventResource(byStep.issue);
    const { entry } = byStep.issue;
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      id: entry.id,
      meta: { versionId: '1', lastUpdated: byStep.issue.recordedAt.toISOString() },
      type: { system: LEDGER_CODES.action, code: 'prescription.issued' },
      subtype: [{ system: LEDGER_CODES.decision, code: 'ISSUED' }],
      action: 'C',
      recorded: entry.occurredAt,
      outcome: '0',
      outcomeDesc: 'ISSUED (has-referential/2026.1)',
      source: { observer: { display: 'prescription', identifier: { system: LEDGER_NAMING_SYSTEMS.service, value: 'prescription' } } },
    });
    expect(ledgerPart(event, 'index')?.valueUnsignedInt).toBe(0);
    expect(ledgerPart(event, 'streamVersion')?.valueUnsignedInt).toBe(1);
    expect(ledgerPart(event, 'prevHash')?.valueString).toBe(entry.prevHash);
    expect(ledgerPart(event, 'leafHash')?.valueString).toBe(byStep.issue.leafHash);
    expect(event.extension?.find((e) => e.url === LEDGER_EXTENSIONS.correlationId)?.valueString).toBe(entry.correlationId);
  });

  it('maps what each step did honestly: creations C, decisions under rules E, changes U, erasures D', () => {
    expect(rows.map((row) => [row.entry.action, auditEventResource(row).action])).toEqual([
      ['prescription.issued', 'C'],
      ['prescription.refused', 'E'],
      ['enrolment.consent_recorded', 'C'],
      ['claim.submission_failed', 'U'],
      ['claim.adjudicated', 'E'],
      ['patient.erased', 'D'],
    ]);
  });

  it('records a refusal by the HAS referential as a step that succeeded, its decision showing the refusal; a failed submission as a minor failure', () => {
    const refused = auditEventResource(byStep.attempt);
    expect(refused).toMatchObject({ outcome: '0', outcomeDesc: 'REFUSED (has-referential/2026.1)', subtype: [{ code: 'REFUSED' }] });
    expect(detail(refused.entity![0], 'decision')).toBe('REFUSED');
    expect(auditEventResource(byStep.failed)).toMatchObject({ outcome: '4', outcomeDesc: 'SUBMISSION_FAILED' });
  });

  it('names a physician by RPPS as FR Core does, the platform by its job, anyone else by their user id', () => {
    const [prescriber] = auditEventResource(byStep.issue).agent;
    expect(prescriber).toMatchObject({
      who: { type: 'Practitioner', identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: `8${RPPS}` } },
      altId: 'prescriber-user',
      requestor: true,
      role: [{ coding: [{ system: LEDGER_CODES.role, code: 'physician' }] }],
    });
    expect(auditEventResource(byStep.failed).agent[0].who).toEqual({ display: 'system:amo-claims' });
    expect(auditEventResource(byStep.adjudicated).agent[0].who).toEqual({
      identifier: { system: LEDGER_NAMING_SYSTEMS.user, value: 'processor-user' },
      display: 'claims_processor processor-user',
    });
  });

  it('names the subject, then every related subject, by the resource the platform serves for it or by identifier', () => {
    const whats = (event: AuditEvent) => event.entity?.map((entity) => entity.what);
    expect(whats(auditEventResource(byStep.adjudicated))).toEqual([
      { reference: `Claim/${ids.claim}` },
      { identifier: { system: LEDGER_NAMING_SYSTEMS.enrolment, value: ids.enrolment } },
      { reference: `DeviceRequest/${ids.prescription}` },
      { reference: `DeviceDefinition/${ids.device}` },
      { reference: `Patient/${PSEUDONYM}` },
    ]);
    expect(whats(auditEventResource(byStep.attempt))?.[0]).toEqual({ identifier: { system: LEDGER_NAMING_SYSTEMS.attempt, value: ids.attempt } });
    const patientEntity = auditEventResource(byStep.erasure).entity![0];
    expect(patientEntity).toMatchObject({ what: { reference: `Patient/${PSEUDONYM}` }, role: { code: '1' }, name: `patient:${PSEUDONYM}` });
  });

  it('holds the evidence and rules version as the entry does, and each free text only as its commitment with its pointer', () => {
    const event = auditEventResource(byStep.issue);
    const subject = event.entity![0];
    expect(JSON.parse(detail(subject, 'evidence')!)).toEqual(byStep.issue.entry.evidence);
    expect(detail(subject, 'rulesVersion')).toBe('has-referential/2026.1');
    const commitment = (byStep.issue.entry.evidence.overrides as Array<{ justification: { commitment: string } }>)[0].justification.commitment;
    expect(subject.extension).toEqual([
      {
        url: LEDGER_EXTENSIONS.textCommitment,
        extension: [
          { url: 'path', valueString: '/evidence/overrides/0/justification' },
          { url: 'commitment', valueString: commitment },
        ],
      },
    ]);
    expect(JSON.stringify(event)).not.toContain(JUSTIFICATION);
    expect(JSON.stringify(auditEventResource(byStep.erasure))).not.toContain('demande écrite');
  });
});
