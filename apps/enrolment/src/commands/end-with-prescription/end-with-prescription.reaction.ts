import type { CommandUnit } from '@app/event-sourcing';
import type { EventEnvelope } from '@app/contracts';
import { parisDate } from '@app/fr-health';
import { Injectable } from '@nestjs/common';
import { EnrolmentPrescriptionsRepository } from '../../projections/enrolment-prescriptions.repository';
import { MonitoringStop } from '../monitoring-stop';
import { causingEvent, reactionContext } from '../reaction-context';

/**
 * A prescription cancelled or expired ends its enrolment, when it is the one
 * in force (a renewal may have taken over). The expiry sweep of this service
 * ends it too, on the platform clock, whichever comes first: the second finds it ended.
 */
@Injectable()
export class EndWithPrescriptionReaction {
  constructor(
    private readonly monitoring: MonitoringStop,
    private readonly links: EnrolmentPrescriptionsRepository,
  ) {}

  async run(unit: CommandUnit, envelope: EventEnvelope<unknown>, cause: 'PRESCRIPTION_CANCELLED' | 'PRESCRIPTION_EXPIRED', now: Date): Promise<void> {
    const prescriptionId = envelope.streamId;
    const enrolmentId = await this.links.enrolmentOf(unit.tx, prescriptionId);
    if (!enrolmentId) return;
    await this.monitoring.execute(unit, {
      streamId: enrolmentId,
      command: { type: 'EndWithPrescription', cause, prescriptionId, today: parisDate(now), causedBy: causingEvent(envelope), now },
      context: reactionContext(envelope, now),
    });
  }
}
