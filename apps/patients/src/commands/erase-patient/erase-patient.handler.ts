import { CommandPipeline } from '@app/event-sourcing';
import { PATIENT_KEY_ERASER, type PatientKeyEraser } from '@app/service-kit';
import { patientStreamId } from '@app/contracts';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { PatientAggregate } from '../patient.aggregate';
import { ErasePatientCommand } from './erase-patient.command';
import { commitNote, erasureAnswer, type ErasureAnswer } from './erasure-answer';

/**
 * An admin erases a patient: in ONE transaction the patient's data key is
 * destroyed (every generation), PatientErased is appended with its sealed
 * audit entry and outbox rows, and the read model written. A refusal or a
 * failed append rolls the destruction back with everything else.
 */
@CommandHandler(ErasePatientCommand)
export class ErasePatientHandler implements ICommandHandler<ErasePatientCommand, ErasureAnswer> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly patient: PatientAggregate,
    @Inject(PATIENT_KEY_ERASER) private readonly keys: PatientKeyEraser,
  ) {}

  execute({ input: { pseudonym, legalBasis, note }, context }: ErasePatientCommand): Promise<ErasureAnswer> {
    const committed = commitNote(note);
    return this.pipeline.transaction(async (unit) => {
      const keys = await this.keys.erase(pseudonym, unit.tx);
      const command = {
        type: 'ErasePatient' as const,
        now: context.now,
        erasureId: uuidv7(),
        pseudonym,
        legalBasis,
        note: committed?.commitment ?? null,
        keys,
        requestedBy: context.actor.id,
      };
      const view = await unit.execute(this.patient, { streamId: patientStreamId(pseudonym), command, context });
      return erasureAnswer(view, committed);
    });
  }
}
