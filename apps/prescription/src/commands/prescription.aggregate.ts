import { PRESCRIPTION_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandRequest, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { prescriptionAuditDraft } from '../domain/prescription.audit';
import type { PrescriptionCommand } from '../domain/prescription.commands';
import { prescriptionDecider } from '../domain/prescription.decider';
import { PrescriptionErrors } from '../domain/prescription.errors';
import type { PrescriptionEvent } from '../domain/prescription.events';
import type { PrescriptionState } from '../domain/prescription.state';
import { PrescriptionReadModel } from '../projections/prescription-read-model.projection';
import { type PrescriptionRow, PrescriptionsRepository } from '../projections/prescriptions.repository';

/** The Prescription aggregate as the command pipeline runs it: every prescription use case goes through here. */
@Injectable()
export class PrescriptionAggregate implements Aggregate<PrescriptionState, PrescriptionCommand, PrescriptionEvent, PrescriptionRow> {
  readonly streamType = 'prescription';
  readonly contract = PRESCRIPTION_EVENTS_V1;
  readonly decider = prescriptionDecider;

  constructor(
    private readonly prescriptions: PrescriptionsRepository,
    private readonly readModel: PrescriptionReadModel,
  ) {}

  /** Another physician learns nothing of a prescription: the 404 of a missing one, before any decision. */
  async admit(tx: Transaction, { streamId, command, context }: CommandRequest<PrescriptionCommand>): Promise<void> {
    if (command.type === 'IssuePrescription') return;
    const viewer = { role: context.actor.role, rpps: command.type === 'CancelPrescription' ? command.actorRpps : undefined };
    if (!(await this.prescriptions.findVisible(streamId, viewer, tx))) throw PrescriptionErrors.notFound(streamId);
  }

  audit({ streamId, events, state, context }: CommandStep<PrescriptionState, PrescriptionEvent>) {
    return prescriptionAuditDraft(streamId, events, state, context.actor);
  }

  project(tx: Transaction, step: CommandStep<PrescriptionState, PrescriptionEvent>): Promise<PrescriptionRow> {
    return this.readModel.apply(tx, step);
  }
}
