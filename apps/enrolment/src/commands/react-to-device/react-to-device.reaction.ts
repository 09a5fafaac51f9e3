import type { CommandUnit } from '@app/event-sourcing';
import type { EventEnvelope } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DeviceCertificationsRepository } from '../../projections/device-certifications.repository';
import { EnrolmentsRepository } from '../../projections/enrolments.repository';
import { EnrolmentAggregate } from '../enrolment.aggregate';
import { MonitoringStop } from '../monitoring-stop';
import { causingEvent, reactionContext } from '../reaction-context';

export type DeviceStop = 'DEVICE_SUSPENDED' | 'DEVICE_REVOKED' | 'CERTIFICATION_EXPIRED';

/**
 * A device product's certification stopped (suspended, revoked, expired):
 * every enrolment monitoring with it is suspended, each step audited with
 * the event that caused it. Reinstated: what the platform suspended for the
 * suspension resumes, where consent and the rest still hold.
 */
@Injectable()
export class ReactToDeviceReaction {
  constructor(
    private readonly aggregate: EnrolmentAggregate,
    private readonly enrolments: EnrolmentsRepository,
    private readonly certifications: DeviceCertificationsRepository,
    private readonly monitoring: MonitoringStop,
  ) {}

  async suspend(unit: CommandUnit, envelope: EventEnvelope<unknown>, cause: DeviceStop, now: Date): Promise<string[]> {
    const ids = await this.enrolments.onDevice(envelope.streamId, ['ACTIVE'], unit.tx);
    for (const enrolmentId of ids) {
      await this.monitoring.execute(unit, {
        streamId: enrolmentId,
        command: { type: 'SuspendForDevice', cause, causedBy: causingEvent(envelope), now },
        context: reactionContext(envelope, now),
      });
    }
    return ids;
  }

  async resume(unit: CommandUnit, envelope: EventEnvelope<unknown>, now: Date): Promise<void> {
    const certification = await this.certifications.find(unit.tx, envelope.streamId);
    for (const enrolmentId of await this.enrolments.onDevice(envelope.streamId, ['SUSPENDED'], unit.tx)) {
      await unit.execute(this.aggregate, {
        streamId: enrolmentId,
        command: { type: 'ResumeAfterReinstatement', certification, causedBy: causingEvent(envelope), now },
        context: reactionContext(envelope, now),
      });
    }
  }
}
