import type { PrescriptionEventsV1, PublishedEnvelope } from '@app/contracts';
import type { CommandUnit } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { RightsChecks } from '../../jobs/rights-checks';
import { EnrolmentSealing } from '../../personal-data/enrolment-sealing';
import { EnrolmentPrescriptionsRepository } from '../../projections/enrolment-prescriptions.repository';
import { enrolledPrescription } from '../enrolled-prescription';
import { EnrolmentAggregate } from '../enrolment.aggregate';
import { reactionContext } from '../reaction-context';

const FIRST_CHECK_DELAY_MS = 500;

export type IssuedEnvelope = PublishedEnvelope<PrescriptionEventsV1, 'PrescriptionIssued'>;

/**
 * A first prescription issued: its enrolment is created, once. The
 * prescription's row in `enrolment_prescriptions` is claimed first, so the
 * same event delivered again (or replayed into a fresh consumer group) finds
 * it taken and creates nothing. The identity is re-encrypted for the
 * enrolment's row: the AMO rights check, asked at once, needs it.
 */
@Injectable()
export class CreateEnrolmentReaction {
  constructor(
    private readonly aggregate: EnrolmentAggregate,
    private readonly links: EnrolmentPrescriptionsRepository,
    private readonly sealing: EnrolmentSealing,
    private readonly rightsChecks: RightsChecks,
  ) {}

  /** The new enrolment's id, or null when the prescription already has one. */
  async run(unit: CommandUnit, envelope: IssuedEnvelope, now: Date): Promise<string | null> {
    const issued = envelope.data;
    const enrolmentId = uuidv7();
    if (!(await this.links.claim(unit.tx, issued.prescriptionId, enrolmentId))) return null;
    const { pseudonym, identityEncrypted } = issued.patient;
    const identity = await this.sealing.identityFromPrescription(pseudonym, issued.prescriptionId, identityEncrypted, enrolmentId, unit.tx);
    await unit.execute(this.aggregate, {
      streamId: enrolmentId,
      command: { type: 'CreateEnrolment', enrolmentId, prescription: enrolledPrescription(issued), patient: { pseudonym, identityEncrypted: identity }, now },
      context: reactionContext(envelope, now),
    });
    // Asked before this transaction commits: the job starts a moment later, and retries until it finds the enrolment.
    await this.rightsChecks.enqueue(enrolmentId, 1, FIRST_CHECK_DELAY_MS);
    return enrolmentId;
  }
}
