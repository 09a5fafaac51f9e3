import { deciderSpecification } from '@app/testing/decider-specification';
import { enrolmentDecider } from '../enrolment.decider';
import {
  CREATED_AT,
  ENROLMENT_ID,
  IDENTITY_ENCRYPTED,
  NOW,
  PATIENT_PSEUDONYM,
  PRESCRIPTION_ID,
  RENEWAL_ID,
  activeHistory,
  createEnrolment,
  created,
  ended,
  expiredHistory,
  extendEnrolment,
  extended,
  pendingActivationHistory,
  pendingConsentHistory,
  prescription,
  renewal,
  suspendedHistory,
} from '../enrolment.fixtures';

// Given these past events, when this command, then these events or this refusal.
const given = deciderSpecification(enrolmentDecider);

describe('enrolment creation and renewal', () => {
  describe('CreateEnrolment', () => {
    it('creates the enrolment of a first prescription, for its operator org, with the patient by pseudonym and encrypted identity', () =>
      given([])
        .when(createEnrolment())
        .then([
          {
            type: 'EnrolmentCreated',
            data: {
              enrolmentId: ENROLMENT_ID,
              prescription: prescription(),
              patient: { pseudonym: PATIENT_PSEUDONYM, identityEncrypted: IDENTITY_ENCRYPTED },
              createdAt: CREATED_AT,
            },
          },
        ]));

    it('creates it once: a second CreateEnrolment (the PrescriptionIssued delivered again) is refused', () =>
      given(pendingConsentHistory()).when(createEnrolment()).thenThrows('ENROLMENT.ALREADY_EXISTS', 'conflict'));

    it('refuses a second creation at any later stage too', () =>
      given(activeHistory()).when(createEnrolment()).thenThrows('ENROLMENT.ALREADY_EXISTS', 'conflict'));
  });

  describe('ExtendEnrolment', () => {
    const extendedBy = (reopened: boolean, deviceReleased = false) => ({
      type: 'EnrolmentExtended' as const,
      data: { prescription: renewal(), renewalOf: PRESCRIPTION_ID, reopened, deviceReleased, extendedAt: NOW.toISOString() },
    });

    it.each([
      ['PENDING_CONSENT', pendingConsentHistory()],
      ['PENDING_ACTIVATION', pendingActivationHistory()],
      ['ACTIVE', activeHistory()],
      ['SUSPENDED', suspendedHistory()],
    ])('extends a %s enrolment under the renewal, without a new consent and without reopening', (_status, history) =>
      given(history).when(extendEnrolment()).then([extendedBy(false)]));

    it('is idempotent: the same renewal delivered again extends nothing more', () =>
      given([...activeHistory(), extended()]).when(extendEnrolment()).thenNothing());

    it('changes nothing for a prescription already in the chain (the first one again)', () =>
      given(activeHistory()).when(extendEnrolment({ prescription: prescription() })).thenNothing());

    it('reopens an enrolment ENDED with its expired prescription, device kept while its serial is still free', () =>
      given(expiredHistory()).when(extendEnrolment({ deviceStillFree: true })).then([extendedBy(true, false)]));

    it('reopens it without its device when the serial was assigned to another enrolment meanwhile', () =>
      given(expiredHistory()).when(extendEnrolment({ deviceStillFree: false })).then([extendedBy(true, true)]));

    it('releases no device when the ended enrolment never had one', () =>
      given([created(), ended('PRESCRIPTION_EXPIRED')]).when(extendEnrolment({ deviceStillFree: false })).then([extendedBy(true, false)]));

    it.each(['BY_OPERATOR', 'BY_PRESCRIBER', 'PRESCRIPTION_CANCELLED'] as const)(
      'extends the chain of an enrolment ended %s but leaves it ended: only the end of a prescription is undone by its renewal',
      (cause) => given([...activeHistory(), ended(cause)]).when(extendEnrolment()).then([extendedBy(false)]),
    );

    it('reopens once: the same renewal after the reopening is nothing', () =>
      given([...expiredHistory(), extended({ reopened: true })]).when(extendEnrolment()).thenNothing());

    it('extends a chain again with a second renewal', () => {
      const second = renewal({ prescriptionId: '01950000-0000-7000-8000-0000000000a3', startDate: '2027-03-15', endDate: '2027-09-14' });
      given([...activeHistory(), extended()])
        .when(extendEnrolment({ prescription: second, renewalOf: RENEWAL_ID }))
        .thenMatches([{ type: 'EnrolmentExtended', data: { prescription: second, renewalOf: RENEWAL_ID, reopened: false } }]);
    });

    it('refuses a renewal whose enrolment does not exist (yet): the consumer retries', () =>
      given([]).when(extendEnrolment()).thenThrows('ENROLMENT.NOT_FOUND', 'not_found'));
  });
});
