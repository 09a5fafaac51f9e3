import type { CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { EnrolmentErrors } from '../domain/enrolment.errors';
import type { Enrolment, EnrolmentEvent, EnrolmentState } from '../domain/enrolment.state';
import { TransmissionMarksRepository } from '../transmissions/transmission-marks.repository';
import { ConsentsRepository } from './consents.repository';
import { DeviceSerialsRepository } from './device-serials.repository';
import { EnrolmentDevicesRepository } from './enrolment-devices.repository';
import { enrolmentView, type StoredEnrolmentView } from './enrolment-view';
import { EnrolmentsRepository } from './enrolments.repository';

/**
 * The read model, written in the transaction of each step (a service's own
 * reads reflect its writes at once): the enrolment's row, its consent
 * records, the serial numbers it holds, and every serial it ever held (its
 * FHIR Devices). Holding a serial is where two assignments of one device
 * meet: the loser's whole step rolls back.
 * Monitoring (the transmission marks the silence sweep reads) starts with an
 * activation or a resumption and stops with a suspension or the end; what a
 * stop does to the silence in progress is MonitoringStop's (it needs events).
 */
@Injectable()
export class EnrolmentReadModel {
  constructor(
    private readonly enrolments: EnrolmentsRepository,
    private readonly consents: ConsentsRepository,
    private readonly serials: DeviceSerialsRepository,
    private readonly devices: EnrolmentDevicesRepository,
    private readonly marks: TransmissionMarksRepository,
  ) {}

  async apply(tx: Transaction, { streamId, state, events, version, context }: CommandStep<EnrolmentState, EnrolmentEvent>): Promise<StoredEnrolmentView> {
    if (state.status === 'NONE') throw EnrolmentErrors.notFound(streamId);
    const at = context.now.toISOString();
    for (const event of events) await this.applyEvent(tx, streamId, event, at, state);
    const resource = enrolmentView(state, version, at);
    if (events.length === 0) {
      const unchanged = await this.enrolments.findVisible(streamId, { role: 'system' }, tx);
      if (unchanged) return unchanged.resource;
    }
    const row = await this.enrolments.upsert(tx, {
      resource,
      prescriberRpps: state.prescriberRpps,
      patientPseudonym: state.patient.pseudonym,
      identityEncrypted: state.patient.identityEncrypted,
      ald: state.prescription.ald,
    });
    return row.resource;
  }

  private async applyEvent(tx: Transaction, enrolmentId: string, event: EnrolmentEvent, at: string, state: Enrolment) {
    const { device } = state;
    switch (event.type) {
      case 'ConsentRecorded':
        return this.consents.record(tx, enrolmentId, event.data);
      case 'ConsentWithdrawn':
        return this.consents.withdraw(tx, event.data.consentId, event.data.withdrawnAt, event.data.withdrawnBy);
      case 'DeviceAssigned': {
        if (event.data.replaced) await this.serials.release(tx, enrolmentId, event.data.replaced);
        const held = await this.serials.reserve(tx, enrolmentId, event.data, at);
        if (!held) throw EnrolmentErrors.serialInUse(event.data.serialNumber);
        return this.devices.record(tx, enrolmentId, event.data, event.data.assignedAt);
      }
      case 'EnrolmentActivated':
        return this.marks.start(tx, { enrolmentId, monitoringMode: state.prescription.monitoringMode, monitoringFrom: event.data.activatedAt });
      case 'EnrolmentResumed':
        return this.marks.start(tx, { enrolmentId, monitoringMode: state.prescription.monitoringMode, monitoringFrom: event.data.resumedAt });
      case 'EnrolmentSuspended':
        return this.marks.stop(tx, enrolmentId, event.data.suspendedAt);
      case 'EnrolmentEnded':
        await this.marks.stop(tx, enrolmentId, event.data.endedAt);
        return this.serials.release(tx, enrolmentId);
      case 'EnrolmentExtended':
        if (event.data.reopened && device && !(await this.serials.reserve(tx, enrolmentId, device, at))) throw EnrolmentErrors.serialInUse(device.serialNumber);
        return;
      default:
        return;
    }
  }
}
