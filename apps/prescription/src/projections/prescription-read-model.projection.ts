import type { CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { PrescriptionEvent } from '../domain/prescription.events';
import type { PrescriptionState } from '../domain/prescription.state';
import { ActivePrescriptionSlotsRepository } from './active-prescription-slots.repository';
import { type PrescriptionRow, PrescriptionsRepository } from './prescriptions.repository';
import { prescriptionView } from './prescription-view';

/**
 * The prescriptions read model and the NO_DUPLICATE slots, written in the
 * transaction of each command, so a prescription and its slot never disagree.
 */
@Injectable()
export class PrescriptionReadModel {
  constructor(
    private readonly prescriptions: PrescriptionsRepository,
    private readonly slots: ActivePrescriptionSlotsRepository,
  ) {}

  async apply(tx: Transaction, { state, version, context }: CommandStep<PrescriptionState, PrescriptionEvent>): Promise<PrescriptionRow> {
    if (state.status === 'NONE') throw new Error('a prescription step left no prescription');
    const { issued } = state;
    const at = context.now.toISOString();
    const row = await this.prescriptions.upsert(tx, {
      id: issued.prescriptionId,
      status: state.status,
      version,
      prescriberRpps: issued.prescriber.rpps,
      patientPseudonym: issued.patient.pseudonym,
      indication: issued.indication,
      deviceId: issued.device.id,
      startDate: issued.startDate,
      endDate: issued.endDate,
      renewalOf: issued.renewalOf,
      identityEncrypted: issued.patient.identityEncrypted,
      resource: prescriptionView(state, version, at),
      at,
    });
    if (state.status !== 'ISSUED') await this.slots.release(tx, issued.prescriptionId);
    return row;
  }
}
