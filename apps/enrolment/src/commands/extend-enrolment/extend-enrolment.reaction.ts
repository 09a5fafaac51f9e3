import type { CommandUnit } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { AwaitingRenewalsRepository } from '../../projections/awaiting-renewals.repository';
import { DeviceSerialsRepository } from '../../projections/device-serials.repository';
import { EnrolmentPrescriptionsRepository } from '../../projections/enrolment-prescriptions.repository';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import type { IssuedEnvelope } from '../create-enrolment/create-enrolment.reaction';
import { enrolledPrescription } from '../enrolled-prescription';
import { EnrolmentAggregate } from '../enrolment.aggregate';
import { reactionContext } from '../reaction-context';

/**
 * A renewal issued: the enrolment of the prescription it renews continues
 * under it (no new consent), and comes back from ENDED if it had ended. A
 * renewal that arrives before that enrolment exists (the two prescriptions
 * are two streams, with no order between them) waits in
 * `awaiting_renewals` until it does.
 */
@Injectable()
export class ExtendEnrolmentReaction {
  constructor(
    private readonly aggregate: EnrolmentAggregate,
    private readonly links: EnrolmentPrescriptionsRepository,
    private readonly awaiting: AwaitingRenewalsRepository,
    private readonly enrolments: EnrolmentsRepository,
    private readonly serials: DeviceSerialsRepository,
  ) {}

  async run(unit: CommandUnit, envelope: IssuedEnvelope, now: Date): Promise<void> {
    const issued = envelope.data;
    const renewalOf = issued.renewalOf!;
    const enrolmentId = await this.links.enrolmentOf(unit.tx, renewalOf);
    if (!enrolmentId) return this.awaiting.park(unit.tx, issued.prescriptionId, renewalOf, envelope);
    if (!(await this.links.claim(unit.tx, issued.prescriptionId, enrolmentId))) return;
    const row = await this.enrolments.findVisible(enrolmentId, { role: 'system' }, unit.tx);
    const device = row?.resource.device;
    const deviceStillFree = device ? await this.serials.isFreeFor(unit.tx, enrolmentId, device) : true;
    await unit.execute(this.aggregate, {
      streamId: enrolmentId,
      command: { type: 'ExtendEnrolment', prescription: enrolledPrescription(issued), renewalOf, deviceStillFree, now },
      context: reactionContext(envelope, now),
    });
    await this.applyWaitingRenewalsOf(unit, issued.prescriptionId, now);
  }

  /** Renewals of `prescriptionId` that came first are applied now that its enrolment exists. */
  async applyWaitingRenewalsOf(unit: CommandUnit, prescriptionId: string, now: Date): Promise<void> {
    for (const waiting of await this.awaiting.takeFor<IssuedEnvelope>(unit.tx, prescriptionId)) await this.run(unit, waiting, now);
  }
}
