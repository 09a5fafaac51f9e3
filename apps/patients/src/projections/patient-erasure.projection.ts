import type { CommandStep, Transaction } from '@app/event-sourcing';
import { Injectable } from '@nestjs/common';
import type { PatientEvent } from '../domain/patient.events';
import type { PatientState } from '../domain/patient.state';
import { PatientErasuresRepository } from './patient-erasures.repository';
import { patientErasureView, type PatientErasureView } from './patient-erasure-view';

/** The erasure read model, written in the command's transaction so a GET right after reflects it. */
@Injectable()
export class PatientErasureProjection {
  constructor(private readonly erasures: PatientErasuresRepository) {}

  apply(tx: Transaction, { state, version }: CommandStep<PatientState, PatientEvent>): Promise<PatientErasureView> {
    if (state.status !== 'ERASED') throw new Error('an erasure step left no erasure');
    return this.erasures.upsert(tx, patientErasureView(state, version));
  }
}
