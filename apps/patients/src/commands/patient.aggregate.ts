import { PATIENTS_EVENTS_V1 } from '@app/contracts';
import type { Aggregate, CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import { patientAuditDraft } from '../domain/patient.audit';
import type { PatientCommand } from '../domain/patient.commands';
import { patientDecider } from '../domain/patient.decider';
import type { PatientEvent } from '../domain/patient.events';
import type { PatientState } from '../domain/patient.state';
import { PatientErasureProjection } from '../projections/patient-erasure.projection';
import type { PatientErasureView } from '../projections/patient-erasure-view';

/** A patient's erasures as the command pipeline runs them: one stream per pseudonym (`patient:<pseudonym>`). */
@Injectable()
export class PatientAggregate implements Aggregate<PatientState, PatientCommand, PatientEvent, PatientErasureView> {
  readonly streamType = 'patient';
  readonly contract = PATIENTS_EVENTS_V1;
  readonly decider = patientDecider;

  constructor(private readonly projection: PatientErasureProjection) {}

  audit({ events, context }: CommandStep<PatientState, PatientEvent>) {
    return patientAuditDraft(events, context.actor);
  }

  project(tx: Transaction, step: CommandStep<PatientState, PatientEvent>): Promise<PatientErasureView> {
    return this.projection.apply(tx, step);
  }
}
